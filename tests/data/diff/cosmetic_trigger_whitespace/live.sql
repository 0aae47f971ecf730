CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    price REAL,
    stock INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE audit (
    id  INTEGER PRIMARY KEY,
    msg TEXT NOT NULL
);

CREATE TRIGGER trg_book_au AFTER UPDATE ON book BEGIN INSERT INTO audit(msg) VALUES ('updated ' || NEW.id); END;
