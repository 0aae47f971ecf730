CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);

CREATE TABLE tmp_import_2019 (
    line INTEGER,
    raw  TEXT
);
