-- trigger UPDATE OF column list changed: OF price -> OF price, stock (one trigger_changed expected)
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

CREATE TRIGGER trg_book_price AFTER UPDATE OF price, stock ON book
BEGIN
    INSERT INTO audit(msg) VALUES ('price of ' || NEW.id || ' changed');
END;
