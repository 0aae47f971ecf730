CREATE TABLE "select" (
    "where"  INTEGER PRIMARY KEY,
    "group"  TEXT,
    "end"    TEXT NOT NULL
);
