-- column added with NOT NULL and a DEFAULT: book.stock (one column added expected)
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    stock INTEGER NOT NULL DEFAULT 0
);
