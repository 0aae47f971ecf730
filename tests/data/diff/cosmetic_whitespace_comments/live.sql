CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT NOT NULL DEFAULT 'untitled', price REAL CHECK (price >= 0));
CREATE INDEX ix_book_title ON book(title);
