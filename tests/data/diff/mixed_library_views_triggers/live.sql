CREATE TABLE member (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL,
    joined TEXT
);

CREATE TABLE item (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    kind  TEXT DEFAULT 'book'
);

CREATE TABLE loan (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES member(id),
    item_id   INTEGER NOT NULL REFERENCES item(id),
    due       TEXT NOT NULL,
    returned  TEXT
);

CREATE VIEW v_open_loans AS SELECT id, member_id, item_id FROM loan WHERE returned IS NULL;

CREATE TRIGGER trg_loan_bi BEFORE INSERT ON loan
BEGIN
    SELECT RAISE(ABORT, 'item already on loan')
     WHERE EXISTS (SELECT 1 FROM loan WHERE item_id = NEW.item_id AND returned IS NULL);
END;

CREATE TRIGGER trg_member_ad AFTER DELETE ON member
BEGIN
    DELETE FROM loan WHERE member_id = OLD.id;
END;
