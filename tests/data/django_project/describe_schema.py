"""Test helper: prints, as JSON, how Django's own introspection sees the database SHELF_DATABASE
names: every table's columns (type, nullability, default) and constraints (columns, kind,
referenced table), names of constraints left out (SQLite has none for inline keys). Burrow's
history table is left out."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shelf.settings")

import django  # noqa: E402

django.setup()
from django.db import connection  # noqa: E402

KINDS = ("primary_key", "unique", "foreign_key", "check", "index", "columns", "orders", "type")


def type_name(declared):
    """SQLite keeps a column's declared type as written, and its names ignore case (so does
    Django's own mapping of them to fields): `varchar(150)` and `VARCHAR(150)` are one type."""
    return declared.lower()


def describe_table(cursor, table):
    columns = [
        {"name": c.name, "type": type_name(c.type_code), "null": bool(c.null_ok),
         "default": c.default}
        for c in connection.introspection.get_table_description(cursor, table)
    ]
    constraints = [
        {kind: info.get(kind) for kind in KINDS}
        for info in connection.introspection.get_constraints(cursor, table).values()
    ]
    constraints.sort(key=lambda c: json.dumps(c, sort_keys=True, default=str))
    return {"columns": sorted(columns, key=lambda c: c["name"]), "constraints": constraints}


with connection.cursor() as cursor:
    tables = sorted(t.name for t in connection.introspection.get_table_list(cursor)
                    if t.type == "t" and t.name != "burrow_migrations")
    schema = {table: describe_table(cursor, table) for table in tables}
print(json.dumps(schema, indent=1, sort_keys=True, default=str))
