-- cosmetic: the model uses IF NOT EXISTS on table, index, view and trigger; NO differences expected
CREATE TABLE IF NOT EXISTS book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_book_title ON book(title);

CREATE VIEW IF NOT EXISTS v_titles AS SELECT title FROM book;

CREATE TRIGGER IF NOT EXISTS trg_book_bi BEFORE INSERT ON book
BEGIN
    SELECT RAISE(ABORT, 'empty title') WHERE NEW.title = '';
END;
