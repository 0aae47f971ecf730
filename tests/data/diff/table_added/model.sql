-- table added: publisher exists only in the model (one table added expected)
CREATE TABLE author (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE publisher (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    country TEXT
);
