-- cosmetic: DEFAULT 0 vs DEFAULT (0), DEFAULT 9.99 vs DEFAULT (9.99); NO differences expected
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    stock INTEGER NOT NULL DEFAULT (0),
    price REAL DEFAULT (9.99)
);
