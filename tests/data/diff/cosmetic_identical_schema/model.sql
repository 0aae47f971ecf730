-- baseline: byte-identical schema of every object kind; NO differences expected
CREATE TABLE author (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE book (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL,
    author_id INTEGER REFERENCES author(id),
    price     REAL CHECK (price >= 0)
);

CREATE INDEX ix_book_author_id ON book(author_id);

CREATE VIEW v_book AS SELECT b.id, b.title, a.name AS author FROM book b JOIN author a ON a.id = b.author_id;

CREATE TRIGGER trg_book_bi BEFORE INSERT ON book
BEGIN
    SELECT RAISE(ABORT, 'negative price') WHERE NEW.price < 0;
END;
