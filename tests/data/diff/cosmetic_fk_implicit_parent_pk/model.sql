-- cosmetic: REFERENCES author (parent's primary key implied) vs REFERENCES author(id); NO differences expected
CREATE TABLE author (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE book (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL,
    author_id INTEGER REFERENCES author
);
