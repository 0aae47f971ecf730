CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    price REAL NOT NULL,
    pages INTEGER,
    CHECK (price >= 0),
    CHECK (pages IS NULL OR pages > 0),
    CHECK (length(title) > 0)
);
