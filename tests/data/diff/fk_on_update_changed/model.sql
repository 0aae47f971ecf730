-- foreign key ON UPDATE changed: RESTRICT -> CASCADE (one foreign key change expected)
CREATE TABLE author (
    id        INTEGER PRIMARY KEY,
    legacy_id INTEGER UNIQUE,
    name      TEXT NOT NULL
);

CREATE TABLE book (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL,
    author_id INTEGER REFERENCES author(id) ON UPDATE CASCADE
);
