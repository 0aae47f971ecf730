-- one column removed (old_notes TEXT) and an unrelated one added (page_count INTEGER NOT NULL DEFAULT 0);
-- definitions differ, so removed + added expected and NO rename suggestion
CREATE TABLE book (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    page_count INTEGER NOT NULL DEFAULT 0
);
