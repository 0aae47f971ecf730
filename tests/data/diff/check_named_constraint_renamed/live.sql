CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    price REAL NOT NULL,
    CONSTRAINT ck_price_positive CHECK (price >= 0)
);
