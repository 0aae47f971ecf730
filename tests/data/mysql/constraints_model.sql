-- Constraints changed in place: a unique key dropped, column-level checks changed or kept on a
-- retyped column, a foreign key re-created under its name, a column with its key dropped.
CREATE TABLE parent (id INT PRIMARY KEY, code VARCHAR(10));
CREATE TABLE child (
  id INT PRIMARY KEY,
  parent_id INT,
  qty INT CHECK (qty >= 0),
  keep BIGINT CHECK (keep <> 0),
  note VARCHAR(50),
  CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE,
  CONSTRAINT lim CHECK (id < 2000)
);
CREATE TABLE other (id INT NOT NULL PRIMARY KEY, kind ENUM('a','b'));
