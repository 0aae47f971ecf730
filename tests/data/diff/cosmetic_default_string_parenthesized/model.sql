-- cosmetic: DEFAULT 'draft' vs DEFAULT ('draft') (also with an escaped quote); NO differences expected
CREATE TABLE book (
    id     INTEGER PRIMARY KEY,
    status TEXT NOT NULL DEFAULT ('draft'),
    lang   TEXT DEFAULT ('it''s')
);
