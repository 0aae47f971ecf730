CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);

CREATE INDEX ix_book_title ON book(title);

CREATE VIEW v_titles AS SELECT title FROM book;

CREATE TRIGGER trg_book_bi BEFORE INSERT ON book
BEGIN
    SELECT RAISE(ABORT, 'empty title') WHERE NEW.title = '';
END;
