-- cosmetic: inline PRIMARY KEY vs table-level PRIMARY KEY (id) (INTEGER rowid alias and a TEXT key);
-- NO differences expected
CREATE TABLE book (
    id    INTEGER,
    title TEXT NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE tag (
    name  TEXT NOT NULL,
    color TEXT,
    PRIMARY KEY (name)
);
