CREATE TABLE book (
    id     INTEGER PRIMARY KEY,
    status TEXT NOT NULL DEFAULT 'draft',
    lang   TEXT DEFAULT 'it''s'
);
