-- three tables, only product differs: price TEXT -> REAL, column active added, index ix_product_sku added
-- (three differences, all on product; customer and purchase unchanged)
CREATE TABLE customer (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL,
    email TEXT UNIQUE
);

CREATE TABLE product (
    id     INTEGER PRIMARY KEY,
    sku    TEXT NOT NULL,
    price  REAL,
    active INTEGER NOT NULL DEFAULT 1
);

CREATE UNIQUE INDEX ix_product_sku ON product(sku);

CREATE TABLE purchase (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer(id),
    product_id  INTEGER NOT NULL REFERENCES product(id),
    qty         INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX ix_purchase_customer ON purchase(customer_id);
