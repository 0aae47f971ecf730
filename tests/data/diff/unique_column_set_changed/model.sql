-- unique constraint column set changed: UNIQUE (email) -> UNIQUE (org_id, email)
-- (one unique change expected, or removed + added)
CREATE TABLE member (
    id     INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL,
    email  TEXT NOT NULL,
    UNIQUE (org_id, email)
);
