-- ignore rule: ignored table tmp_import_2019 carries an index and a trigger whose names do NOT match
-- the glob tmp_*; they belong to the ignored table, so NO differences expected
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);
