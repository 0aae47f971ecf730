#!/usr/bin/python3
"""Benchmark `burrow-cli diff` on synthetic SQLite schemas, with Alembic as a peer.

Usage (from the repo root):
    /usr/bin/python3 bench/diff_bench.py --cli build/release/bin/burrow-cli \
        [--sizes 100,1000,2000,10000] [--work DIR] [--runs 3] [--no-alembic] [--no-burrow]

For each size N it generates (once, cached under --work) an `equal` pair (the model
DDL is exactly the live DDL) and a `changed` pair (every 20th table differs), runs
`burrow-cli diff` under GNU time, optionally runs Alembic's compare_metadata on the
same pair, and prints a table. Progress goes to stderr, the table to stdout.
Exit status: 0 all good; 1 a run failed or a sanity check did not hold.
See bench/README.md.
"""
import argparse
import json
import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

# This folder is on sys.path when the file runs as a script.
from bench_common import (PYTHON_BIN, TIME_BIN, Run, change_kind, fmt_mb, fmt_s, log,
                          median_wall_s, new_sqlite, peak_rss_kb, print_rows, run_timed,
                          table_name, write_sql)

# Bump when the generated schema changes, so stale caches are not reused.
GEN_VERSION = 2
VARIANTS = ("equal", "changed")
EXPECTED_EXIT = {"equal": 0, "changed": 1}

ALEMBIC_MAX_N = 2000  # beyond this Alembic takes many minutes (see DESIGN.md)
ALEMBIC_TIMEOUT_S = 600
BURROW_TIMEOUT_S = 600
ALEMBIC_SCRIPT = Path(__file__).resolve().parent / "alembic_compare.py"

TARGET_WALL_S = {2000: 1.0, 10000: 10.0}
TARGET_RSS_MB = 300.0


# ---------------------------------------------------------------- schema generation

def column_defs(i, change):
    # Table 0 references itself so every table has exactly one foreign key.
    parent = table_name(max(i - 1, 0))
    score_type = "REAL" if i % 2 else "INTEGER"  # vary types between tables too
    qty_default = 1 if change == "change_default" else 0
    ratio_type = "NUMERIC" if change == "change_type" else "REAL"
    cols = [
        "id INTEGER PRIMARY KEY",
        f"parent_id INTEGER REFERENCES {parent}(id)",
        "name TEXT NOT NULL",
        "code TEXT NOT NULL DEFAULT 'x'",
        f"qty INTEGER NOT NULL DEFAULT {qty_default}",
        "price NUMERIC DEFAULT 0",
        f"ratio {ratio_type}",
        "note TEXT",
        f"score {score_type} DEFAULT 1",
        "created_at TEXT DEFAULT '1970-01-01 00:00:00'",
    ]
    if change == "add_column":
        cols.append("extra TEXT")
    return cols


def table_statements(i, change=None):
    name = table_name(i)
    body = ",\n  ".join(column_defs(i, change))
    stmts = [f"CREATE TABLE {name} (\n  {body}\n)",
             f"CREATE INDEX ix_{name}_parent ON {name} (parent_id)"]
    if change != "drop_index":
        stmts.append(f"CREATE INDEX ix_{name}_qty_price ON {name} (qty, price)")
    if change == "add_index":
        stmts.append(f"CREATE INDEX ix_{name}_note ON {name} (note)")
    return stmts


def schema_statements(n, variant):
    stmts = []
    for i in range(n):
        stmts += table_statements(i, change_kind(i) if variant == "changed" else None)
    return stmts


