-- cosmetic: DEFAULT -1 vs DEFAULT (-1); NO differences expected
CREATE TABLE account (
    id      INTEGER PRIMARY KEY,
    balance INTEGER NOT NULL DEFAULT (-1)
);
