CREATE TABLE person (
    id         INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    surname    TEXT NOT NULL DEFAULT ''
);
