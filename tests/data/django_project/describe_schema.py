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


def type_name(code):
    """SQLite keeps a column's declared type as written (the servers give a type code), and its
    names ignore case, as does Django's own mapping of them to fields: `varchar(150)` and
    `VARCHAR(150)` are one type."""
    return code.lower() if isinstance(code, str) else code


def identity_columns(cursor, table):
    """PostgreSQL's identity columns: Django 3.2's introspection predates them (4.1 reads them as
    AutoField) and sees a plain integer, where a serial column shows its sequence's nextval()."""
    if connection.vendor != "postgresql":
        return set()
    cursor.execute("SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass "
                   "AND attidentity <> ''", [connection.ops.quote_name(table)])
    return {row[0] for row in cursor.fetchall()}


def describe_column(column, identities):
    described = {"name": column.name, "type": type_name(column.type_code),
                 "null": bool(column.null_ok), "default": column.default,
                 "field": connection.introspection.get_field_type(column.type_code, column)}
    if connection.vendor != "sqlite":
        # On SQLite the size is in the type above; Django reads it from the declared type with a
        # case-sensitive pattern (varchar(150) but not VARCHAR(150)), which Burrow spells upper.
        described["size"] = [column.internal_size, column.precision, column.scale]
    serial = str(column.default).startswith("nextval(")
    if serial or column.name in identities:  # both number new rows by themselves
        described.update(default="<generated>", field="AutoField")
    return described


def describe_table(cursor, table):
    identities = identity_columns(cursor, table)
    columns = [describe_column(c, identities)
               for c in connection.introspection.get_table_description(cursor, table)]
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
