-- cosmetic: type spelling only: varchar(10) vs VARCHAR( 10 ), numeric(10,2) vs NUMERIC(10, 2),
-- character varying(255) vs CHARACTER   VARYING(255); NO differences expected
CREATE TABLE product (
    id    INTEGER PRIMARY KEY,
    code  VARCHAR( 10 ) NOT NULL,
    price NUMERIC(10, 2),
    note  CHARACTER   VARYING(255)
);
