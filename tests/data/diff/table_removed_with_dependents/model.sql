-- table removed together with its index and trigger: old_price in live only
-- (one table removed, with its index and trigger; nothing else expected)
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);
