-- index column order changed: (last_name, first_name) -> (first_name, last_name) (one index_changed expected)
CREATE TABLE app_user (
    id         INTEGER PRIMARY KEY,
    email      TEXT NOT NULL,
    first_name TEXT,
    last_name  TEXT
);

CREATE INDEX ix_app_user_name ON app_user(first_name, last_name);
