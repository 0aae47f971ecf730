-- cosmetic: column UNIQUE vs table constraint UNIQUE (email); NO differences expected
CREATE TABLE member (
    id    INTEGER PRIMARY KEY,
    email TEXT,
    UNIQUE (email)
);
