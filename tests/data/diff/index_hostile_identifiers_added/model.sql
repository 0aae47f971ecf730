-- hostile identifiers: index "ix ""weird""; -- name" on "my table"("full name", "e;mail") added
-- (one index added expected)
CREATE TABLE "my table" (
    "id"        INTEGER PRIMARY KEY,
    "full name" TEXT,
    "e;mail"    TEXT
);

CREATE INDEX "ix ""weird""; -- name" ON "my table"("full name", "e;mail");
