-- view added: v_in_stock exists only in the model (one view added expected)
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    price REAL,
    stock INTEGER NOT NULL DEFAULT 0
);

CREATE VIEW v_in_stock AS SELECT id, title FROM book WHERE stock > 0;
