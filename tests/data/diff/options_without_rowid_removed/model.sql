-- table option WITHOUT ROWID removed (one table options change expected)
CREATE TABLE setting (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT
);
