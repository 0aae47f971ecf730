CREATE TABLE member (
    id     INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL,
    email  TEXT NOT NULL
);
