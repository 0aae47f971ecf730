-- column default removed: book.status loses DEFAULT 'draft' (one column_changed expected)
CREATE TABLE book (
    id     INTEGER PRIMARY KEY,
    title  TEXT NOT NULL,
    status TEXT
);
