-- plain column becomes generated: total REAL -> total REAL AS (price * qty) (one column_changed expected)
CREATE TABLE line_item (
    id    INTEGER PRIMARY KEY,
    price REAL NOT NULL,
    qty   INTEGER NOT NULL,
    total REAL AS (price * qty)
);
