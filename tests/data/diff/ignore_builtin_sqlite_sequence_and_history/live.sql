CREATE TABLE counter (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT NOT NULL
);

CREATE TABLE burrow_migrations (
    version     TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    checksum    TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    duration_ms INTEGER,
    applied_by  TEXT,
    status      TEXT NOT NULL
);

INSERT INTO counter(label) VALUES ('first'), ('second');
INSERT INTO burrow_migrations VALUES ('1', 'init', 'abc123', '2024-01-01T00:00:00Z', '2024-01-01T00:00:01Z', 1000, 'ci', 'applied');
