CREATE TABLE app_user (
    id         INTEGER PRIMARY KEY,
    email      TEXT NOT NULL,
    first_name TEXT,
    last_name  TEXT
);

CREATE INDEX ix_app_user_email ON app_user(email);
