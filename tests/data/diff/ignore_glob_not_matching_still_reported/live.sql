CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);

CREATE TABLE tmp_import_2019 (
    line INTEGER,
    raw  TEXT
);

CREATE TABLE temp_export (
    line INTEGER,
    raw  TEXT
);
