-- The reading list's first schema, as it shipped in 2019 (the demo's legacy database was built
-- by it; later changes were made by hand, which is the drift Burrow shows).
-- migrate:up
CREATE TABLE author (
    id INTEGER PRIMARY KEY,
    name TEXT,
    born INTEGER
);
CREATE TABLE book (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    author_id INTEGER REFERENCES author(id),
    year TEXT
);
CREATE TABLE loan (
    id INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL,
    borrower_name TEXT NOT NULL
);

-- migrate:down
DROP TABLE loan;
DROP TABLE book;
DROP TABLE author;
