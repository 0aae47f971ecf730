-- ignore rule: live-only table tmp_import_2019 matches ignore glob tmp_*; NO differences expected
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);
