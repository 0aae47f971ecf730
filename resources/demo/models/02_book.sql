-- Books: the year is a number now, the legacy flag is gone, and titles are searched a lot.
CREATE TABLE book (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL COLLATE NOCASE,
    author_id INTEGER REFERENCES author(id) ON DELETE CASCADE,
    year INTEGER,
    isbn TEXT UNIQUE
);
CREATE INDEX book_title ON book(title COLLATE NOCASE);
CREATE INDEX book_author ON book(author_id);
