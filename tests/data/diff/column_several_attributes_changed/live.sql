CREATE TABLE account (
    id    INTEGER PRIMARY KEY,
    email VARCHAR(100)
);
