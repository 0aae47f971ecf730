-- hostile identifiers: table "order line; -- x" with columns holding spaces, embedded double quotes,
-- a keyword and a semicolon; column "from" (a keyword) added (one column added expected)
CREATE TABLE "order line; -- x" (
    "item id"        INTEGER PRIMARY KEY,
    "say ""hi"""     TEXT,
    "select"         TEXT,
    "a;b"            INTEGER,
    "from"           INTEGER DEFAULT 0
);
