CREATE TABLE Book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);

CREATE INDEX IX_Book_Title ON Book(title);
