CREATE TABLE product (
    id    INTEGER PRIMARY KEY,
    code  varchar(10) NOT NULL,
    price numeric(10,2),
    note  character varying(255)
);
