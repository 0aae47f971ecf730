-- hostile identifiers: a table named drop table "order"; -- is added
-- (one table added expected; "order" unchanged)
CREATE TABLE "order" (
    id      INTEGER PRIMARY KEY,
    "group" TEXT
);

CREATE TABLE "drop table ""order""; --" (
    id        INTEGER PRIMARY KEY,
    "order"   INTEGER REFERENCES "order"(id),
    "-- note" TEXT
);
