CREATE TABLE parent (id INT PRIMARY KEY, code VARCHAR(10), UNIQUE KEY uq_code (code));
CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, qty INT CHECK (qty > 0), keep INT CHECK (keep <> 0), note VARCHAR(200), CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id), CONSTRAINT lim CHECK (id < 1000));
CREATE TABLE other (id BIGINT, kind ENUM('a','b','c'), gone INT, CONSTRAINT gone_fk FOREIGN KEY (gone) REFERENCES parent (id))
