CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);

CREATE TABLE tag (
    name  TEXT NOT NULL PRIMARY KEY,
    color TEXT
);
