CREATE TABLE "my table" (
    "id"        INTEGER PRIMARY KEY,
    "full name" TEXT,
    "e;mail"    TEXT
);
