-- index removed: ix_book_author_id exists only in live (one index removed expected)
CREATE TABLE book (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL,
    author_id INTEGER
);
