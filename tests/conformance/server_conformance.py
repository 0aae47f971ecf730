#!/usr/bin/python3
"""Runs sqldef's psqldef and mysqldef conformance cases through burrow-cli against real servers.

A report, not a test: it prints how many of the runs the manifests require converge, so we know
where the PostgreSQL and MariaDB dialects stand. Each run does what tests/unit/
sqldef_conformance_test.cpp does for SQLite, but through the CLI a user would run:

  1. a fresh database ACTUAL built from the source DDL by the engine's own client (psql, mariadb),
     and a fresh database EXPECTED built from the target DDL the same way;
  2. burrow-cli plan --allow-destructive with the target DDL as the model, then burrow-cli apply
     --no-backup of the migration it wrote, on ACTUAL;
  3. pass when burrow-cli diff of ACTUAL against the model exits 0 AND the engine's own schema
     dump (pg_dump / mariadb-dump) of ACTUAL equals that of EXPECTED. The dump check does not
     trust Burrow's introspection; it ignores column and key order (sqldef's cases don't pin it),
     session settings and Burrow's history table, nothing else.
  4. with --down, a run that passed also runs its migration's `-- migrate:down` section with the
     engine's client, and passes only when the dump of ACTUAL is then the source-built one again.

Servers come from BURROW_TEST_POSTGRES_URL / BURROW_TEST_MARIADB_URL (accounts that may create
databases). Passwords reach the children through PGPASSWORD, a 0600 option file and
BURROW_DB_PASSWORD, never the command line or the output. Every database created is dropped.
"""

import argparse
import collections
import concurrent.futures
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ left in the source tree
import sqldef_cases  # noqa: E402 (the case loader the SQLite test uses)

SHARED = os.environ.get("BURROW_SHARED_DIR", os.path.join(HERE, "..", "..", "..", "shared"))
HISTORY_TABLE = "burrow_migrations"  # diff::IgnoreRules::historyTable()
TIMEOUT = 300  # seconds per child process: a hang is a failure, not a stuck report

PASS = "passed"
CLASSES = (
    "not applicable (the engine rejects the source or target DDL)",
    "plan failed",
    "apply failed",
    "differences remain (burrow-cli diff after apply)",
    "diff failed (burrow-cli diff errored)",
    "schemas differ (engine dump of migrated vs. target-built database)",
    "down failed (the engine's client rejects the migrate:down section)",
    "down differs (engine dump after migrate:down vs. the source-built database)",
)
(NOT_APPLICABLE, PLAN_FAILED, APPLY_FAILED, DIFFERENCES, DIFF_FAILED, SCHEMAS_DIFFER,
 DOWN_FAILED, DOWN_DIFFERS) = CLASSES


def first_line(text, prefer=None):
    """The line of a tool's output that says the most: the first matching `prefer`, else the first."""
    lines = [line.strip() for line in text.splitlines() if line.strip().strip("-")]
    chosen = next((line for line in lines if prefer and re.search(prefer, line)), None)
    return (chosen or (lines[0] if lines else "(no output)"))[:200]


def run_tool(argv, env, stdin=None):
    """Runs a child with only the environment given; a timeout becomes exit status 124."""
    try:
        p = subprocess.run(argv, input=stdin, capture_output=True, text=True, env=env,
                           timeout=TIMEOUT, check=False)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return 124, "", f"timed out after {TIMEOUT}s: {os.path.basename(argv[0])}"


def child_env(**extra):
    """PATH and locale only, plus `extra`: no password leaks into a child that does not need it."""
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")}
    env.update(extra)
    return env


def sort_table_body(statement):
    """CREATE TABLE with its column/constraint lines sorted: column order is not compared."""
    lines = statement.split("\n")
    if not re.match(r"CREATE (UNLOGGED )?TABLE", lines[0]) or not lines[0].endswith("("):
        return statement
    end = next((i for i, line in enumerate(lines) if line.startswith(")")), len(lines))
    body = sorted(line.rstrip(",") for line in lines[1:end])
    return "\n".join([lines[0]] + body + lines[end:])


