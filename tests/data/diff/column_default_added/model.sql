-- column default added: book.stock gains DEFAULT 0 (one column_changed expected)
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    stock INTEGER DEFAULT 0
);
