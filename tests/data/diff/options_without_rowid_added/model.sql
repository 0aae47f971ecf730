-- table option WITHOUT ROWID added (one table options change expected)
CREATE TABLE setting (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT
) WITHOUT ROWID;
