-- foreign key target column changed: book.author_ref -> author(id) becomes -> author(legacy_id)
-- (one foreign key change expected, or removed + added)
CREATE TABLE author (
    id        INTEGER PRIMARY KEY,
    legacy_id INTEGER UNIQUE,
    name      TEXT NOT NULL
);

CREATE TABLE book (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL,
    author_ref INTEGER REFERENCES author(legacy_id)
);
