-- column-level CHECK added: qty INTEGER NOT NULL CHECK (qty > 0) (one check added expected)
CREATE TABLE sale (
    id  INTEGER PRIMARY KEY,
    qty INTEGER NOT NULL CHECK (qty > 0)
);
