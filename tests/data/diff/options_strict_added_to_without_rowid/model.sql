-- table already WITHOUT ROWID gains STRICT (one table options change expected; WITHOUT ROWID unchanged)
CREATE TABLE kv (
    k TEXT NOT NULL PRIMARY KEY,
    v ANY
) WITHOUT ROWID, STRICT;
