-- index unique flag removed: ix_app_user_email UNIQUE INDEX -> INDEX (one index_changed expected)
CREATE TABLE app_user (
    id         INTEGER PRIMARY KEY,
    email      TEXT NOT NULL,
    first_name TEXT,
    last_name  TEXT
);

CREATE INDEX ix_app_user_email ON app_user(email);
