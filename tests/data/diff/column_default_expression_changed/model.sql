-- column default expression changed: datetime('now') -> date('now') (one column_changed expected)
CREATE TABLE event (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TEXT DEFAULT (date('now'))
);
