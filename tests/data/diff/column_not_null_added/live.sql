CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT
);
