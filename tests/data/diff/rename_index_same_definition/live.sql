CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    isbn  TEXT
);

CREATE INDEX ix_book_title ON book(title);
