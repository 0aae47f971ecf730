-- index renamed ix_book_title -> idx_book_title, same definition
-- (index removed + index added expected, plus a rename suggestion)
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    isbn  TEXT
);

CREATE INDEX idx_book_title ON book(title);
