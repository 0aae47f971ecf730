CREATE TABLE book (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL,
    author_id INTEGER
);

CREATE INDEX ix_book_author_id ON book(author_id);
