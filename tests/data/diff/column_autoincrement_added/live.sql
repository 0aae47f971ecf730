CREATE TABLE invoice (
    id     INTEGER PRIMARY KEY,
    number TEXT NOT NULL
);
