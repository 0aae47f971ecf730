"""Burrow's Django helper: prints the DDL of a project's models for one engine, as JSON.

Burrow feeds this file to the project's own Python on stdin:
    python3 - MANAGE_PY ENGINE SETTINGS APPS
ENGINE is sqlite, postgresql or mysql; SETTINGS the settings module (empty: the one manage.py
names); APPS a comma-separated list of app labels (empty: every installed app).

It never touches the project's databases: the default connection is pointed at an in-memory
SQLite database, and the schema editor only collects SQL. Output on stdout:
    {"statements": [...], "ignore": [tables the model leaves alone]}
Errors of the project (imports, settings) propagate with their traceback; the helper's own
ones are one line starting with "burrow: ".
"""
import json
import os
import re
import sys

# The project may print while it is imported; only the JSON goes to Burrow's stdout.
RESULT_OUT = sys.stdout
sys.stdout = sys.stderr

# Django's own bookkeeping: a fresh `migrate` creates it, the models do not define it.
BOOKKEEPING_TABLES = ["django_migrations"]

# The server backends render without a connection; their version features are answered with the
# server versions Burrow supports (PostgreSQL 15, MariaDB 10.11).
BACKENDS = {
    "sqlite": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"},
    "postgresql": {"ENGINE": "django.db.backends.postgresql", "NAME": "burrow_model"},
    "mysql": {"ENGINE": "django.db.backends.mysql", "NAME": "burrow_model"},
}
SERVER_FACTS = {
    "postgresql": {"pg_version": 150000},
    "mysql": {
        "mysql_server_data": {
            "version": "10.11.0-MariaDB",
            "sql_mode": "STRICT_TRANS_TABLES",
            "default_storage_engine": "InnoDB",
            "sql_auto_is_null": False,
            "lower_case_table_names": False,
            "has_zoneinfo_database": False,
        }
    },
}


def fail(message):
    print("burrow: " + message, file=sys.stderr)
    sys.exit(3)


def settings_module(manage_py, given):
    if given:
        return given
    if os.environ.get("DJANGO_SETTINGS_MODULE"):
        return os.environ["DJANGO_SETTINGS_MODULE"]
    with open(manage_py, encoding="utf-8") as f:
        found = re.search(r"""DJANGO_SETTINGS_MODULE['"]\s*,\s*['"]([\w.]+)['"]""", f.read())
    if not found:
        fail("manage.py names no settings module; add ?settings=package.settings to the source")
    return found.group(1)


def set_up_django(manage_py, engine, settings_name):
    sys.path.insert(0, os.path.dirname(manage_py))
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_name
    from django.conf import settings

    settings.DATABASES  # imports the project's settings: its errors show with their traceback
    settings.DATABASES = {"default": BACKENDS[engine]}
    settings.DATABASE_ROUTERS = []
    import django

    django.setup()


def own_tables(model):
    """The model's table and the tables of its automatic many-to-many links."""
    tables = [model._meta.db_table]
    for field in model._meta.local_many_to_many:
        if field.remote_field.through._meta.auto_created:
            tables.append(field.remote_field.through._meta.db_table)
    return tables


def chosen_models(app_labels):
    from django.apps import apps

    installed = {config.label for config in apps.get_app_configs()}
    unknown = [label for label in app_labels if label not in installed]
    if unknown:
        fail("no installed app labelled " + ", ".join(unknown) + "; installed: "
             + ", ".join(sorted(installed)))
    chosen, ignored = [], list(BOOKKEEPING_TABLES)
    for model in apps.get_models():
        meta = model._meta
        in_model = not app_labels or meta.app_label in app_labels
        if in_model and meta.managed and not meta.proxy:
            chosen.append(model)
        elif not meta.proxy:  # another app's, or unmanaged: left alone, never dropped
            ignored.extend(own_tables(model))
    return chosen, ignored


def answer_without_server(engine, connection):
    for name, value in SERVER_FACTS.get(engine, {}).items():
        connection.__dict__[name] = value  # answers the cached property without a server
    if engine == "mysql":  # MariaDB asks the table's storage engine before indexing a key
        connection.introspection.get_storage_engine = lambda cursor, table: "InnoDB"
        connection.cursor = lambda: None


def collect_ddl(engine, models):
    from django.db import connections

    connection = connections["default"]
    answer_without_server(engine, connection)
    with connection.schema_editor(collect_sql=True, atomic=False) as editor:
        for model in models:
            editor.create_model(model)
    return [statement.strip().rstrip(";").strip() for statement in editor.collected_sql]


def main():
    manage_py, engine, settings_name, apps_text = sys.argv[1:5]
    if engine not in BACKENDS:
        fail("Django models cannot be rendered for the engine " + engine)
    set_up_django(manage_py, engine, settings_module(manage_py, settings_name))
    app_labels = [label.strip() for label in apps_text.split(",") if label.strip()]
    models, ignored = chosen_models(app_labels)
    statements = collect_ddl(engine, models)
    json.dump({"statements": statements, "ignore": sorted(set(ignored))}, RESULT_OUT)


main()
