#!/usr/bin/python3
"""Peer benchmark on a server: Alembic's compare_metadata, the way an ORM user runs it.

Usage: alembic_server_compare.py < {"live": SQLALCHEMY_URL, "model": SQLALCHEMY_URL}

The URLs (with their passwords) come on stdin, never argv. The model database is reflected into
a MetaData (standing in for the application's models), then compared with the live database
with compare_type and compare_server_default on, in a thread with a big stack (see
alembic_compare.py). Prints one JSON line on stdout:
    {"differences": N, "reflect_s": S, "compare_s": S, "round_trips": R, "reads": C}
where round_trips counts the statements SQLAlchemy sent (each one round trip with psycopg2 and
mysqlclient) to both databases, and reads those starting with SELECT/SHOW/WITH/DESCRIBE.
Exit 0 on success; 2 with a one-line message on stderr on failure.
"""
import json
import re
import sys

# This folder is on sys.path when the file runs as a script.
from alembic_compare import compare_engines, report, run_in_big_thread
from wire_count import is_read


def counting_engine(url, counts):
    from sqlalchemy import create_engine, event
    engine = create_engine(url)

    @event.listens_for(engine, "before_cursor_execute")
    def count(conn, cursor, statement, parameters, context, executemany):
        counts["round_trips"] += 1
        counts["reads"] += int(is_read(statement.encode()))

    return engine


# A string literal with PostgreSQL's cast, as reflected: 'x'::text, '1970-01-01'::character varying
CAST_LITERAL = re.compile(r"^('(?:[^']|'')*')::[a-z ]+$")


def as_model_defaults(metadata):
    """Reflection gives PostgreSQL's string defaults with a cast ('x'::text), which Alembic
    would compare as the literal "x'::text" (a broken query). An ORM model spells such a
    default text("'x'"): do the same, so that Alembic compares what its users give it."""
    from sqlalchemy import text
    for table in metadata.tables.values():
        for column in table.columns:
            arg = getattr(column.server_default, "arg", None)
            sql = arg if isinstance(arg, str) else getattr(arg, "text", None)  # str or text()
            if sql is not None:
                column.server_default.arg = text(CAST_LITERAL.sub(r"\1", sql))


def compare(urls):
    counts = {"round_trips": 0, "reads": 0}
    model_engine = counting_engine(urls["model"], counts)
    live_engine = counting_engine(urls["live"], counts)
    return {**compare_engines(model_engine, live_engine, as_model_defaults), **counts}


def main():
    try:
        urls = json.load(sys.stdin)
    except ValueError as exc:
        print(f"alembic_server_compare.py: bad input on stdin: {exc}", file=sys.stderr)
        return 2
    return report(*run_in_big_thread(compare, urls))


if __name__ == "__main__":
    sys.exit(main())
