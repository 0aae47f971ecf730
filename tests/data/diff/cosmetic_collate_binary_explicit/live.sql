CREATE TABLE author (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE INDEX ix_author_name ON author(name);
