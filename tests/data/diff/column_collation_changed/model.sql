-- column collation changed: author.name (default BINARY) -> COLLATE NOCASE (one column_changed expected)
CREATE TABLE author (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE
);
