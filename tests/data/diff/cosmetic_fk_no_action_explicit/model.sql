-- cosmetic: explicit ON DELETE NO ACTION ON UPDATE NO ACTION vs none (the default); NO differences expected
CREATE TABLE author (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE book (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL,
    author_id INTEGER REFERENCES author(id) ON DELETE NO ACTION ON UPDATE NO ACTION
);
