-- Authors, as the application's models define them today.
CREATE TABLE author (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    born INTEGER,
    CHECK (born IS NULL OR born > 0)
);
