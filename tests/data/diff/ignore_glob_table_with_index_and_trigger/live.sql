CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);

CREATE TABLE tmp_import_2019 (
    line INTEGER,
    raw  TEXT
);

CREATE INDEX ix_import_line ON tmp_import_2019(line);

CREATE TRIGGER trg_import_ai AFTER INSERT ON tmp_import_2019
BEGIN
    UPDATE tmp_import_2019 SET raw = trim(raw) WHERE line = NEW.line;
END;
