-- cosmetic: CHECK expression differs only in spacing and keyword case; NO differences expected
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    price REAL,
    qty   INTEGER,
    CHECK (price >= 0 AND qty BETWEEN 0 AND 1000)
);
