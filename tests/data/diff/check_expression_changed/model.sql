-- table CHECK expression changed: price >= 0 -> price > 0 (one check change expected, or removed + added)
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    price REAL NOT NULL,
    CHECK (price > 0)
);
