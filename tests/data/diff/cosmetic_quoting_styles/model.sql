-- cosmetic: quoting styles only ("x", [x], `x`, bare); NO differences expected
CREATE TABLE author (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    born INTEGER
);

CREATE INDEX ix_author_name ON author(name);
