-- column-level CHECK changed: qty > 0 -> qty BETWEEN 1 AND 1000 (one check change expected, or removed + added)
CREATE TABLE sale (
    id  INTEGER PRIMARY KEY,
    qty INTEGER NOT NULL CHECK (qty BETWEEN 1 AND 1000)
);
