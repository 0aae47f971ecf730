#!/usr/bin/python3
"""Benchmark Burrow's SQLite table rebuild against the sqlite3 CLI floor and Alembic.

Usage (from the repo root):
    /usr/bin/python3 bench/rebuild_bench.py --bin build/release/bin/burrow-bench-rebuild \
        [--rows 1000000] [--child-rows 200000] [--runs 3] [--work DIR] \
        [--plan-tables 2000] [--no-alembic] [--no-rebuild] [--no-plan]

Rebuild: a fixture database (cached under --work) holds `item` (5 columns, 2 indexes, ROWS
rows) and `item_tag` (CHILD_ROWS rows, `item_id REFERENCES item(id) ON DELETE CASCADE`); the
model changes `item.price` from TEXT to REAL, which SQLite can only do by rebuilding the table.
Each contender runs on a fresh copy of the fixture, --runs times:
  burrow   burrow-bench-rebuild DB MODEL: compare + draft + apply, as `burrow-cli plan` and a
           migration runner would
  sqlite3  the up section Burrow generated, run by `sqlite3 -bail` (the floor)
  alembic  op.batch_alter_table('item', recreate='always') with PRAGMA foreign_keys=OFF
Afterwards the child table must still hold CHILD_ROWS rows (a cascade would empty it).

Planning: burrow-bench-rebuild --plan-only N times plan::planMigration alone on N tables that
each change a column type; introspection and model loading are reported separately.

Progress goes to stderr, the tables to stdout. Exit status: 0 all good; 1 a Burrow run failed
or lost rows; 2 bad arguments. Targets (shown, not enforced): burrow within 1.3x the sqlite3
floor; planning 2,000 changed tables <= 0.5 s. See bench/README.md.
"""
import argparse
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

# This folder is on sys.path when the file runs as a script.
import bench_common
from bench_common import (require_tools, PYTHON_BIN, TIME_BIN, fmt_mb, fmt_s, fresh_copy, log, median_wall_s,
                          new_sqlite, peak_rss_kb, print_rows, up_section, write_sql)

# Bump when the fixture changes, so stale caches are not reused.
GEN_VERSION = 1
SQLITE_BIN = "sqlite3"
TIMEOUT_S = 1800
TARGET_RATIO = 1.3
TARGET_PLAN_S = 0.5
PLAN_TARGET_TABLES = 2000

ITEM_INDEXES = ("ix_item_name", "ix_item_qty_price")

LIVE_DDL = [
    """CREATE TABLE item (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  price TEXT,
  qty INTEGER NOT NULL DEFAULT 0,
  note TEXT
)""",
    "CREATE INDEX ix_item_name ON item (name)",
    "CREATE INDEX ix_item_qty_price ON item (qty, price)",
    """CREATE TABLE item_tag (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
  tag TEXT NOT NULL
)""",
    "CREATE INDEX ix_item_tag_item ON item_tag (item_id)",
]
# The model: the same, but price is REAL (a type change; SQLite rebuilds the table).
MODEL_DDL = [LIVE_DDL[0].replace("price TEXT", "price REAL")] + LIVE_DDL[1:]

# Alembic's side: the same type change through batch mode, the way an env.py runs it.
ALEMBIC_SCRIPT = r"""
import sys, time
import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations

engine = sa.create_engine("sqlite:///" + sys.argv[1])
start = time.perf_counter()
with engine.connect() as conn:
    # Outside any transaction, or the DROP of the old table cascades into item_tag.
    conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
    with conn.begin():
        op = Operations(MigrationContext.configure(conn))
        with op.batch_alter_table("item", recreate="always") as batch:
            batch.alter_column("price", type_=sa.REAL)
print(f"migrate_s={time.perf_counter() - start:.4f}")
"""


# ---------------------------------------------------------------- fixture

@dataclass
class Fixture:
    dir: Path
    rows: int
    child_rows: int

    @property
    def db(self):
        return self.dir / "fixture.sqlite3"

    @property
    def model(self):
        return self.dir / "model.sql"


def item_rows(n):
    for i in range(1, n + 1):
        yield (i, f"item {i:07d}", f"{(i * 7919) % 100000 / 100:.2f}", i % 1000,
               None if i % 3 == 0 else f"note for item {i}")


