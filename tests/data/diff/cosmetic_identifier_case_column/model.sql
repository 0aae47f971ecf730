-- cosmetic: column name case only (Title vs title, AuthorId vs authorid); NO differences expected
CREATE TABLE book (
    id       INTEGER PRIMARY KEY,
    title    TEXT NOT NULL,
    authorid INTEGER
);

CREATE INDEX ix_book_author ON book(authorid);
