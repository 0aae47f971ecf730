CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);

CREATE TABLE old_price (
    id       INTEGER PRIMARY KEY,
    book_id  INTEGER NOT NULL REFERENCES book(id),
    price    REAL NOT NULL,
    valid_to TEXT
);

CREATE INDEX ix_old_price_book_id ON old_price(book_id);

CREATE TRIGGER trg_old_price_ai AFTER INSERT ON old_price
BEGIN
    UPDATE old_price SET valid_to = datetime('now') WHERE book_id = NEW.book_id AND id <> NEW.id;
END;
