"""Burrow's SQLAlchemy helper: prints the DDL of a MetaData (or a declarative Base's) as JSON.

Burrow feeds this file to the project's own Python on stdin:
    python3 - package.module:attr ENGINE [PATH...]
ENGINE is sqlite, postgresql or mysql; the PATHs join the Python path before the current
folder. SQLAlchemy renders CREATE TABLE and CREATE INDEX for the engine's dialect without
connecting anywhere. Output on stdout:
    {"statements": [...], "ignore": ["alembic_version"]}
Errors of the project (imports) propagate with their traceback; the helper's own ones are one
line starting with "burrow: ".
"""
import importlib
import json
import os
import sys

RESULT_OUT = sys.stdout
sys.stdout = sys.stderr

# Alembic's bookkeeping table: in the database, never in the models.
BOOKKEEPING_TABLES = ["alembic_version"]


def fail(message):
    print("burrow: " + message, file=sys.stderr)
    sys.exit(3)


def dialect_for(engine):
    from sqlalchemy.dialects import mysql, postgresql, sqlite

    dialects = {"sqlite": sqlite, "postgresql": postgresql, "mysql": mysql}
    if engine not in dialects:
        fail("SQLAlchemy models cannot be rendered for the engine " + engine)
    return dialects[engine].dialect()


def find_metadata(target):
    from sqlalchemy import MetaData

    module_name, _, attribute = target.rpartition(":")
    found = importlib.import_module(module_name)
    for part in attribute.split("."):
        if not hasattr(found, part):
            fail("module " + module_name + " has no attribute " + attribute)
        found = getattr(found, part)
    metadata = found if isinstance(found, MetaData) else getattr(found, "metadata", None)
    if not isinstance(metadata, MetaData):
        fail(target + " is neither a MetaData nor a declarative Base (with .metadata)")
    return metadata


def render(metadata, dialect):
    from sqlalchemy.schema import CreateIndex, CreateTable

    statements = []
    for table in metadata.sorted_tables:
        statements.append(str(CreateTable(table).compile(dialect=dialect)).strip())
        for index in sorted(table.indexes, key=lambda index: index.name or ""):
            statements.append(str(CreateIndex(index).compile(dialect=dialect)).strip())
    return statements


def main():
    target, engine, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    sys.path[0:0] = paths + [os.getcwd()]
    dialect = dialect_for(engine)
    statements = render(find_metadata(target), dialect)
    json.dump({"statements": statements, "ignore": BOOKKEEPING_TABLES}, RESULT_OUT)


main()
