#!/usr/bin/python3
"""Benchmark `burrow-cli diff` on PostgreSQL and MariaDB, with Alembic as a peer.

Usage (from the repo root, with BURROW_TEST_POSTGRES_URL / BURROW_TEST_MARIADB_URL exported,
as tests/servers.sh start prints them; ./dev bench servers does that):
    /usr/bin/python3 bench/server_diff_bench.py --cli build/release/bin/burrow-cli \
        [--sizes 1000,5000] [--engines postgresql,mariadb] [--runs 3] [--work DIR] \
        [--no-alembic]

For each engine and size N it loads diff_bench.py's N-table schema into a live database
`bench_<pid>_<N>_live`, times `burrow-cli diff` against the `equal` and `changed` model files,
counts Burrow's round trips through a proxy (a separate run), and runs Alembic's
compare_metadata against the same live database, the model reflected from a second database on
the same server. Every database it creates is dropped at the end. Progress goes to stderr, the
table to stdout. Exit 0 when every burrow run gave the expected exit code, 1 otherwise, 2 on
bad arguments. See bench/README.md.
"""
import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

# This folder is on sys.path when the file runs as a script.
from bench_common import (PYTHON_BIN, TIME_BIN, fmt_mb, fmt_s, log, median_wall_s, peak_rss_kb,
                          print_rows, require_tools, run_timed, write_sql)
from server_schema import Server, schema_statements
from wire_count import WireCounter

GEN_VERSION = 1
VARIANTS = ("equal", "changed")
EXPECTED_EXIT = {"equal": 0, "changed": 1}
URL_VARIABLES = {"postgresql": "BURROW_TEST_POSTGRES_URL", "mariadb": "BURROW_TEST_MARIADB_URL"}
BURROW_TIMEOUT_S = 900
ALEMBIC_TIMEOUT_S = 1800
ALEMBIC_SCRIPT = Path(__file__).resolve().parent / "alembic_server_compare.py"
TARGET_RATIO = 20.0
TARGET_WALL_S = {1000: 2.0}


@dataclass
class Row:
    engine: str
    n: int
    variant: str
    burrow: list  # cold: --no-model-cache, the model loaded on the server every time
    warm: list = field(default_factory=list)  # the model from the cache a first run filled
    burrow_note: str = ""
    burrow_diffs: int = None
    wire: WireCounter = None
    warm_wire: WireCounter = None
    alembic: object = None  # a bench_common.Run
    alembic_note: str = ""
    alembic_detail: dict = None
    ddl_s: list = field(default_factory=list)  # the server executing the model's DDL alone
    ddl_note: str = ""


# ---------------------------------------------------------------- contenders

def timed_runs(cmd, env, runs, label, row):
    """`runs` timed runs of cmd; None when one fails (row.burrow_note says how)."""
    done = []
    for k in range(1, runs + 1):
        run = run_timed(cmd, BURROW_TIMEOUT_S, env=env)
        if run.timed_out or run.exit_code not in (0, 1):
            row.burrow_note = ("timed out" if run.timed_out else f"error (exit {run.exit_code})")
            log(f"  {label}: burrow {row.burrow_note}: {run.stderr.strip()[-300:]}")
            return None
        done.append(run)
        log(f"  {label}: burrow run {k}/{runs}: {run.wall_s:.2f} s, "
            f"{run.rss_kb / 1024:.1f} MB, exit {run.exit_code}")
    if {r.exit_code for r in done} != {EXPECTED_EXIT[row.variant]}:
        row.burrow_note = f"WRONG exit {sorted({r.exit_code for r in done})}"
    return done


