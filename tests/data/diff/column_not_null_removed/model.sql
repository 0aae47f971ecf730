-- column NOT NULL removed: book.subtitle TEXT NOT NULL -> TEXT (one column_changed expected)
CREATE TABLE book (
    id       INTEGER PRIMARY KEY,
    title    TEXT NOT NULL,
    subtitle TEXT
);
