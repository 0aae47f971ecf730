CREATE TABLE customer (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL,
    email TEXT UNIQUE
);

CREATE TABLE product (
    id    INTEGER PRIMARY KEY,
    sku   TEXT NOT NULL,
    price TEXT
);

CREATE TABLE purchase (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer(id),
    product_id  INTEGER NOT NULL REFERENCES product(id),
    qty         INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX ix_purchase_customer ON purchase(customer_id);
