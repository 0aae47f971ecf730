-- cosmetic: GENERATED ALWAYS AS (x) VIRTUAL vs AS (x) (VIRTUAL is the default); NO differences expected
CREATE TABLE line_item (
    id    INTEGER PRIMARY KEY,
    price REAL NOT NULL,
    qty   INTEGER NOT NULL,
    total REAL AS (price * qty)
);
