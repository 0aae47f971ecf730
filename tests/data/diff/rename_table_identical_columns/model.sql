-- table renamed customer -> client, identical columns
-- (customer removed + client added expected, plus a rename suggestion customer -> client)
CREATE TABLE client (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    email      TEXT,
    created_at TEXT DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE region (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);
