CREATE TABLE author (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE legacy_report (
    id        INTEGER PRIMARY KEY,
    body      TEXT,
    generated TEXT
);
