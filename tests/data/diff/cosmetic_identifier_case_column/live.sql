CREATE TABLE book (
    Id        INTEGER PRIMARY KEY,
    Title     TEXT NOT NULL,
    AuthorId  INTEGER
);

CREATE INDEX ix_book_author ON book(AuthorId);
