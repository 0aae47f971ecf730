-- primary key added to a table without one: PRIMARY KEY (alias) (one primary key change expected)
CREATE TABLE tag_alias (
    alias TEXT NOT NULL,
    tag   TEXT NOT NULL,
    PRIMARY KEY (alias)
);
