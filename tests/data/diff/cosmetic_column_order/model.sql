-- cosmetic: same columns in a different order; NO differences expected
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    stock INTEGER DEFAULT 0,
    price REAL,
    title TEXT NOT NULL
);
