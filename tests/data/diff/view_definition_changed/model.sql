-- view definition changed: v_in_stock gains a column and an ORDER BY (one view_changed expected)
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    price REAL,
    stock INTEGER NOT NULL DEFAULT 0
);

CREATE VIEW v_in_stock AS SELECT id, title, stock FROM book WHERE stock > 0 ORDER BY title;
