"""The N-table schema of diff_bench.py written for PostgreSQL and MariaDB, and the databases the
server benchmark creates, loads and drops.

Not a script: server_diff_bench.py imports it. Large loads go through the servers' own clients
in one session (psql -f, mariadb < file); their password reaches them through a 0600 file
(PGPASSFILE, --defaults-extra-file), never the command line or the environment.
"""
import os
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

# This folder is on sys.path when server_diff_bench.py runs.
from bench_common import change_kind, table_name

LOAD_TIMEOUT_S = 1800

# Column types per engine. MariaDB indexes VARCHAR, not TEXT, without a prefix length.
TYPES = {
    "postgresql": {"int": "integer", "text": "text", "real": "real", "num": "numeric(12,4)"},
    "mariadb": {"int": "INT", "text": "VARCHAR(100)", "real": "DOUBLE", "num": "DECIMAL(12,4)"},
}


def column_defs(engine, i, change):
    t = TYPES[engine]
    score_type = t["real"] if i % 2 else t["int"]  # vary types between tables too
    qty_default = 1 if change == "change_default" else 0
    ratio_type = t["num"] if change == "change_type" else t["real"]
    cols = [
        f"id {t['int']} NOT NULL PRIMARY KEY",
        f"parent_id {t['int']}",
        f"name {t['text']} NOT NULL",
        f"code {t['text']} NOT NULL DEFAULT 'x'",
        f"qty {t['int']} NOT NULL DEFAULT {qty_default}",
        f"price {t['num']} DEFAULT 0",
        f"ratio {ratio_type}",
        f"note {t['text']}",
        f"score {score_type} DEFAULT 1",
        f"created_at {t['text']} DEFAULT '1970-01-01 00:00:00'",
    ]
    if change == "add_column":
        cols.append(f"extra {t['text']}")
    # Table 0 references itself so every table has exactly one foreign key. Table-level syntax:
    # MariaDB ignores a REFERENCES clause on a column.
    parent = table_name(max(i - 1, 0))
    cols.append(f"FOREIGN KEY (parent_id) REFERENCES {parent} (id)")
    return cols


def index_defs(name, change):
    """(index name, key parts) of table `name`."""
    indexes = [(f"ix_{name}_parent", "parent_id")]
    if change != "drop_index":
        indexes.append((f"ix_{name}_qty_price", "qty, price"))
    if change == "add_index":
        indexes.append((f"ix_{name}_note", "note"))
    return indexes


def table_statements(engine, i, change=None, inline_indexes=False):
    """CREATE TABLE and CREATE INDEX statements, as ORMs write them; with inline_indexes one
    CREATE TABLE with INDEX elements (MariaDB only), the same schema in a third of the DDL."""
    name = table_name(i)
    cols = column_defs(engine, i, change)
    indexes = index_defs(name, change)
    if inline_indexes:
        cols += [f"INDEX {index} ({parts})" for index, parts in indexes]
    body = ",\n  ".join(cols)
    stmts = [f"CREATE TABLE {name} (\n  {body}\n)"]
    if not inline_indexes:
        stmts += [f"CREATE INDEX {index} ON {name} ({parts})" for index, parts in indexes]
    return stmts


def schema_statements(engine, n, variant, inline_indexes=False):
    stmts = []
    for i in range(n):
        change = change_kind(i) if variant == "changed" else None
        stmts += table_statements(engine, i, change, inline_indexes)
    return stmts


# ---------------------------------------------------------------- servers

