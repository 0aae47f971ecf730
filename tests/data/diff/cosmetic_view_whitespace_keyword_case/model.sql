-- cosmetic: view text differs only in whitespace, newlines and keyword case; NO differences expected
CREATE TABLE book (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    price REAL,
    stock INTEGER NOT NULL DEFAULT 0
);

create view v_in_stock as
    select id,
           title,
           price
      from book
     where stock > 0
       and price is not null
     order by title;
