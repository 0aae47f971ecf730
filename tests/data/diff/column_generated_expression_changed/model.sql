-- generated column expression changed: price * qty -> round(price * qty, 2) (one column_changed expected)
CREATE TABLE line_item (
    id    INTEGER PRIMARY KEY,
    price REAL NOT NULL,
    qty   INTEGER NOT NULL,
    total REAL GENERATED ALWAYS AS (round(price * qty, 2)) VIRTUAL
);
