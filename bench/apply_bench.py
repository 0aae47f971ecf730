#!/usr/bin/python3
"""Benchmark the overhead of `burrow-cli apply` over running the same SQL with the sqlite3 CLI.

Usage (from the repo root):
    /usr/bin/python3 bench/apply_bench.py --cli build/release/bin/burrow-cli \
        [--rows 1000000] [--child-rows 200000] [--runs 3] [--work build/bench]

The migration is the rebuild of rebuild_bench.py's fixture (`item`, ROWS rows, price TEXT ->
REAL), written once per invocation by `burrow-cli plan --allow-destructive`. Each run starts
from a fresh copy of the fixture (copy time excluded); the two take turns, --runs rounds:
  burrow   burrow-cli apply --db sqlite:COPY --migrations DIR --no-backup (no models: no re-diff)
  sqlite3  sqlite3 -bail COPY < the migration's up section
Progress goes to stderr, the table to stdout. Exit status: 0 all Burrow runs succeeded and kept
every row; 1 otherwise; 2 bad arguments. Target (shown, not enforced): overhead <= 5 %.
See bench/README.md.
"""
import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

# This folder is on sys.path when the file runs as a script.
import bench_common
from bench_common import (require_tools, TIME_BIN, fmt_mb, fmt_s, fresh_copy, log, median_wall_s, peak_rss_kb,
                          print_rows, up_section)
from rebuild_bench import SQLITE_BIN, inspect, prepare_fixture, verdict

TIMEOUT_S = 1800
TARGET_OVERHEAD_PCT = 5.0
MIGRATION_NAME = "rebuild_item"


@dataclass
class Contender:
    name: str
    runs: list = field(default_factory=list)
    checks: list = field(default_factory=list)
    inner_ms: list = field(default_factory=list)  # Burrow's history row: duration_ms
    note: str = ""  # a failure; the contender stops at its first one

    @property
    def median_s(self):
        return median_wall_s(self.runs) if self.runs else None


def write_migration(cli, fixture, migrations):
    """`burrow-cli plan` into an emptied `migrations`; returns the migration file."""
    shutil.rmtree(migrations, ignore_errors=True)
    migrations.mkdir(parents=True)
    result = subprocess.run(
        [cli, "plan", "--db", f"sqlite:{fixture.db}", "--model", fixture.model, "--migrations",
         migrations, "--name", MIGRATION_NAME, "--allow-destructive"],
        capture_output=True, text=True, timeout=TIMEOUT_S)
    files = sorted(migrations.glob("*.sql"))
    if result.returncode != 0 or len(files) != 1:
        raise RuntimeError(f"burrow-cli plan failed (exit {result.returncode}): "
                           f"{result.stderr.strip()}")
    return files[0]


