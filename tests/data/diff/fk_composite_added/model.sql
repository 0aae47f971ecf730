-- composite foreign key added: copy(room, shelf) -> shelf(room, shelf) (one foreign key added expected)
CREATE TABLE shelf (
    room  TEXT NOT NULL,
    shelf INTEGER NOT NULL,
    label TEXT,
    PRIMARY KEY (room, shelf)
);

CREATE TABLE copy (
    id      INTEGER PRIMARY KEY,
    room    TEXT NOT NULL,
    shelf   INTEGER NOT NULL,
    barcode TEXT NOT NULL,
    FOREIGN KEY (room, shelf) REFERENCES shelf(room, shelf)
);
