-- ignore rule hides tmp_import_2019, but book.isbn is still a real difference
-- (exactly one column added expected: book.isbn)
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    isbn  TEXT
);
