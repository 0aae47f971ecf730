CREATE TABLE author (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);
