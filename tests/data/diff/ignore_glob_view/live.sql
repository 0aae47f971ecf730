CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);

CREATE VIEW scratch_titles AS SELECT id, title FROM book WHERE title LIKE 'A%';
