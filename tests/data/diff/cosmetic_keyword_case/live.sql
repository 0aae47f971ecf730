CREATE TABLE book (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL DEFAULT 'Untitled',
    price REAL,
    CHECK (price IS NULL OR price >= 0)
);

CREATE UNIQUE INDEX ix_book_title ON book(title);