def build_sqlite(path, stmts, label):
    """Builds a SQLite file from DDL in one transaction; atomic via rename."""
    start = time.monotonic()
    with new_sqlite(path) as conn:
        conn.execute("BEGIN")
        # SQLite rescans its schema table after each DDL statement: the cost is
        # quadratic, so show progress on big schemas.
        step = max(len(stmts) // 10, 1)
        for k, stmt in enumerate(stmts, 1):
            conn.execute(stmt)
            if len(stmts) > 3000 and k % step == 0:
                log(f"  {label}: {k}/{len(stmts)} statements, {time.monotonic() - start:.0f} s")
        conn.execute("COMMIT")
    elapsed = time.monotonic() - start
    log(f"  {label}: built {path} in {elapsed:.1f} s")
    return elapsed


@dataclass
class Case:
    n: int
    variant: str
    dir: Path

    @property
    def live_db(self):
        return self.dir / "live.sqlite3"

    @property
    def model_sql(self):
        return self.dir / "model.sql"

    @property
    def model_db(self):
        return self.dir / "model.sqlite3"


def prepare_case(work, n, variant, need_model_db):
    """Ensures the case's files exist, generating only what is missing."""
    case = Case(n, variant, work / f"v{GEN_VERSION}" / f"n{n}" / variant)
    case.dir.mkdir(parents=True, exist_ok=True)
    label = f"N={n} {variant}"
    if not case.model_sql.exists():
        write_sql(case.model_sql, schema_statements(n, variant))
    if not case.live_db.exists():
        # Both variants share the live schema: build it once, copy it for the other.
        equal_live = case.dir.parent / "equal" / "live.sqlite3"
        if variant != "equal" and equal_live.exists():
            copy_atomic(equal_live, case.live_db)
        else:
            log(f"generating {label} live database ({n} tables)")
            build_sqlite(case.live_db, schema_statements(n, "equal"), f"{label} live")
    if need_model_db and not case.model_db.exists():
        if variant == "equal":
            copy_atomic(case.live_db, case.model_db)  # same DDL, same database
        else:
            log(f"generating {label} model database ({n} tables)")
            build_sqlite(case.model_db, schema_statements(n, variant), f"{label} model")
    return case


def copy_atomic(src, dst):
    tmp = dst.with_name(dst.name + ".tmp")
    shutil.copyfile(src, tmp)
    tmp.replace(dst)


# ---------------------------------------------------------------- timed runs

@dataclass
class Result:
    case: Case
    burrow: list = field(default_factory=list)
    burrow_note: str = ""
    alembic: Run = None
    alembic_note: str = ""
    alembic_detail: dict = None


def bench_burrow(cli, case, runs, result):
    cmd = [cli, "diff", "--db", f"sqlite:{case.live_db}", "--model", case.model_sql]
    for k in range(1, runs + 1):
        run = run_timed(cmd, BURROW_TIMEOUT_S)
        if run.timed_out:
            result.burrow_note = f"timed out after {BURROW_TIMEOUT_S} s"
        elif run.exit_code not in (0, 1):
            result.burrow_note = f"error (exit {run.exit_code})"
            log(f"  FAILED: burrow-cli exited {run.exit_code}; stderr:\n{run.stderr.rstrip()}")
        if result.burrow_note:
            log(f"  N={case.n} {case.variant}: burrow {result.burrow_note}")
            return
        result.burrow.append(run)
        log(f"  N={case.n} {case.variant}: burrow run {k}/{runs}: "
            f"{run.wall_s:.2f} s, {run.rss_kb / 1024:.1f} MB, exit {run.exit_code}")
    (case.dir / "burrow-diff.out").write_text(result.burrow[-1].stdout)
    expected = EXPECTED_EXIT[case.variant]
    codes = {r.exit_code for r in result.burrow}
    if codes != {expected}:
        result.burrow_note = f"WRONG exit {sorted(codes)}, expected {expected}"
        log(f"  WARNING: N={case.n} {case.variant}: burrow-cli diff exited {sorted(codes)}, "
            f"expected {expected} ({'no differences' if expected == 0 else 'differences'})")


def bench_alembic(case, result):
    log(f"  N={case.n} {case.variant}: running alembic (once, up to {ALEMBIC_TIMEOUT_S} s)")
    run = run_timed([PYTHON_BIN, ALEMBIC_SCRIPT, case.live_db, case.model_db],
                    ALEMBIC_TIMEOUT_S)
    result.alembic = run
    if run.timed_out:
        result.alembic_note = f"timed out ({ALEMBIC_TIMEOUT_S} s)"
    elif run.exit_code != 0:
        reason = run.stderr.strip().splitlines()[-1:] or [f"exit {run.exit_code}"]
        result.alembic_note = "failed: " + reason[0][:80]
    else:
        result.alembic_detail = json.loads(run.stdout.strip().splitlines()[-1])
    log(f"  N={case.n} {case.variant}: alembic "
        f"{result.alembic_note or result.alembic_detail} in {fmt_s(run.wall_s)} s")


# ---------------------------------------------------------------- report

def burrow_columns(result, with_burrow):
    if not with_burrow:
        return ["not run", "not run"]
    if result.burrow_note and not result.burrow:
        return [result.burrow_note, "-"]
    return [fmt_s(median_wall_s(result.burrow)), fmt_mb(peak_rss_kb(result.burrow))]


def target_verdict(result):
    """Whether a burrow row met the targets, with the reason when not."""
    if not result.burrow:
        return "no"
    wall = median_wall_s(result.burrow)
    rss_mb = peak_rss_kb(result.burrow) / 1024
    misses = []
    limit = TARGET_WALL_S.get(result.case.n)
    if limit is not None and wall > limit:
        misses.append(f"wall > {limit:g} s")
    if rss_mb > TARGET_RSS_MB:
        misses.append(f"RSS > {TARGET_RSS_MB:g} MB")
    if result.burrow_note:
        misses.append(result.burrow_note)
    return "yes" if not misses else "NO: " + ", ".join(misses)


def alembic_columns(result, with_alembic):
    if not with_alembic:
        return ["not run", "-", "-"]
    if result.case.n > ALEMBIC_MAX_N:
        return ["skipped (too slow)", "-", "-"]
    run = result.alembic
    if result.alembic_note:
        return [result.alembic_note, fmt_mb(run.rss_kb), "-"]
    return [fmt_s(run.wall_s), fmt_mb(run.rss_kb), str(result.alembic_detail["differences"])]


def print_table(results, with_burrow, with_alembic):
    header = ["N", "variant", "burrow wall(s)", "burrow peak RSS(MB)", "alembic wall(s)",
              "alembic peak RSS(MB)", "alembic diffs", "met targets"]
    rows = [[str(r.case.n), r.case.variant,
             *burrow_columns(r, with_burrow),
             *alembic_columns(r, with_alembic),
             target_verdict(r) if with_burrow else "-"]
            for r in results]
    print_rows(header, rows)
    print()
    print(f"burrow: median of the runs' wall time, max of their peak RSS. "
          f"Targets: N=2,000 <= {TARGET_WALL_S[2000]:g} s, N=10,000 <= "
          f"{TARGET_WALL_S[10000]:g} s, peak RSS <= {TARGET_RSS_MB:g} MB.")
    details = [r for r in results if r.alembic_detail]
    if details:
        print("alembic (one run; reflect = MetaData.reflect of the model, "
              "compare = compare_metadata):")
        for r in details:
            d = r.alembic_detail
            print(f"  N={r.case.n} {r.case.variant}: reflect {d['reflect_s']:.2f} s, "
                  f"compare {d['compare_s']:.2f} s")


# ---------------------------------------------------------------- main

def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--cli", help="path to burrow-cli (required unless --no-burrow)")
    p.add_argument("--sizes", default="100,1000,2000,10000",
                   help="comma-separated table counts (default: %(default)s)")
    p.add_argument("--work", default="build/bench", type=Path,
                   help="cache directory for generated schemas (default: %(default)s)")
    p.add_argument("--runs", default=3, type=int, help="burrow runs per case (default: 3)")
    p.add_argument("--no-alembic", action="store_true", help="skip the Alembic peer")
    p.add_argument("--no-burrow", action="store_true",
                   help="skip burrow-cli (generation and Alembic only)")
    args = p.parse_args(argv)
    try:
        args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        p.error(f"--sizes must be comma-separated integers, got {args.sizes!r}")
    if not args.no_burrow:
        if not args.cli:
            p.error("--cli is required (or pass --no-burrow)")
        args.cli = Path(args.cli).resolve()
        if not os.access(args.cli, os.X_OK):
            p.error(f"{args.cli} is not an executable file; build it first (./dev build)")
    if not os.access(TIME_BIN, os.X_OK):
        p.error(f"{TIME_BIN} not found; install GNU time (apt-get install time)")
    args.work = args.work.resolve()
    return args


def main(argv):
    args = parse_args(argv)
    results = []
    for n in args.sizes:
        run_alembic = not args.no_alembic and n <= ALEMBIC_MAX_N
        for variant in VARIANTS:
            case = prepare_case(args.work, n, variant, need_model_db=run_alembic)
            result = Result(case)
            if not args.no_burrow:
                bench_burrow(args.cli, case, args.runs, result)
            if run_alembic:
                bench_alembic(case, result)
            results.append(result)
    print_table(results, not args.no_burrow, not args.no_alembic)
    failed = [r for r in results if r.burrow_note]
    for r in failed:
        print(f"WARNING: N={r.case.n} {r.case.variant}: burrow-cli {r.burrow_note} "
              f"(details on stderr)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
