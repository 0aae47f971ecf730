-- three table CHECKs, only the middle one changed: pages > 0 -> pages >= 1 AND pages < 100000
-- (one check change expected; the other two unchanged)
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    price REAL NOT NULL,
    pages INTEGER,
    CHECK (price >= 0),
    CHECK (pages IS NULL OR (pages >= 1 AND pages < 100000)),
    CHECK (length(title) > 0)
);
