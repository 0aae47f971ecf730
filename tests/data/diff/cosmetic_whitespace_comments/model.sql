-- cosmetic: whitespace, newlines, tabs and comments (-- and /* */) inside the DDL only; NO differences expected
/* the book table,
   spread over many lines */
CREATE   TABLE
  book
(
	id      INTEGER    PRIMARY   KEY,   -- surrogate key
	title   TEXT  NOT  NULL
	        DEFAULT 'untitled',         /* shown when empty */
	price   REAL  CHECK ( price >= 0 )  -- never negative
)
;

CREATE INDEX ix_book_title
    ON book ( title );  -- trailing comment
