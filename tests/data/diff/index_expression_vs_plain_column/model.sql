-- index on plain column becomes expression index: (name) -> (lower(name)) (one index_changed expected)
CREATE TABLE author (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);

CREATE INDEX ix_author_name ON author(lower(name));
