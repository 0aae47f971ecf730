-- table added together with its own index: review + ix_review_book_id in the model only
-- (one table added, with its index; nothing else expected)
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);

CREATE TABLE review (
    id      INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES book(id),
    stars   INTEGER NOT NULL,
    body    TEXT
);

CREATE INDEX ix_review_book_id ON review(book_id);
