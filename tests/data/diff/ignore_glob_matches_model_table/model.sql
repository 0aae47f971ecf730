-- ignore rule applies to the model side too: model-only table tmp_staging matches tmp_*;
-- NO differences expected
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);

CREATE TABLE tmp_staging (
    id  INTEGER PRIMARY KEY,
    raw TEXT
);