def count_round_trips(cmd, env, server, live_db, label):
    """Once more through the counting proxy, untimed: the proxy adds latency per round trip.
    In plain text: the proxy reads the protocol, which TLS (the test servers offer it, and libpq
    takes it unless told otherwise) would hide."""
    plain = {**env, "PGSSLMODE": "disable"}
    with WireCounter(server.host, server.port, server.engine) as wire:
        run = run_timed([*cmd[:3], server.url(live_db, port=wire.port), *cmd[4:]],
                        BURROW_TIMEOUT_S, env=plain)
    log(f"  {label}: burrow round trips {wire.round_trips} (catalog reads {wire.reads})")
    return wire if run.exit_code in (0, 1) else None


def bench_burrow(args, server, live_db, model_sql, row):
    env = {**os.environ, "BURROW_DB_PASSWORD": server.password}
    cmd = [args.cli, "diff", "--db", server.url(live_db), "--model", model_sql, "--format", "json"]
    label = f"{server.engine} N={row.n} {row.variant}"
    cold = cmd + ["--no-model-cache"]
    row.burrow = timed_runs(cold, env, args.runs, f"{label} cold", row) or []
    if not row.burrow:
        return
    row.burrow_diffs = len(json.loads(row.burrow[-1].stdout)["differences"])
    row.wire = count_round_trips(cold, env, server, live_db, f"{label} cold")
    # Warm: a cache of its own, filled by one untimed run, as a second diff of the same model.
    with tempfile.TemporaryDirectory(dir=args.work) as cache:
        warm_env = {**env, "BURROW_CACHE_DIR": cache, "BURROW_MODEL_CACHE": "on"}
        run_timed(cmd, BURROW_TIMEOUT_S, env=warm_env)
        row.warm = timed_runs(cmd, warm_env, args.runs, f"{label} warm", row) or []
        if row.warm and len(json.loads(row.warm[-1].stdout)["differences"]) != row.burrow_diffs:
            row.burrow_note = "WRONG: the warm run found other differences"
        row.warm_wire = count_round_trips(cmd, warm_env, server, live_db, f"{label} warm")


def bench_model_ddl(args, server, model_sql, row):
    """The floor of a cold diff: the model's DDL executed by the server alone, no Burrow."""
    label = f"{server.engine} N={row.n} {row.variant}"
    statements = [s for s in model_sql.read_text().split(";\n") if s.strip()]
    for k in range(1, args.runs + 1):
        try:
            row.ddl_s.append(server.time_model_ddl(statements, f"bench_{os.getpid()}_ddl"))
        except Exception as error:  # e.g. the lock table too small for one transaction
            row.ddl_note = str(error).strip().splitlines()[0][:60]
            log(f"  {label}: model DDL alone failed: {row.ddl_note}")
            return
        log(f"  {label}: model DDL alone, run {k}/{args.runs}: {row.ddl_s[-1]:.2f} s")


def bench_alembic(server, live_db, model_db, row):
    label = f"{server.engine} N={row.n} {row.variant}"
    log(f"  {label}: running alembic (once, up to {ALEMBIC_TIMEOUT_S} s)")
    urls = {"live": server.sqlalchemy_url(live_db), "model": server.sqlalchemy_url(model_db)}
    with tempfile.TemporaryFile("w+") as stdin:  # 0600, unlinked: the URLs hold the password
        json.dump(urls, stdin)
        stdin.seek(0)
        run = run_timed([PYTHON_BIN, ALEMBIC_SCRIPT], ALEMBIC_TIMEOUT_S, stdin=stdin)
    row.alembic = run
    if run.timed_out:
        row.alembic_note = f"timed out ({ALEMBIC_TIMEOUT_S} s)"
    elif run.exit_code != 0:
        reason = run.stderr.strip().splitlines()[-1:] or [f"exit {run.exit_code}"]
        row.alembic_note = "failed: " + reason[0][:80]
    else:
        row.alembic_detail = json.loads(run.stdout.strip().splitlines()[-1])
    log(f"  {label}: alembic {row.alembic_note or row.alembic_detail} in {fmt_s(run.wall_s)} s")


# ---------------------------------------------------------------- one engine, one size

