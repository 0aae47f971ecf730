-- partial index WHERE changed: deleted_at IS NULL -> deleted_at IS NULL AND active = 1 (one index_changed expected)
CREATE TABLE author (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);

CREATE INDEX ix_author_live ON author(name) WHERE deleted_at IS NULL AND active = 1;
