-- built-in ignores: live has sqlite_sequence (AUTOINCREMENT table in both) and the burrow_migrations
-- history table; no ignore.txt; NO differences expected
CREATE TABLE counter (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT NOT NULL
);
