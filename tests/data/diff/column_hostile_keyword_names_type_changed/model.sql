-- hostile identifiers: keyword names; column "select"."group" type changed TEXT -> INTEGER
-- (one column_changed expected)
CREATE TABLE "select" (
    "where"  INTEGER PRIMARY KEY,
    "group"  INTEGER,
    "end"    TEXT NOT NULL
);
