CREATE TABLE setting (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT
);
