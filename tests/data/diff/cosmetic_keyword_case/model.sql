-- cosmetic: keyword and type-name case only (create table / integer / not null / check ...); NO differences expected
create table book (
    id    integer primary key autoincrement,
    title text not null default 'Untitled',
    price real,
    check (price is null or price >= 0)
);

create unique index ix_book_title on book(title);
