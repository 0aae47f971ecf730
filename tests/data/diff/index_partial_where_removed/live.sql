CREATE TABLE author (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);

CREATE INDEX ix_author_active ON author(name) WHERE active = 1;