def load(server, database, model_sql):
    start = time.monotonic()
    server.create_database(database)
    server.load_file(database, model_sql)
    log(f"  loaded the {model_sql.parent.name} schema into {database} "
        f"in {time.monotonic() - start:.1f} s")


def bench_size(args, server, n):
    folder = args.work / f"servers-v{GEN_VERSION}" / server.engine / f"n{n}"
    models, loads = {}, {}
    # MariaDB pays ~the same for each DDL statement: its databases are loaded with the indexes
    # inside CREATE TABLE (the same schema, a third of the statements; minutes at N=5,000).
    inline = server.engine == "mariadb"
    for variant in VARIANTS:
        models[variant] = folder / variant / "model.sql"
        models[variant].parent.mkdir(parents=True, exist_ok=True)
        write_sql(models[variant], schema_statements(server.engine, n, variant))
        loads[variant] = models[variant]
        if inline:
            loads[variant] = folder / variant / "load.sql"
            write_sql(loads[variant], schema_statements(server.engine, n, variant, inline))
    prefix = f"bench_{os.getpid()}_{n}"
    live_db, changed_db = f"{prefix}_live", f"{prefix}_model"
    rows = []
    try:
        log(f"{server.engine} N={n}: loading the live database")
        load(server, live_db, loads["equal"])
        if not args.no_alembic:
            load(server, changed_db, loads["changed"])
        for variant in VARIANTS:
            row = Row(server.engine, n, variant, [])
            bench_burrow(args, server, live_db, models[variant], row)
            # MariaDB's load file has the indexes inside CREATE TABLE, as Burrow folds them.
            bench_model_ddl(args, server, loads[variant], row)
            if not args.no_alembic:
                # The equal model is the live schema itself: reflect it from there.
                model_db = live_db if variant == "equal" else changed_db
                bench_alembic(server, live_db, model_db, row)
            rows.append(row)
    finally:
        for database in (live_db, changed_db):
            server.drop_database(database)
    return rows


# ---------------------------------------------------------------- report

def burrow_cells(runs, wire):
    if not runs:
        return ["-", "-"]
    trips = f"{wire.round_trips} ({wire.reads})" if wire else "-"
    return [f"{fmt_s(median_wall_s(runs))}, {fmt_mb(peak_rss_kb(runs))}", trips]


def alembic_cells(row):
    if row.alembic is None:
        return ["not run", "-"]
    if row.alembic_note:
        return [f"{row.alembic_note}, {fmt_mb(row.alembic.rss_kb)}", "-"]
    d = row.alembic_detail
    return [f"{fmt_s(row.alembic.wall_s)}, {fmt_mb(row.alembic.rss_kb)}",
            f"{d['round_trips']} ({d['reads']})"]


def ratio(row, runs):
    if not runs or not row.alembic_detail:
        return "-"
    return f"{row.alembic.wall_s / median_wall_s(runs):.1f}x"