def history_ms(db):
    """duration_ms of the applied migration in Burrow's history table, or None."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT duration_ms FROM burrow_migrations WHERE status = 'applied' "
                           "ORDER BY version DESC LIMIT 1").fetchone()
        return row[0] if row else None
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def run_once(contender, fixture, scratch, command, stdin_path=None):
    """One timed run on a fresh copy of the fixture; False (and a note) on failure."""
    if contender.note:
        return False
    db = fresh_copy(fixture.db, scratch, contender.name)
    with open(stdin_path or os.devnull, "rb") as stdin:
        # cwd: the scratch folder, so no burrow.json around adds models to the apply.
        run = bench_common.run_timed(command(db), TIMEOUT_S, stdin, wall_from_time=False)
    if run.timed_out:
        contender.note = f"timed out ({TIMEOUT_S} s)"
    elif run.exit_code != 0:
        reason = (run.stderr.strip().splitlines() or [f"exit {run.exit_code}"])[-1]
        contender.note = f"failed: {reason[:100]}"
    if contender.note:
        log(f"  {contender.name}: {contender.note}")
        return False
    contender.checks.append(inspect(db))
    if contender.name == "burrow":
        contender.inner_ms.append(history_ms(db))
    db.unlink()
    contender.runs.append(run)
    log(f"  {contender.name} run {len(contender.runs)}: {run.wall_s:.2f} s, "
        f"{(run.rss_kb or 0) / 1024:.1f} MB")
    return True


def bench_apply(args, fixture):
    scratch = args.work / "apply-run"
    scratch.mkdir(parents=True, exist_ok=True)
    migration = write_migration(args.cli, fixture, scratch / "migrations")
    up_sql = scratch / "up.sql"
    up_sql.write_text(up_section(migration.read_text()))
    log(f"apply: burrow = `burrow-cli apply --no-backup` of {migration.name}; sqlite3 = "
        f"`sqlite3 -bail DB < {up_sql}` (its up section)")
    burrow, floor = Contender("burrow"), Contender("sqlite3")
    apply_cmd = [args.cli, "apply", "--migrations", scratch / "migrations", "--no-backup"]
    os.chdir(scratch)
    for _ in range(args.runs):
        run_once(burrow, fixture, scratch, lambda db: apply_cmd + ["--db", f"sqlite:{db}"])
        run_once(floor, fixture, scratch, lambda db: [SQLITE_BIN, "-bail", db], up_sql)
    return [burrow, floor]


def overhead_note(burrow, floor_s):
    if not floor_s or not burrow.runs:
        return "-", ""
    pct = (burrow.median_s / floor_s - 1) * 100
    met = "target met" if pct <= TARGET_OVERHEAD_PCT else "NO"
    return f"{pct:+.1f} %", f"{met} (<= {TARGET_OVERHEAD_PCT:.0f} %)"


def print_apply(contenders, fixture, runs):
    burrow, floor = contenders
    floor_s = floor.median_s if floor.runs and not floor.note else None
    header = ["contender", f"median wall(s) of {runs}", "overhead", "peak RSS(MB)", "notes"]
    rows = []
    for c in contenders:
        overhead, met = overhead_note(c, floor_s) if c is burrow else ("-", "")
        problems = verdict(c, fixture, None) if c.checks else ""
        notes = "; ".join(x for x in (c.note, problems if problems != "ok" else "", met) if x)
        rows.append([c.name, fmt_s(c.median_s), overhead,
                     fmt_mb(peak_rss_kb(c.runs)) if c.runs else "-", notes])
    print(f"Apply of one migration (rebuild of item, {fixture.rows:,} rows; item_tag "
          f"{fixture.child_rows:,} rows) vs the sqlite3 CLI on its up section, fresh copy per run")
    print_rows(header, rows)
    inner = sorted(ms for ms in burrow.inner_ms if ms is not None)
    if inner:
        print(f"burrow: the migration itself took {inner[len(inner) // 2] / 1000:.2f} s (history "
              f"row's duration_ms, median); the rest is start-up, lock, history and reading "
              f"the folder")
    print()


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--cli", default="build/release/bin/burrow-cli",
                   help="path to burrow-cli (default: %(default)s)")
    p.add_argument("--rows", default=1_000_000, type=int, help="rows in item (default: 1000000)")
    p.add_argument("--child-rows", default=200_000, type=int,
                   help="rows in item_tag (default: 200000)")
    p.add_argument("--runs", default=3, type=int, help="runs per contender (default: 3)")
    p.add_argument("--work", default="build/bench", type=Path,
                   help="cache directory for the fixture (default: %(default)s)")
    args = p.parse_args(argv)
    if args.rows < 1 or args.child_rows < 0 or args.runs < 1:
        p.error("--rows and --runs must be positive, --child-rows >= 0")
    args.cli = require_tools(p, args.cli, (TIME_BIN, SQLITE_BIN))
    args.work = args.work.resolve()
    return args


def main(argv):
    args = parse_args(argv)
    fixture = prepare_fixture(args.work, args.rows, args.child_rows)
    contenders = bench_apply(args, fixture)
    print_apply(contenders, fixture, args.runs)
    sys.stdout.flush()
    burrow = contenders[0]
    lost = any(ch.child_rows != fixture.child_rows or ch.item_rows != fixture.rows
               for ch in burrow.checks)
    return 1 if burrow.note or not burrow.runs or lost else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
