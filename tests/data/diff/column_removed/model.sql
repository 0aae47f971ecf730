-- column removed: book.legacy_code exists only in live (one column removed expected)
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);
