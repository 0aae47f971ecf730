-- ignore rules: three globs (tmp_*, *_backup, audit_20??_q?) cover every live-only table;
-- NO differences expected
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);
