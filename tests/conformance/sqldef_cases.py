#!/usr/bin/python3
"""Prints sqldef's SQLite conformance cases and their manifest as one JSON document.

Usage: sqldef_cases.py SHARED_DIR

Reads SHARED_DIR/conformance/sqldef/sqlite3def/*.yml and MANIFEST_sqlite.json. Needs PyYAML
(Debian: python3-yaml); exits with status 3 and a message on stderr when it is missing, and with
status 2 when the case folder is missing, so the caller can skip rather than fail.

Output:
  {"cases": [{"file", "name", "current", "desired", <keys that decide skipping>}...],
   "manifest": <MANIFEST_sqlite.json as is>}
"""

import glob
import json
import os
import sys

# Keys that decide whether Burrow can run a case; copied through when present.
GATING_KEYS = (
    "enable_drop",
    "min_version",
    "max_version",
    "flavor",
    "error",
    "config",
    "offline",
    "user",
    "manage",
    "managed_roles",
    "legacy_ignore_quotes",
)


def load_yaml_module():
    try:
        import yaml  # noqa: PLC0415 (the import itself is the feature test)
    except ImportError:
        sys.stderr.write("python3-yaml (PyYAML) is not installed\n")
        sys.exit(3)
    return yaml


def case_record(file_name, name, body):
    body = body or {}
    record = {
        "file": file_name,
        "name": name,
        "current": body.get("current") or "",
        "desired": body.get("desired") or "",
    }
    for key in GATING_KEYS:
        if key in body:
            record[key] = body[key]
    return record


def load_cases(yaml, case_dir):
    cases = []
    for path in sorted(glob.glob(os.path.join(case_dir, "*.yml"))):
        with open(path, encoding="utf-8") as f:
            document = yaml.safe_load(f) or {}
        file_name = os.path.basename(path)
        cases.extend(case_record(file_name, n, b) for n, b in document.items())
    return cases


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 1
    root = os.path.join(argv[1], "conformance", "sqldef")
    case_dir = os.path.join(root, "sqlite3def")
    manifest_path = os.path.join(root, "MANIFEST_sqlite.json")
    if not os.path.isdir(case_dir) or not os.path.isfile(manifest_path):
        sys.stderr.write(f"no sqldef SQLite cases under {root}\n")
        return 2
    yaml = load_yaml_module()
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    json.dump({"cases": load_cases(yaml, case_dir), "manifest": manifest}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
