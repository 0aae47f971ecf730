-- column-level UNIQUE added: sku TEXT NOT NULL -> sku TEXT NOT NULL UNIQUE (one unique constraint added expected)
CREATE TABLE product (
    id  INTEGER PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE
);
