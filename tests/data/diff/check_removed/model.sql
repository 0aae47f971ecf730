-- table CHECK removed: CHECK (price >= 0) only in live (one check removed expected)
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    price REAL NOT NULL
);
