-- unique constraint removed: UNIQUE (email) only in live (one unique constraint removed expected)
CREATE TABLE member (
    id     INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL,
    email  TEXT NOT NULL
);
