-- table option STRICT removed (one table options change expected)
CREATE TABLE measurement (
    id     INTEGER PRIMARY KEY,
    sensor TEXT NOT NULL,
    value  REAL,
    raw    BLOB
);
