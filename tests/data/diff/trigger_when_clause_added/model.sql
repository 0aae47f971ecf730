-- trigger WHEN clause added: WHEN NEW.stock < 3 (one trigger_changed expected)
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    price REAL,
    stock INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE audit (
    id     INTEGER PRIMARY KEY,
    msg    TEXT NOT NULL,
    at     TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TRIGGER trg_book_stock AFTER UPDATE ON book
WHEN NEW.stock < 3
BEGIN
    INSERT INTO audit(msg) VALUES ('stock of ' || NEW.id || ' is ' || NEW.stock);
END;
