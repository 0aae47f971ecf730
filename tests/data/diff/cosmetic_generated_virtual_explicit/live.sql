CREATE TABLE line_item (
    id    INTEGER PRIMARY KEY,
    price REAL NOT NULL,
    qty   INTEGER NOT NULL,
    total REAL GENERATED ALWAYS AS (price * qty) VIRTUAL
);
