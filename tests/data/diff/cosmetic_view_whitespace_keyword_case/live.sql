CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    price REAL,
    stock INTEGER NOT NULL DEFAULT 0
);

CREATE VIEW v_in_stock AS SELECT id, title, price FROM book WHERE stock > 0 AND price IS NOT NULL ORDER BY title;