def statements(dump, noise):
    """A dump as a sorted list of statements: dumps order objects by OID or name, not meaning."""
    result, current = [], []
    for line in dump.splitlines():
        if not line.strip() or re.match(noise, line):
            continue
        current.append(line.rstrip())
        if line.rstrip().endswith(";"):
            result.append(sort_table_body("\n".join(current)))
            current = []
    if current:
        result.append(sort_table_body("\n".join(current)))
    return sorted(result)


class Server:
    """One engine's server: databases are created, built, dumped and dropped with its own tools."""

    name = flavor = case_folder = manifest_file = url_variable = None

    def __init__(self, url):
        parts = urllib.parse.urlsplit(url)
        self.scheme, self.query = parts.scheme, parts.query
        self.user = urllib.parse.unquote(parts.username or "")
        self.password = urllib.parse.unquote(parts.password or "")
        self.host, self.port, self.admin_db = parts.hostname, parts.port, parts.path.lstrip("/")

    def url(self, database):
        """The database's URL for burrow-cli, without the password (that goes in the environment)."""
        port = f":{self.port}" if self.port else ""
        query = f"?{self.query}" if self.query else ""
        user = urllib.parse.quote(self.user, safe="")
        return f"{self.scheme}://{user}@{self.host}{port}/{database}{query}"

    def cli_env(self):
        return child_env(BURROW_DB_PASSWORD=self.password)

    def close(self):
        pass


