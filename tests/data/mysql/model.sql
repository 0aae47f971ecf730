-- The schema the application expects.
CREATE TABLE author (
  id INTEGER PRIMARY KEY AUTO_INCREMENT,
  name VARCHAR(100) NOT NULL,
  email VARCHAR(200) UNIQUE
);

CREATE TABLE book (
  id INT PRIMARY KEY AUTO_INCREMENT,
  title VARCHAR(100) NOT NULL,
  author_id INT,
  price DECIMAL(10,2) DEFAULT 0,
  CONSTRAINT positive_price CHECK (price >= 0),
  FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE,
  KEY idx_title_author (title, author_id)
);

CREATE TABLE genre (
  id INT PRIMARY KEY,
  label VARCHAR(40) NOT NULL DEFAULT 'misc' COLLATE utf8mb4_bin
);

CREATE TRIGGER book_title BEFORE INSERT ON book FOR EACH ROW SET NEW.title = TRIM(NEW.title);

CREATE VIEW cheap_books AS SELECT id, title FROM book WHERE price < 10;
