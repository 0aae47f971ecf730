-- foreign key target table changed: book.publisher_id -> publisher_old(id) becomes -> publisher(id)
-- (one foreign key change expected, or removed + added)
CREATE TABLE publisher_old (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE publisher (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE book (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL,
    publisher_id INTEGER REFERENCES publisher(id)
);