class Postgres(Server):
    name, case_folder, manifest_file = "postgresql", "psqldef", "MANIFEST_pg.json"
    url_variable = "BURROW_TEST_POSTGRES_URL"
    NOISE = r"--|SET |SELECT pg_catalog\.set_config|\\"

    def _args(self, database):
        return ["-h", self.host, "-p", str(self.port or 5432), "-U", self.user, "-d", database]

    def _psql(self, database, sql):
        env = child_env(PGPASSWORD=self.password, PGCONNECT_TIMEOUT="10")
        argv = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"] + self._args(database)
        return run_tool(argv, env, sql)

    def create(self, database):
        return self._psql(self.admin_db, f'CREATE DATABASE "{database}"')

    def drop(self, database):
        self._psql(self.admin_db, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    def build(self, database, ddl):
        """None when psql runs the DDL to the end, else its error line."""
        code, _, err = self._psql(database, ddl)
        return None if code == 0 else first_line(err, r"ERROR|FATAL")

    def dump(self, database):
        argv = ["pg_dump", "--schema-only", "--no-owner",
                f"--exclude-table=*.{HISTORY_TABLE}*"] + self._args(database)
        code, out, err = run_tool(argv, child_env(PGPASSWORD=self.password))
        if code != 0:
            raise RuntimeError("pg_dump failed: " + first_line(err))
        return statements(out, self.NOISE)


class MariaDB(Server):
    name, flavor, case_folder = "mariadb", "mariadb", "mysqldef"
    manifest_file, url_variable = "MANIFEST_mariadb.json", "BURROW_TEST_MARIADB_URL"
    # Session settings around objects, the dump's sandbox marker and delimiter switches.
    NOISE = r"/\*!\d+ SET .*\*/ ?;+$|/\*M!999999|DELIMITER "
    # Sent as one multi-statement query, so the server's parser (not the client's `;` splitter)
    # finds where each statement ends: trigger bodies with BEGIN ... END keep their `;`.
    DELIMITER = "$$burrow$$"  # the client takes at most 16 characters

    def __init__(self, url):
        super().__init__(url)
        self.option_dir = tempfile.mkdtemp(prefix="burrow-conformance-")
        self.option_file = os.path.join(self.option_dir, "client.cnf")
        fd = os.open(self.option_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        escaped = self.password.replace("\\", "\\\\").replace('"', '\\"')
        with os.fdopen(fd, "w") as f:
            f.write(f'[client]\npassword="{escaped}"\n')

    def _args(self):
        return [f"--defaults-extra-file={self.option_file}", "-h", self.host,
                "-P", str(self.port or 3306), "-u", self.user]

    def _client(self, database, sql):
        argv = ["mariadb"] + self._args() + ["--connect-timeout=10", database]
        return run_tool(argv, child_env(), sql)

    def create(self, database):
        return self._client(self.admin_db, f"CREATE DATABASE `{database}`")

    def drop(self, database):
        self._client(self.admin_db, f"DROP DATABASE IF EXISTS `{database}`")

    def build(self, database, ddl):
        if not ddl.strip():
            return None
        script = f"DELIMITER {self.DELIMITER}\n{ddl}\n{self.DELIMITER}\n"
        code, _, err = self._client(database, script)
        return None if code == 0 else first_line(err, r"ERROR")

    def dump(self, database):
        argv = (["mariadb-dump"] + self._args() +
                ["--no-data", "--routines", "--events", "--triggers", "--compact",
                 "--skip-dump-date", f"--ignore-table={database}.{HISTORY_TABLE}", database])
        code, out, err = run_tool(argv, child_env())
        if code != 0:
            raise RuntimeError("mariadb-dump failed: " + first_line(err))
        out = re.sub(r" AUTO_INCREMENT=\d+", "", out)  # a counter, not schema
        # An event without STARTS gets its creation time: it differs between any two builds.
        out = re.sub(r"STARTS '[-0-9: ]+'", "STARTS 'creation time'", out)
        return statements(out.replace(f"`{database}`", "`DB`"), self.NOISE)

    def close(self):
        os.unlink(self.option_file)
        os.rmdir(self.option_dir)


ENGINES = {"postgresql": Postgres, "mariadb": MariaDB}


# ---- The runs ---------------------------------------------------------------------------------

def flavor_allows(flavor, ours):
    """sqldef's `flavor`: unset = any; `x` = only x; `!x` = all but x."""
    if not flavor:
        return True
    if flavor.startswith("!"):
        return flavor[1:] != ours
    return flavor == ours


def required_runs(engine):
    """(id, source, target, gate) for each run the manifest requires: buildable minus suspect."""
    root = os.path.join(SHARED, "conformance", "sqldef")
    with open(os.path.join(root, engine.manifest_file), encoding="utf-8") as f:
        manifest = json.load(f)
    yaml = sqldef_cases.load_yaml_module()
    cases = {f"{c['file']}:{c['name']}": c
             for c in sqldef_cases.load_cases(yaml, os.path.join(root, engine.case_folder))}
    suspect = {entry["case"] for entry in manifest.get("suspect", [])}
    runs = []
    for run_id in manifest["buildable_with_migrator"]:
        case_id = run_id.rsplit(":", 1)[0]
        if run_id in suspect or case_id + ":*" in suspect:
            continue
        case = cases.get(case_id)
        if case is None:
            runs.append((run_id, "", "", "the manifest lists it, no YAML file defines it"))
            continue
        forward = run_id.endswith(":fwd")
        gate = None if flavor_allows(case.get("flavor"), engine.flavor) else \
            f"flavor {case.get('flavor')} excludes {engine.flavor or engine.name}"
        source, target = case["current"], case["desired"]
        if not forward:
            source, target = target, source
        runs.append((run_id, source, target, gate))
    return runs, len(manifest["buildable_with_migrator"])


def burrow(cli, server, *args):
    """burrow-cli with the password in BURROW_DB_PASSWORD."""
    return run_tool([cli] + list(args), server.cli_env())


def cli_failure(code, out, err):
    """The error burrow-cli gave, not the --no-backup warning it always prints first."""
    text = "\n".join(line for line in (err + "\n" + out).splitlines() if "warning:" not in line)
    return f"exit {code}: " + first_line(text, r"error:|ERROR")


def dump_difference(actual, expected, subject="migrated db"):
    """One line naming what `subject` (the migrated database) lacks and has beyond `expected`."""
    def lines(stmts):
        return collections.Counter(line.strip() for s in stmts for line in s.split("\n"))

    missing = list((lines(expected) - lines(actual)).elements())
    extra = list((lines(actual) - lines(expected)).elements())
    if not missing and not extra:
        return "same lines, grouped differently (e.g. a column on another table)"
    if missing and extra:  # show where the two lines part, not their shared start
        start = max(0, len(os.path.commonprefix([missing[0], extra[0]])) - 30)
        missing[0], extra[0] = missing[0][start:], extra[0][start:]
    parts = ([f"lacks `{missing[0][:90]}`"] if missing else []) + \
            ([f"has `{extra[0][:90]}`"] if extra else [])
    return f"{subject} " + "; ".join(parts)


def migrate_and_check(cli, server, actual, target, workdir):
    """Steps 2 and 3 on a built ACTUAL: (class, reason); the class is PASS when it converged."""
    model = os.path.join(workdir, "target.sql")
    with open(model, "w", encoding="utf-8") as f:
        f.write(target)
    migrations = os.path.join(workdir, "migrations")
    url = server.url(actual)
    code, out, err = burrow(cli, server, "plan", "--db", url, "--model", model, "--migrations",
                            migrations, "--allow-destructive", "--allow-empty-model")
    if code != 0:
        return PLAN_FAILED, cli_failure(code, out, err)
    if os.path.isdir(migrations) and os.listdir(migrations):
        code, out, err = burrow(cli, server, "apply", "--db", url, "--migrations", migrations,
                                "--no-backup")
        if code != 0:
            return APPLY_FAILED, cli_failure(code, out, err)
    code, out, err = burrow(cli, server, "diff", "--db", url, "--model", model,
                            "--allow-empty-model")
    if code == 1:
        lines = [line.strip() for line in out.splitlines() if line.strip()]
        return DIFFERENCES, f"{len(lines)} line(s): " + " / ".join(lines[:2])[:200]
    if code != 0:
        return DIFF_FAILED, cli_failure(code, out, err)
    return PASS, ""


def down_sections(migrations):
    """The `-- migrate:down` sections of the migrations written, newest first."""
    if not os.path.isdir(migrations):
        return []
    sections = []
    for name in sorted(os.listdir(migrations), reverse=True):
        if name.endswith(".sql"):
            with open(os.path.join(migrations, name), encoding="utf-8") as f:
                text = f.read()
            _, marker, down = text.partition("\n-- migrate:down")
            sections.append(marker + down)
    return sections


def undo_and_check(server, actual, source_dump, workdir):
    """Step 4: the migration's down sections run on ACTUAL bring back the source's schema."""
    for section in down_sections(os.path.join(workdir, "migrations")):
        error = server.build(actual, section)
        if error:
            return DOWN_FAILED, error
    after = server.dump(actual)
    if after != source_dump:
        return DOWN_DIFFERS, dump_difference(after, source_dump, "undone db")
    return PASS, ""


DATABASE_NUMBERS = itertools.count(1)


def evaluate(cli, server, run, down=False):
    """One run, start to finish; the databases it creates are dropped whatever happens."""
    run_id, source, target, gate = run
    if gate:
        return NOT_APPLICABLE, gate
    number = next(DATABASE_NUMBERS)
    actual, expected = (f"burrow_conf_{os.getpid()}_{number}_{s}" for s in ("actual", "expected"))
    created = []
    try:
        for database in (actual, expected):
            code, _, err = server.create(database)
            if code != 0:
                raise RuntimeError(f"cannot create database {database}: {first_line(err)}")
            created.append(database)
        for database, ddl, role in ((actual, source, "source"), (expected, target, "target")):
            error = server.build(database, ddl)
            if error:
                return NOT_APPLICABLE, f"{role} DDL: {error}"
        source_dump = server.dump(actual) if down else None
        with tempfile.TemporaryDirectory(prefix="burrow-conformance-run-") as workdir:
            verdict = migrate_and_check(cli, server, actual, target, workdir)
            verdict = (verdict[0], verdict[1].replace(workdir + "/", ""))  # shorter reasons
            if verdict[0] != PASS:
                return verdict
            actual_dump, expected_dump = server.dump(actual), server.dump(expected)
            if actual_dump != expected_dump:
                return SCHEMAS_DIFFER, dump_difference(actual_dump, expected_dump)
            return undo_and_check(server, actual, source_dump, workdir) if down else (PASS, "")
    except RuntimeError as e:  # the harness, not Burrow, could not go on
        return "harness error", str(e)
    finally:
        for database in created:
            server.drop(database)


# ---- Report -----------------------------------------------------------------------------------

def percent(part, whole):
    return f"{100.0 * part / whole:.1f}%" if whole else "n/a"


def report(server, listed, results, show):
    """Prints the pass rate, the failures by class and the first `show` failing runs."""
    required = len(results)
    passed = sum(1 for cls, _ in results.values() if cls == PASS)
    inapplicable = sum(1 for cls, _ in results.values() if cls == NOT_APPLICABLE)
    print(f"== {server.name} ({server.url(server.admin_db)}): {listed} runs buildable_with_migrator,"
          f" {listed - required} suspect or filtered out")
    print(f"required runs: {required}, passed: {passed} ({percent(passed, required)})")
    if inapplicable:
        applicable = required - inapplicable
        print(f"  of which applicable here: {applicable}, passed: {passed}"
              f" ({percent(passed, applicable)})")
    counts = collections.Counter(cls for cls, _ in results.values() if cls != PASS)
    print("failures by class:" if counts else "failures by class: none")
    for cls in list(CLASSES) + sorted(set(counts) - set(CLASSES)):
        if counts[cls]:
            print(f"  {counts[cls]:5d}  {cls}")
    failing = [(run_id, cls, why) for run_id, (cls, why) in results.items() if cls != PASS]
    if failing:
        print(f"first {min(show, len(failing))} of {len(failing)} failing runs:")
    for run_id, cls, why in failing[:show]:
        print(f"  {run_id}  [{cls.split(' (')[0]}] {why}")
    print()


def run_engine(engine, args):
    """All required runs of one engine, `args.jobs` at a time, in manifest order in the report."""
    url = os.environ.get(engine.url_variable)
    if not url:
        print(f"== {engine.name}: skipped, {engine.url_variable} is not set\n")
        return
    server = engine(url)
    try:
        runs, listed = required_runs(engine)
        runs = [r for r in runs
                if args.filter in r[0] and (not args.only or args.only.search(r[0]))]
        results = {}
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs)
        try:
            futures = {pool.submit(evaluate, args.cli, server, run, args.down): run[0]
                       for run in runs}
            for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
                results[futures[future]] = future.result()
                if done % 100 == 0:
                    sys.stderr.write(f"{engine.name}: {done}/{len(runs)} runs\n")
        finally:  # on Ctrl-C, finish (and clean up) the runs under way, start no others
            pool.shutdown(cancel_futures=True)
        report(server, listed, {r[0]: results[r[0]] for r in runs}, args.show)
    finally:
        server.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=["postgresql", "mariadb", "all"], default="all")
    parser.add_argument("--cli", default=os.path.join("build", "bin", "burrow-cli"))
    parser.add_argument("--filter", default="", help="only runs whose id contains this")
    parser.add_argument("--only", type=re.compile, default=None, metavar="REGEX",
                        help="only runs whose id matches this regular expression")
    parser.add_argument("--jobs", type=int, default=2, help="runs at a time (default 2)")
    parser.add_argument("--show", type=int, default=15, help="failing runs to list (default 15)")
    parser.add_argument("--down", action="store_true",
                        help="also run each passing migration's down section and compare")
    args = parser.parse_args()
    args.cli = os.path.abspath(args.cli)
    if not os.access(args.cli, os.X_OK):
        parser.error(f"no burrow-cli at {args.cli} (build it, or pass --cli)")
    if not os.path.isdir(os.path.join(SHARED, "conformance", "sqldef")):
        parser.error(f"no sqldef cases under {SHARED} (set BURROW_SHARED_DIR)")
    for name in (ENGINES if args.engine == "all" else [args.engine]):
        run_engine(ENGINES[name], args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
