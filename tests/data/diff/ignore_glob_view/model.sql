-- ignore rule: live-only view scratch_titles matches ignore glob scratch_*; NO differences expected
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);
