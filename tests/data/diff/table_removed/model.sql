-- table removed: legacy_report exists only in the live database (one table removed expected)
CREATE TABLE author (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);