def ddl_cells(row):
    """The model's DDL alone (median), and the ratio to Alembic no cold diff can pass."""
    if not row.ddl_s:
        return [row.ddl_note or "-", "-"]
    floor = sorted(row.ddl_s)[len(row.ddl_s) // 2]
    ceiling = f"{row.alembic.wall_s / floor:.1f}x" if row.alembic_detail else "-"
    return [fmt_s(floor), ceiling]


def verdict(row, runs):
    if not runs or row.burrow_note:
        return "NO: " + (row.burrow_note or "no run")
    wall = median_wall_s(runs)
    misses = []
    if row.n in TARGET_WALL_S and wall > TARGET_WALL_S[row.n]:
        misses.append(f"wall > {TARGET_WALL_S[row.n]:g} s")
    if row.alembic_detail and row.alembic.wall_s < TARGET_RATIO * wall:
        misses.append(f"< {TARGET_RATIO:g}x")
    return "yes" if not misses else "NO: " + ", ".join(misses)


def print_table(rows):
    header = ["engine", "N", "variant", "cold: wall(s), RSS(MB)", "cold trips (reads)",
              "warm: wall(s), RSS(MB)", "warm trips (reads)", "alembic: wall(s), RSS(MB)",
              "alembic trips (reads)", "ratio cold", "ratio warm", "model DDL alone (s)",
              "ceiling cold", "diffs b/a", "targets cold", "targets warm"]
    table = []
    for r in rows:
        diffs = (f"{'-' if r.burrow_diffs is None else r.burrow_diffs}/"
                 f"{r.alembic_detail['differences'] if r.alembic_detail else '-'}")
        table.append([r.engine, str(r.n), r.variant, *burrow_cells(r.burrow, r.wire),
                      *burrow_cells(r.warm, r.warm_wire), *alembic_cells(r), ratio(r, r.burrow),
                      ratio(r, r.warm), *ddl_cells(r), diffs, verdict(r, r.burrow),
                      verdict(r, r.warm)])
    print_rows(header, table)
    print()
    print("burrow: median wall time of the runs, max peak RSS; cold = --no-model-cache (the "
          "model loaded on the server each time), warm = the model from the cache a first run "
          "filled (an unchanged model compared again); round trips counted on the wire in one "
          "more run (catalog reads = SELECT/SHOW requests). alembic: one run; round trips = "
          "statements SQLAlchemy executed. model DDL alone: the server executing the model file "
          "by itself in a scratch place (median; MariaDB with the indexes inside CREATE TABLE, as "
          "Burrow folds them, in one session where Burrow uses four), the floor of any cold "
          "diff that loads the model on the server; ceiling cold = alembic / that floor, the best "
          "ratio such a diff can reach. Targets: alembic/burrow >= "
          f"{TARGET_RATIO:g}x, N=1,000 <= {TARGET_WALL_S[1000]:g} s.")
    for r in rows:
        if r.alembic_detail:
            d = r.alembic_detail
            print(f"  alembic {r.engine} N={r.n} {r.variant}: reflect {d['reflect_s']:.2f} s, "
                  f"compare {d['compare_s']:.2f} s")


# ---------------------------------------------------------------- main

def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--cli", required=True, help="path to burrow-cli")
    p.add_argument("--sizes", default="1000,5000",
                   help="comma-separated table counts (default: %(default)s)")
    p.add_argument("--engines", default="postgresql,mariadb",
                   help="comma-separated engines (default: %(default)s)")
    p.add_argument("--work", default="build/bench", type=Path,
                   help="folder for the generated model files (default: %(default)s)")
    p.add_argument("--runs", default=3, type=int, help="burrow runs per case (default: 3)")
    p.add_argument("--no-alembic", action="store_true", help="skip the Alembic peer")
    args = p.parse_args(argv)
    try:
        args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        p.error(f"--sizes must be comma-separated integers, got {args.sizes!r}")
    args.engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    for engine in args.engines:
        if engine not in URL_VARIABLES:
            p.error(f"unknown engine {engine!r}: choose from {', '.join(URL_VARIABLES)}")
        if not os.environ.get(URL_VARIABLES[engine]):
            p.error(f"{URL_VARIABLES[engine]} is not set: start the servers with "
                    f"`eval \"$(tests/servers.sh start DIR)\"` or run ./dev bench servers")
    args.cli = require_tools(p, args.cli, [TIME_BIN, "psql", "mariadb"])
    args.work = args.work.resolve()
    return args


def main(argv):
    args = parse_args(argv)
    rows = []
    for engine in args.engines:
        server = Server.from_url(os.environ[URL_VARIABLES[engine]])
        for n in args.sizes:
            rows += bench_size(args, server, n)
    print_table(rows)
    failed = [r for r in rows if r.burrow_note or not r.burrow or not r.warm]
    for r in failed:
        print(f"WARNING: {r.engine} N={r.n} {r.variant}: burrow-cli {r.burrow_note or 'no run'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
