-- cosmetic: inline REFERENCES vs table-level FOREIGN KEY (author_id) REFERENCES author(id); NO differences expected
CREATE TABLE author (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE book (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL,
    author_id INTEGER,
    FOREIGN KEY (author_id) REFERENCES author(id)
);
