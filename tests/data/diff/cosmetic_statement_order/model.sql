-- cosmetic: same objects created in a different order; NO differences expected
CREATE TABLE book (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL,
    author_id INTEGER REFERENCES author(id)
);

CREATE VIEW v_book AS SELECT id, title FROM book;

CREATE INDEX ix_book_title ON book(title);

CREATE TABLE author (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);
