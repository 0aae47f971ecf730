CREATE TABLE "order" (
    id      INTEGER PRIMARY KEY,
    "end"   TEXT
);

CREATE TABLE "log; --" (
    id  INTEGER PRIMARY KEY,
    msg TEXT
);

CREATE TRIGGER "trg ""order""; end" AFTER INSERT ON "order"
BEGIN
    INSERT INTO "log; --"(msg) VALUES ('order ' || NEW.id);
END;
