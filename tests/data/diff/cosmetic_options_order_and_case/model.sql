-- cosmetic: table options in another order and case (STRICT, WITHOUT ROWID vs without rowid, strict);
-- NO differences expected
CREATE TABLE kv (
    k TEXT NOT NULL PRIMARY KEY,
    v ANY
) without rowid, strict;
