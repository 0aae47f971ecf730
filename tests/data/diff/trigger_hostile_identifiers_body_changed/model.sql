-- hostile identifiers: trigger "trg ""order""; end" on "order" writing to "log; --"; body changed
-- (one trigger_changed expected)
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
    INSERT INTO "log; --"(msg) VALUES ('order ' || NEW.id || ' ends ' || NEW."end");
END;
