CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);

CREATE TABLE tmp_load (
    raw TEXT
);

CREATE TABLE book_backup (
    id    INTEGER,
    title TEXT
);

CREATE TABLE audit_2019_q1 (
    id  INTEGER PRIMARY KEY,
    msg TEXT
);