@dataclass
class Server:
    """One server of a URL (postgresql://… or mariadb://…); `database` is the URL's own."""
    engine: str
    host: str
    port: int
    user: str
    password: str
    database: str

    @staticmethod
    def from_url(url):
        parts = urlsplit(url)
        engine = "postgresql" if parts.scheme.startswith("postgres") else "mariadb"
        return Server(engine, parts.hostname, parts.port or (5432 if engine == "postgresql"
                                                             else 3306),
                      unquote(parts.username or ""), unquote(parts.password or ""),
                      parts.path.lstrip("/"))

    def url(self, database, port=None):
        """A URL without the password (burrow-cli reads it from BURROW_DB_PASSWORD)."""
        scheme = "postgresql" if self.engine == "postgresql" else "mariadb"
        return f"{scheme}://{self.user}@{self.host}:{port or self.port}/{database}"

    def sqlalchemy_url(self, database, port=None):
        """For Alembic's own process only (handed over on its stdin, never argv)."""
        from urllib.parse import quote
        driver = "postgresql+psycopg2" if self.engine == "postgresql" else "mysql+mysqldb"
        return (f"{driver}://{quote(self.user, safe='')}:{quote(self.password, safe='')}"
                f"@{self.host}:{port or self.port}/{database}")

    def connect(self, database=None):
        """A DB-API connection in autocommit mode."""
        if self.engine == "postgresql":
            import psycopg2
            conn = psycopg2.connect(host=self.host, port=self.port, user=self.user,
                                    password=self.password, dbname=database or self.database)
            conn.autocommit = True
            return conn
        import MySQLdb
        conn = MySQLdb.connect(host=self.host, port=self.port, user=self.user,
                               passwd=self.password, db=database or self.database)
        conn.autocommit(True)
        return conn

    def admin(self, sql):
        conn = self.connect()
        try:
            conn.cursor().execute(sql)
        finally:
            conn.close()

    def create_database(self, name):
        self.drop_database(name)
        self.admin(f"CREATE DATABASE {name}")

    def drop_database(self, name):
        force = " WITH (FORCE)" if self.engine == "postgresql" else ""
        self.admin(f"DROP DATABASE IF EXISTS {name}{force}")

    def load_file(self, database, sql_file):
        """Runs a .sql file in one client session. Not in one transaction: PostgreSQL's lock
        table (64 locks per connection by default) cannot hold the locks of 5,000 new tables."""
        with self._password_file() as secret:
            if self.engine == "postgresql":
                cmd = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                       "-h", self.host, "-p", str(self.port), "-U", self.user, "-d", database,
                       "-f", str(sql_file)]
                env = {**os.environ, "PGPASSFILE": secret}
                stdin = subprocess.DEVNULL
            else:
                cmd = ["mariadb", f"--defaults-extra-file={secret}", "--batch", database]
                env = os.environ
                stdin = open(sql_file, "rb")
            try:
                done = subprocess.run(cmd, stdin=stdin, env=env, capture_output=True,
                                      text=True, timeout=LOAD_TIMEOUT_S)
            finally:
                if stdin is not subprocess.DEVNULL:
                    stdin.close()
        if done.returncode != 0:
            raise RuntimeError(f"loading {sql_file} into {database} failed: "
                               f"{done.stderr.strip()[-300:]}")

    def time_model_ddl(self, statements, scratch):
        """Seconds the server takes to execute `statements` alone, in one session, in a scratch
        place that goes afterwards: PostgreSQL a schema in one transaction, rolled back (the
        whole model in one query); MariaDB a database (one statement at a time, foreign key
        checks off), dropped. What loading a model costs before anyone reads it back."""
        start = time.monotonic()
        if self.engine == "postgresql":
            conn = self.connect()
            try:
                conn.autocommit = False
                conn.cursor().execute(f"CREATE SCHEMA {scratch}; SET LOCAL search_path = {scratch};"
                                      + ";\n".join(statements))
            finally:
                conn.rollback()
                conn.close()
            return time.monotonic() - start
        self.create_database(scratch)
        try:
            conn = self.connect(scratch)
            try:
                cursor = conn.cursor()
                cursor.execute("SET foreign_key_checks = 0")
                for statement in statements:
                    cursor.execute(statement)
            finally:
                conn.close()
        finally:
            self.drop_database(scratch)
        return time.monotonic() - start

    @contextmanager
    def _password_file(self):
        """A 0600 file with the password for psql (PGPASSFILE) or mariadb (option file)."""
        fd, path = tempfile.mkstemp(prefix="burrow-bench-", suffix=".cnf")
        try:
            with os.fdopen(fd, "w") as f:
                if self.engine == "postgresql":
                    escaped = self.password.replace("\\", "\\\\").replace(":", "\\:")
                    f.write(f"*:*:*:*:{escaped}\n")
                else:
                    escaped = self.password.replace("\\", "\\\\").replace('"', '\\"')
                    f.write(f'[client]\nhost="{self.host}"\nport={self.port}\n'
                            f'user="{self.user}"\npassword="{escaped}"\n')
            yield path
        finally:
            os.unlink(path)
