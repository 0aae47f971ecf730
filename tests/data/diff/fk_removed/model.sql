-- foreign key removed: book.author_id -> author(id) only in live (one foreign key removed expected)
CREATE TABLE author (
    id        INTEGER PRIMARY KEY,
    legacy_id INTEGER UNIQUE,
    name      TEXT NOT NULL
);

CREATE TABLE book (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL,
    author_id INTEGER
);
