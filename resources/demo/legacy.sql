-- The demo's legacy database: a reading-list app's SQLite file from 2019, before the models
-- in resources/demo/models/ were written. Its schema drifted since migration 0001: a column
-- was renamed in the code but not here, an index and a foreign key were never added, the year
-- is stored as text, and the reviews feature was dropped from the app but not its table.
PRAGMA foreign_keys = ON;

CREATE TABLE author (
    id INTEGER PRIMARY KEY,
    name TEXT,
    born INTEGER
);

CREATE TABLE book (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    author_id INTEGER REFERENCES author(id),
    year TEXT,
    legacy_flag INTEGER
);
CREATE INDEX book_title ON book(title);

CREATE TABLE loan (
    id INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL,
    borrower_name TEXT NOT NULL,
    loaned_at TEXT DEFAULT (datetime('now'))
);

CREATE TABLE review (
    id INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES book(id),
    stars INTEGER,
    body TEXT
);

CREATE TABLE tmp_import_2019 (line TEXT);

CREATE VIEW books_by_author AS
    SELECT author.name, book.title FROM book JOIN author ON author.id = book.author_id;

INSERT INTO author (id, name, born) VALUES (1, 'Ursula K. Le Guin', 1929), (2, 'Italo Calvino', 1923);
INSERT INTO book (title, author_id, year, legacy_flag) VALUES
    ('The Dispossessed', 1, '1974', NULL),
    ('A Wizard of Earthsea', 1, '1968', 1),
    ('Invisible Cities', 2, '1972', 1);
INSERT INTO loan (book_id, borrower_name) VALUES (1, 'ada'), (3, 'grace');
INSERT INTO review (book_id, stars, body) VALUES (1, 5, 'Anarres!'), (3, 4, 'A city of memory');
INSERT INTO tmp_import_2019 (line) VALUES ('1974;The Dispossessed');
