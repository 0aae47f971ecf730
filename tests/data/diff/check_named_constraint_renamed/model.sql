-- named CHECK renamed: ck_price_positive -> ck_book_price, same expression
-- (a rename of the check constraint expected; expression unchanged)
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    price REAL NOT NULL,
    CONSTRAINT ck_book_price CHECK (price >= 0)
);
