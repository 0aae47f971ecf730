-- composite primary key column order changed: (book_id, tag_id) -> (tag_id, book_id)
-- (one primary key change expected)
CREATE TABLE book_tag (
    book_id INTEGER NOT NULL,
    tag_id  INTEGER NOT NULL,
    PRIMARY KEY (tag_id, book_id)
);
