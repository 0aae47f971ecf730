-- column renamed surname -> last_name, identical definition
-- (column surname removed + last_name added expected, plus a rename suggestion)
CREATE TABLE person (
    id         INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name  TEXT NOT NULL DEFAULT ''
);
