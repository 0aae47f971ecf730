-- ignore rule: tmp_import_2019 matches tmp_* and is ignored, temp_export does NOT match
-- (exactly one table removed expected: temp_export)
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);
