-- unique constraint added: UNIQUE (email) (one unique constraint added expected)
CREATE TABLE member (
    id     INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL,
    email  TEXT NOT NULL,
    UNIQUE (email)
);
