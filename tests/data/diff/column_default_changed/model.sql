-- column default changed: book.status DEFAULT 'draft' -> DEFAULT 'new' (one column_changed expected)
CREATE TABLE book (
    id     INTEGER PRIMARY KEY,
    title  TEXT NOT NULL,
    status TEXT DEFAULT 'new'
);
