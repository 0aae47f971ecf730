-- column type changed: book.year TEXT -> INTEGER (one column_changed expected)
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    year  INTEGER
);
