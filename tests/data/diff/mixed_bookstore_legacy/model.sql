-- mixed bookstore, 10 differences expected: author.name NOT NULL; book.notes removed, book.published_year added, book.author_id FK added,
-- book.isbn UNIQUE added; sale.qty NOT NULL DEFAULT 1; index ix_sale_sold_at added; table price_history removed; table tag added; view v_sales changed
CREATE TABLE author (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    born TEXT
);

CREATE TABLE book (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL,
    author_id      INTEGER REFERENCES author(id) ON DELETE CASCADE,
    price          REAL,
    isbn           TEXT UNIQUE,
    published_year INTEGER
);

CREATE TABLE sale (
    id      INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES book(id),
    qty     INTEGER NOT NULL DEFAULT 1,
    sold_at TEXT
);

CREATE INDEX ix_sale_sold_at ON sale(sold_at);

CREATE TABLE tag (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE VIEW v_sales AS SELECT book_id, SUM(qty) AS total, COUNT(*) AS sales FROM sale GROUP BY book_id;
