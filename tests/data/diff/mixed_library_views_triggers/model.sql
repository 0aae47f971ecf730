-- mixed library, 5 differences expected: item.kind DEFAULT 'book' -> 'print'; loan.member_id FK gains ON DELETE CASCADE;
-- index ix_loan_due added; view v_open_loans changed; trigger trg_member_ad removed (trigger trg_loan_bi unchanged)
CREATE TABLE member (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL,
    joined TEXT
);

CREATE TABLE item (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    kind  TEXT DEFAULT 'print'
);

CREATE TABLE loan (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
    item_id   INTEGER NOT NULL REFERENCES item(id),
    due       TEXT NOT NULL,
    returned  TEXT
);

CREATE INDEX ix_loan_due ON loan(due) WHERE returned IS NULL;

CREATE VIEW v_open_loans AS SELECT id, member_id, item_id, due FROM loan WHERE returned IS NULL;

CREATE TRIGGER trg_loan_bi BEFORE INSERT ON loan
BEGIN
    SELECT RAISE(ABORT, 'item already on loan')
     WHERE EXISTS (SELECT 1 FROM loan WHERE item_id = NEW.item_id AND returned IS NULL);
END;
