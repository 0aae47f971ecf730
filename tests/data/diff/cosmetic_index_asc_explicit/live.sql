CREATE TABLE sale (
    id      INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL,
    sold_at TEXT NOT NULL
);

CREATE INDEX ix_sale_book_sold ON sale(book_id, sold_at);
