-- primary key removed: table keeps its columns but has no PRIMARY KEY (one primary key change expected)
CREATE TABLE tag_alias (
    alias TEXT NOT NULL,
    tag   TEXT NOT NULL
);
