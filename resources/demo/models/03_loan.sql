-- Loans: returned books keep their row, with the date they came back.
CREATE TABLE loan (
    id INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES book(id),
    borrower TEXT NOT NULL,
    loaned_at TEXT NOT NULL DEFAULT (datetime('now')),
    returned_at TEXT
);
CREATE INDEX open_loans ON loan(book_id) WHERE returned_at IS NULL;

CREATE TABLE tag (
    book_id INTEGER NOT NULL REFERENCES book(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    PRIMARY KEY (book_id, label)
) WITHOUT ROWID;
