CREATE TABLE publisher_old (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE publisher (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE book (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL,
    publisher_id INTEGER REFERENCES publisher_old(id)
);
