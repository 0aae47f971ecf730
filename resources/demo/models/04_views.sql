-- Reports the application reads.
CREATE VIEW books_by_author AS
    SELECT author.name AS author, book.title, book.year
    FROM book JOIN author ON author.id = book.author_id;

CREATE TRIGGER loan_of_missing_book BEFORE INSERT ON loan
WHEN NOT EXISTS (SELECT 1 FROM book WHERE id = NEW.book_id)
BEGIN
    SELECT RAISE(ABORT, 'no such book');
END;
