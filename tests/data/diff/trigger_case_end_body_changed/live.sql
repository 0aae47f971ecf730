CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    price REAL,
    stock INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sale (
    id      INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES book(id),
    qty     INTEGER NOT NULL,
    kind    TEXT
);

CREATE TABLE audit (
    id  INTEGER PRIMARY KEY,
    msg TEXT NOT NULL
);

CREATE TRIGGER trg_sale_ai AFTER INSERT ON sale
BEGIN
    UPDATE book SET stock = stock - NEW.qty WHERE id = NEW.book_id;
    UPDATE sale SET kind = CASE
            WHEN NEW.qty >= 10 THEN 'bulk'
            WHEN NEW.qty > 1 THEN 'multi'
            ELSE 'single'
        END
        WHERE id = NEW.id;
    INSERT INTO audit(msg) VALUES ('sale; END; of ' || NEW.qty || ' -- not a comment');
    INSERT INTO audit(msg)
        SELECT CASE WHEN stock < 0 THEN 'oversold: ' || title ELSE 'ok' END FROM book WHERE id = NEW.book_id;
END;
