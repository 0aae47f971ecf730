-- cosmetic: table and index name case only (Book vs book, IX_Book_Title vs ix_book_title); NO differences expected
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);

CREATE INDEX ix_book_title ON book(title);
