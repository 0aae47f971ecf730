-- one column, four attributes changed: account.email type VARCHAR(100) -> TEXT, NOT NULL added,
-- DEFAULT '' added, COLLATE NOCASE added (one column_changed listing all four expected)
CREATE TABLE account (
    id    INTEGER PRIMARY KEY,
    email TEXT NOT NULL DEFAULT '' COLLATE NOCASE
);
