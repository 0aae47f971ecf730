CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    price REAL,
    qty   INTEGER,
    CHECK(price>=0 and qty between 0 and 1000)
);
