CREATE TABLE "order line; -- x" (
    "item id"        INTEGER PRIMARY KEY,
    "say ""hi"""     TEXT,
    "select"         TEXT,
    "a;b"            INTEGER
);
