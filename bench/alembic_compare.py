#!/usr/bin/python3
"""Peer benchmark: Alembic's autogenerate comparison, the way an ORM user runs it.

Usage: alembic_compare.py LIVE_DB MODEL_DB

MODEL_DB is a SQLite file holding the model DDL; it is reflected into a MetaData
(standing in for the application's models), then compared with LIVE_DB by
alembic.autogenerate.compare_metadata. Prints one JSON line on stdout:
    {"differences": N, "reflect_s": S, "compare_s": S}
Exit 0 on success; 2 with a one-line message on stderr on failure.
"""
import json
import sys
import threading
import time

# SQLAlchemy reflects foreign-key targets recursively, so a long FK chain recurses
# once per table: give the interpreter a deep limit and the thread a stack to match.
RECURSION_LIMIT = 100_000
THREAD_STACK_BYTES = 512 * 1024 * 1024


def count_differences(diffs):
    # compare_metadata groups per-column modifications in nested lists.
    return sum(len(d) if isinstance(d, list) else 1 for d in diffs)


def compare_engines(model_engine, live_engine, adjust_model=None):
    """Reflects the model database into a MetaData (`adjust_model` may touch it up), then
    compare_metadata against the live one; the differences and the two phases' times."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import MetaData

    start = time.perf_counter()
    metadata = MetaData()
    metadata.reflect(bind=model_engine)
    if adjust_model:
        adjust_model(metadata)
    reflected = time.perf_counter()

    # Types and defaults are compared too, as Burrow does (off by default in Alembic 1.8).
    opts = {"compare_type": True, "compare_server_default": True}
    with live_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts=opts)
        diffs = compare_metadata(context, metadata)
    compared = time.perf_counter()

    return {
        "differences": count_differences(diffs),
        "reflect_s": round(reflected - start, 3),
        "compare_s": round(compared - reflected, 3),
    }


def compare(live_path, model_path):
    from sqlalchemy import create_engine

    return compare_engines(create_engine(f"sqlite:///{model_path}"),
                           create_engine(f"sqlite:///{live_path}"))


def run_in_big_thread(func, *args):
    """Runs func in a thread with a large stack; returns (result, exception)."""
    outcome = {}

    def target():
        try:
            outcome["result"] = func(*args)
        except BaseException as exc:  # reported by the caller, never re-raised
            outcome["error"] = exc

    sys.setrecursionlimit(RECURSION_LIMIT)
    threading.stack_size(THREAD_STACK_BYTES)
    thread = threading.Thread(target=target, name="alembic-compare")
    thread.start()
    thread.join()
    return outcome.get("result"), outcome.get("error")


def report(result, error):
    """Prints the comparison as JSON, or its error as one line; the exit status."""
    if error is not None:
        first_line = (str(error).splitlines() or [""])[0]
        print(f"alembic comparison failed: {type(error).__name__}: {first_line}"[:300],
              file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


def main(argv):
    if len(argv) != 3:
        print("usage: alembic_compare.py LIVE_DB MODEL_DB", file=sys.stderr)
        return 2
    return report(*run_in_big_thread(compare, argv[1], argv[2]))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
