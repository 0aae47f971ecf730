CREATE TABLE tag_alias (
    alias TEXT NOT NULL,
    tag   TEXT NOT NULL,
    PRIMARY KEY (alias)
);
