"""What the benchmarks share: timed runs under GNU time, atomic writes of cached fixtures, fresh
copies of a fixture per run, the up section of a migration file, and the report's formatting.

Not a script. The benchmarks run as scripts (`/usr/bin/python3 bench/<name>.py`), so Python puts
this folder first on sys.path and `import bench_common` finds this file. See bench/README.md.
"""
import os
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

TIME_BIN = "/usr/bin/time"
PYTHON_BIN = "/usr/bin/python3"  # Debian's, which has sqlalchemy and alembic


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- cached fixtures

def write_sql(path, stmts):
    """Writes the statements as a .sql file; atomic via rename."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(s + ";\n\n" for s in stmts))
    tmp.replace(path)


@contextmanager
def new_sqlite(path):
    """A connection to a new SQLite file, in autocommit mode with no journal and no syncs,
    that replaces path when the block ends without an exception (atomic via rename). The
    caller runs its own BEGIN ... COMMIT."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        yield conn
    finally:
        conn.close()
    tmp.replace(path)


def fsync_path(path):
    """Flushes a file (or a folder's entries) to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fresh_copy(source, scratch, name):
    """Copies the fixture `source` to `<scratch>/<name>.sqlite3` (removing a previous copy and its
    -journal/-wal/-shm) and flushes it: otherwise its dirty pages are written back during the
    contender's first fsync, and that lands in its time (seconds of noise on a small VM)."""
    db = scratch / f"{name}.sqlite3"
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shutil.copyfile(source, db)
    fsync_path(db)
    fsync_path(scratch)
    return db


def up_section(migration_text):
    """The statements between `-- migrate:up` and `-- migrate:down`, as sqlite3 input."""
    match = re.search(r"^-- migrate:up[^\n]*\n(.*?)^-- migrate:down", migration_text,
                      re.S | re.M)
    if not match:
        raise ValueError("no -- migrate:up ... -- migrate:down section in Burrow's migration")
    return match.group(1)


# ---------------------------------------------------------------- timed runs

@dataclass
class Run:
    exit_code: int = None  # None when killed by the timeout
    wall_s: float = None
    rss_kb: int = None
    stdout: str = ""
    stderr: str = ""
    timed_out: bool = False



def require_tools(parser, executable, tools):
    """Resolves `executable` (the program under test) and fails the parse when it or one of
    `tools` (names on PATH or absolute paths) cannot be run."""
    executable = Path(executable).resolve()
    if not os.access(executable, os.X_OK):
        parser.error(f"{executable} is not an executable file; build it first "
                     f"(cmake --preset release && cmake --build --preset release)")
    for name in tools:
        tool = name if os.path.isabs(name) else shutil.which(name)
        if not tool or not os.access(tool, os.X_OK):
            parser.error(f"{name} not found; install GNU time and sqlite3")
    return executable

def run_timed(cmd, timeout_s, stdin=None, wall_from_time=True, env=None):
    """Runs cmd under GNU time; returns a Run with wall seconds and peak RSS (time's %M).

    The wall time is time's own %e (1/100 s) or, without wall_from_time, measured here with
    time.monotonic() around the process. stdin goes to Popen as is (None: inherited), and so
    does env (None: this process's environment)."""
    time_format = "%e %M" if wall_from_time else "%M"
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = [TIME_BIN, "-f", time_format, "-o", tf.name, *map(str, cmd)]
        start = time.monotonic()
        # Own session, so a timeout kills the measured process too, not just `time`.
        proc = subprocess.Popen(full, stdin=stdin, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=True,
                                env=env)
        run = Run()
        try:
            run.stdout, run.stderr = proc.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            run.stdout, run.stderr = proc.communicate()
            run.timed_out = True
            return run
        if not wall_from_time:
            run.wall_s = time.monotonic() - start
        run.exit_code = proc.returncode
        # GNU time may prefix "Command exited with non-zero status N"; ours is the last line.
        lines = tf.read().strip().splitlines()
        try:
            if wall_from_time:
                wall, rss = lines[-1].split()
                run.wall_s, run.rss_kb = float(wall), int(rss)
            else:
                run.rss_kb = int(lines[-1])
        except (IndexError, ValueError):
            pass  # killed by a signal before time could report
        return run


def median_wall_s(runs):
    return statistics.median(r.wall_s for r in runs)


def peak_rss_kb(runs):
    return max(r.rss_kb or 0 for r in runs)


# ---------------------------------------------------------------- report

def fmt_s(seconds):
    return "-" if seconds is None else f"{seconds:.2f}"


def fmt_mb(kb):
    return "-" if kb is None else f"{kb / 1024:.1f}"


def print_rows(header, rows):
    """Prints a header and rows of strings as left-aligned columns."""
    widths = [max(len(row[c]) for row in [header] + rows) for c in range(len(header))]
    for row in [header] + rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())


# ---------------------------------------------------------------- the N-table schema's shape
# diff_bench.py (SQLite) and server_schema.py (PostgreSQL, MariaDB) generate the same tables.

CHANGE_EVERY = 20  # every 20th table changes in the `changed` variant: 5 %
CHANGE_KINDS = ("add_column", "change_type", "drop_index", "add_index", "change_default")


def table_name(i):
    return f"t{i:05d}"


def change_kind(i):
    """The change applied to table i in the `changed` variant, or None."""
    if i % CHANGE_EVERY != CHANGE_EVERY - 1:
        return None
    return CHANGE_KINDS[(i // CHANGE_EVERY) % len(CHANGE_KINDS)]
