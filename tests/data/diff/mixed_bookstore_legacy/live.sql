CREATE TABLE author (
    id   INTEGER PRIMARY KEY,
    name TEXT,
    born TEXT
);

CREATE TABLE book (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL,
    author_id INTEGER,
    price     REAL,
    isbn      TEXT,
    notes     TEXT
);

CREATE TABLE sale (
    id      INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES book(id),
    qty     INTEGER,
    sold_at TEXT
);

CREATE TABLE price_history (
    book_id INTEGER,
    price   REAL,
    at      TEXT
);

CREATE VIEW v_sales AS SELECT book_id, SUM(qty) AS total FROM sale GROUP BY book_id;
