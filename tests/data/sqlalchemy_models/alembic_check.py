"""Test helper: builds a database from SQLAlchemy models, or asks Alembic whether one matches.

    alembic_check.py create MODULE:ATTR   # metadata.create_all (the legacy database)
    alembic_check.py compare MODULE:ATTR  # prints Alembic's compare_metadata diffs as JSON
The database is the SQLAlchemy URL in CHECK_DATABASE_URL (kept out of argv: it may hold a
password). Burrow's own history table is left out of the comparison.
"""
import importlib
import json
import os
import sys

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def metadata_of(target):
    module_name, _, attribute = target.partition(":")
    found = getattr(importlib.import_module(module_name), attribute)
    return getattr(found, "metadata", found)


def not_burrows(obj, name, type_, reflected, compare_to):
    return not (type_ == "table" and name in ("burrow_migrations", "alembic_version"))


def main():
    command, target = sys.argv[1:3]
    engine = create_engine(os.environ["CHECK_DATABASE_URL"])
    metadata = metadata_of(target)
    if command == "create":
        metadata.create_all(engine)
        return
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": not_burrows})
        diffs = compare_metadata(context, metadata)
    print(json.dumps([repr(diff) for diff in diffs], indent=1))


main()
