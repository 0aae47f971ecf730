-- AUTOINCREMENT removed: invoice.id loses AUTOINCREMENT
-- (one change on invoice.id expected; the live sqlite_sequence must not appear)
CREATE TABLE invoice (
    id     INTEGER PRIMARY KEY,
    number TEXT NOT NULL
);
