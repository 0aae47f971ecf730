-- index columns changed: ix_sale_lookup (book_id) -> (book_id, sold_at) (one index_changed expected)
CREATE TABLE sale (
    id      INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL,
    qty     INTEGER NOT NULL,
    sold_at TEXT NOT NULL
);

CREATE INDEX ix_sale_lookup ON sale(book_id, sold_at);