def tag_rows(n, items):
    step = max(items // max(n, 1), 1)
    for k in range(1, n + 1):
        yield (k, ((k - 1) * step) % items + 1, f"tag{k % 50}")


def build_fixture(fixture):
    log(f"generating rebuild fixture: {fixture.rows} items, {fixture.child_rows} tags")
    start = time.monotonic()
    with new_sqlite(fixture.db) as conn:
        conn.execute("BEGIN")
        tables = [s for s in LIVE_DDL if s.startswith("CREATE TABLE")]
        indexes = [s for s in LIVE_DDL if not s.startswith("CREATE TABLE")]
        for stmt in tables:
            conn.execute(stmt)
        conn.executemany("INSERT INTO item VALUES (?, ?, ?, ?, ?)", item_rows(fixture.rows))
        conn.executemany("INSERT INTO item_tag VALUES (?, ?, ?)",
                         tag_rows(fixture.child_rows, fixture.rows))
        for stmt in indexes:  # after the rows: faster than maintaining them while inserting
            conn.execute(stmt)
        conn.execute("COMMIT")
        conn.execute("VACUUM")
    log(f"  built {fixture.db} ({fixture.db.stat().st_size / 2**20:.0f} MB) "
        f"in {time.monotonic() - start:.1f} s")


def prepare_fixture(work, rows, child_rows):
    fixture = Fixture(work / f"rebuild-v{GEN_VERSION}" / f"r{rows}-c{child_rows}", rows,
                      child_rows)
    fixture.dir.mkdir(parents=True, exist_ok=True)
    if not fixture.model.exists():
        write_sql(fixture.model, MODEL_DDL)
    if not fixture.db.exists():
        build_fixture(fixture)
    return fixture


# ---------------------------------------------------------------- timed runs

def run_timed(cmd, stdin_path=None):
    """Runs cmd under GNU time: wall seconds measured here, peak RSS from time."""
    if not stdin_path:
        return bench_common.run_timed(cmd, TIMEOUT_S, subprocess.DEVNULL, wall_from_time=False)
    with open(stdin_path, "rb") as stdin:
        return bench_common.run_timed(cmd, TIMEOUT_S, stdin, wall_from_time=False)


def key_values(text):
    """`a=1 b=2` pairs from a program's output, as floats where they parse."""
    out = {}
    for key, value in re.findall(r"(\w+)=(\S+)", text):
        try:
            out[key] = float(value)
        except ValueError:
            out[key] = value
    return out


@dataclass
class Check:
    """What the database looks like after a contender ran."""
    child_rows: int = None
    item_rows: int = None
    price_type: str = ""
    item_indexes: int = None
    error: str = ""


def inspect(db):
    check = Check()
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            check.child_rows = conn.execute("SELECT count(*) FROM item_tag").fetchone()[0]
            check.item_rows = conn.execute("SELECT count(*) FROM item").fetchone()[0]
            check.price_type = next((r[2] for r in conn.execute("PRAGMA table_info(item)")
                                     if r[1] == "price"), "")
            names = {r[1] for r in conn.execute("PRAGMA index_list(item)")}
            check.item_indexes = len(names & set(ITEM_INDEXES))
        finally:
            conn.close()
    except sqlite3.Error as e:
        check.error = str(e)
    return check


@dataclass
class Contender:
    name: str
    runs: list = field(default_factory=list)
    checks: list = field(default_factory=list)
    details: list = field(default_factory=list)  # key=value output of each run
    note: str = ""  # a failure; the contender stops at its first one

    @property
    def median_s(self):
        return median_wall_s(self.runs) if self.runs else None

    @property
    def rss_kb(self):
        return peak_rss_kb(self.runs) if self.runs else None


def run_once(contender, fixture, scratch, command, stdin_path=None):
    """One timed run on a fresh copy of the fixture; False (and a note) on failure."""
    if contender.note:
        return False  # a contender stops at its first failure
    db = fresh_copy(fixture.db, scratch, contender.name)
    run = run_timed(command(db), stdin_path)
    if run.timed_out:
        contender.note = f"timed out ({TIMEOUT_S} s)"
    elif run.exit_code != 0:
        reason = (run.stderr.strip().splitlines() or [f"exit {run.exit_code}"])[-1]
        contender.note = f"failed: {reason[:100]}"
        log(f"  {contender.name}: FAILED (exit {run.exit_code}); stderr:\n"
            f"{run.stderr.rstrip()}")
    if contender.note:
        log(f"  {contender.name}: {contender.note}")
        return False
    check = inspect(db)
    db.unlink()
    contender.runs.append(run)
    contender.checks.append(check)
    contender.details.append(key_values(run.stdout))
    log(f"  {contender.name} run {len(contender.runs)}: {run.wall_s:.2f} s, "
        f"{(run.rss_kb or 0) / 1024:.1f} MB, item_tag rows after: {check.child_rows}")
    return True


def bench_rebuild(args, fixture):
    """Runs the contenders in rounds (burrow, sqlite3, alembic; --runs times), so that drift
    in the machine's speed spreads over all of them."""
    scratch = args.work / "rebuild-run"
    scratch.mkdir(parents=True, exist_ok=True)
    migration = scratch / "burrow-migration.sql"
    up_sql = scratch / "burrow-up.sql"
    alembic_script = scratch / "alembic_batch.py"
    alembic_script.write_text(ALEMBIC_SCRIPT)

    burrow, floor, alembic = Contender("burrow"), Contender("sqlite3"), Contender("alembic")
    contenders = [burrow, floor] + ([] if args.no_alembic else [alembic])
    log("rebuild: burrow = compare + draft + apply; sqlite3 = `sqlite3 -bail < "
        f"{up_sql}` (Burrow's up section); alembic = batch_alter_table(recreate='always')")
    for k in range(1, args.runs + 1):
        if not run_once(burrow, fixture, scratch,
                        lambda db: [args.bin, db, fixture.model, migration]):
            return [burrow]  # the floor runs Burrow's SQL: nothing to compare with
        up = up_section(migration.read_text())
        if k == 1:
            up_sql.write_text(up)
            log("  slowest statements of burrow's first run:\n" + "\n".join(
                line for line in burrow.runs[-1].stdout.splitlines() if line.startswith("  ")))
        elif up != up_sql.read_text():
            burrow.note = "generated a different up section than in run 1"
            log(f"  WARNING: burrow {burrow.note}")
        run_once(floor, fixture, scratch, lambda db: [SQLITE_BIN, "-bail", db],
                 stdin_path=up_sql)
        if not args.no_alembic:
            run_once(alembic, fixture, scratch, lambda db: [PYTHON_BIN, alembic_script, db])
    return contenders


def bench_plan(args):
    """Median of --runs of `--plan-only N`; None and a note on failure."""
    work = args.work / f"rebuild-v{GEN_VERSION}" / "plan"
    log(f"planning: {args.plan_tables} tables, each with a changed column type")
    results = []
    for k in range(1, args.runs + 1):
        run = run_timed([args.bin, "--plan-only", args.plan_tables, work])
        if run.timed_out or run.exit_code != 0:
            reason = "timed out" if run.timed_out else (run.stderr.strip() or "failed")
            log(f"  planning FAILED: {reason}")
            return None, reason.splitlines()[-1][:100]
        values = key_values(run.stdout)
        values["rss_kb"] = run.rss_kb or 0
        results.append(values)
        log(f"  run {k}/{args.runs}: introspect {values['introspect_s']:.3f} s, load model "
            f"{values['load_model_s']:.3f} s, plan {values['plan_s']:.3f} s")
    return results, ""


# ---------------------------------------------------------------- report

def verdict(contender, fixture, floor_s):
    problems = []
    for check in contender.checks:
        if check.error:
            problems.append(f"unreadable after: {check.error}")
        elif check.child_rows != fixture.child_rows:
            problems.append(f"LOST ROWS (item_tag {check.child_rows}/{fixture.child_rows})")
        elif check.item_rows != fixture.rows:
            problems.append(f"LOST ROWS (item {check.item_rows}/{fixture.rows})")
        elif check.price_type.upper() != "REAL":
            problems.append(f"price still {check.price_type}")
        elif check.item_indexes != len(ITEM_INDEXES):
            problems.append(f"{check.item_indexes}/{len(ITEM_INDEXES)} indexes")
    problems = list(dict.fromkeys(problems))  # once each
    if contender.name == "burrow" and floor_s and contender.runs:
        ratio = contender.median_s / floor_s
        if ratio > TARGET_RATIO:
            problems.append(f"NO: {ratio:.2f}x > {TARGET_RATIO}x floor")
        elif not problems:
            problems.append(f"target met (<= {TARGET_RATIO}x floor)")
    return "; ".join(problems) or "ok"


def print_rebuild(contenders, fixture, runs):
    floor = next((c for c in contenders if c.name == "sqlite3" and c.runs and not c.note), None)
    floor_s = floor.median_s if floor else None
    header = ["contender", f"median wall(s) of {runs}", "x sqlite3 floor", "peak RSS(MB)",
              "item_tag rows after", "notes"]
    rows = []
    for c in contenders:
        if c.note and not c.runs:
            rows.append([c.name, c.note, "-", "-", "-", ""])
            continue
        ratio = f"{c.median_s / floor_s:.2f}" if floor_s else "-"
        child = sorted({str(ch.child_rows) for ch in c.checks})
        rows.append([c.name, fmt_s(c.median_s), ratio, fmt_mb(c.rss_kb), ",".join(child),
                     (c.note + "; " if c.note else "") + verdict(c, fixture, floor_s)])
    print(f"Rebuild of item ({fixture.rows:,} rows, 2 indexes; item_tag {fixture.child_rows:,} "
          f"rows, FK ON DELETE CASCADE): price TEXT -> REAL, fresh copy per run")
    print_rows(header, rows)
    burrow = contenders[0]
    if burrow.details:
        def med(key):
            return statistics.median(d.get(key, 0.0) for d in burrow.details)
        print(f"burrow split (median): plan {med('plan_s'):.2f} s (compare "
              f"{med('compare_s'):.2f} + draft/lint {med('draft_s'):.2f}), apply "
              f"{med('apply_s'):.2f} s")
    alembic = next((c for c in contenders if c.name == "alembic" and c.details), None)
    if alembic:
        inner = statistics.median(d.get("migrate_s", 0.0) for d in alembic.details)
        print(f"alembic: batch operation alone {inner:.2f} s (median; the rest is Python "
              f"start-up and imports)")
    print()


def print_plan(results, note, n):
    print(f"Planning {n:,} tables, each with a column type change (rebuild), "
          f"plan::planMigration only:")
    if results is None:
        print(f"  FAILED: {note}")
        return
    def med(key):
        return statistics.median(r[key] for r in results)
    plan_s = med("plan_s")
    header = ["tables", "introspect(s)", "load model(s)", "plan(s)", "peak RSS(MB)",
              "met target"]
    target = ("yes" if plan_s <= TARGET_PLAN_S else f"NO: > {TARGET_PLAN_S} s") \
        if n == PLAN_TARGET_TABLES else "-"
    print_rows(header, [[f"{n:,}", f"{med('introspect_s'):.3f}", f"{med('load_model_s'):.3f}",
                         f"{plan_s:.3f}", fmt_mb(max(r["rss_kb"] for r in results)), target]])
    print(f"medians of {len(results)} runs; target: {PLAN_TARGET_TABLES:,} tables planned in "
          f"<= {TARGET_PLAN_S} s")


# ---------------------------------------------------------------- main

def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bin", default="build/release/bin/burrow-bench-rebuild",
                   help="path to burrow-bench-rebuild (default: %(default)s)")
    p.add_argument("--rows", default=1_000_000, type=int, help="rows in item (default: 1000000)")
    p.add_argument("--child-rows", default=200_000, type=int,
                   help="rows in item_tag (default: 200000)")
    p.add_argument("--runs", default=3, type=int, help="runs per contender (default: 3)")
    p.add_argument("--work", default="build/bench", type=Path,
                   help="cache directory for the fixture (default: %(default)s)")
    p.add_argument("--plan-tables", default=PLAN_TARGET_TABLES, type=int,
                   help="tables for the planning benchmark (default: %(default)s)")
    p.add_argument("--no-alembic", action="store_true", help="skip the Alembic contender")
    p.add_argument("--no-rebuild", action="store_true", help="skip the rebuild benchmark")
    p.add_argument("--no-plan", action="store_true", help="skip the planning benchmark")
    args = p.parse_args(argv)
    if args.rows < 1 or args.child_rows < 0 or args.runs < 1 or args.plan_tables < 1:
        p.error("--rows, --runs and --plan-tables must be positive, --child-rows >= 0")
    args.bin = require_tools(p, args.bin, (TIME_BIN, SQLITE_BIN))
    args.work = args.work.resolve()
    return args


def main(argv):
    args = parse_args(argv)
    failed = False
    if not args.no_rebuild:
        fixture = prepare_fixture(args.work, args.rows, args.child_rows)
        contenders = bench_rebuild(args, fixture)
        print_rebuild(contenders, fixture, args.runs)
        burrow = contenders[0]
        failed |= bool(burrow.note) or any(
            ch.child_rows != fixture.child_rows or ch.item_rows != fixture.rows
            for ch in burrow.checks)
    if not args.no_plan:
        results, note = bench_plan(args)
        print_plan(results, note, args.plan_tables)
        failed |= results is None
    sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
