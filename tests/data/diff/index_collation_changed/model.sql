-- index column collation changed: (name) -> (name COLLATE NOCASE) (one index_changed expected)
CREATE TABLE author (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);

CREATE INDEX ix_author_name ON author(name COLLATE NOCASE);
