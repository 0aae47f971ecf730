-- cosmetic: explicit COLLATE BINARY (column and index) vs no collation; NO differences expected
CREATE TABLE author (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL COLLATE BINARY
);

CREATE INDEX ix_author_name ON author(name COLLATE BINARY);
