-- column NOT NULL added: book.title TEXT -> TEXT NOT NULL (one column_changed expected)
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);
