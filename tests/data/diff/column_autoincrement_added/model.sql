-- AUTOINCREMENT added: invoice.id INTEGER PRIMARY KEY -> INTEGER PRIMARY KEY AUTOINCREMENT
-- (one change on invoice.id expected; the model's sqlite_sequence must not appear)
CREATE TABLE invoice (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    number TEXT NOT NULL
);
