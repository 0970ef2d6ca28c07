"""Record the Jython oracle: each corpus case's exact stdout under real Jython.

A case is ``tests/jython/corpus/<name>.py`` (Jython 2.7 source printing its
results); its expected output is ``<name>.out``, written here by running the
case in Debian's ``jython`` (real Jython 2.7.3: ``apt-get install jython``).
Cases run many to a JVM (a JVM start costs seconds): a small driver runs each
in a fresh ``__main__`` namespace with ``sys.stdout`` captured. An uncaught
exception ends the output with ``!! <ExceptionName>: <message>``, which the
harness (``test_oracle.py``) reproduces the same way.

``ORACLE_SOURCES.json`` keeps the hash of the source each ``.out`` was
recorded from, so a plain run records only new or changed cases.

Usage: ``python tests/jython/record_oracle.py [--all] [--jython PATH] [NAME ...]``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
MANIFEST = CORPUS / "ORACLE_SOURCES.json"
BATCH = 40

DRIVER = r"""
import sys, json
from StringIO import StringIO
from java.lang import Throwable

results = {}
real_stdout = sys.stdout
for path in sys.argv[2:]:
    out = StringIO()
    sys.stdout = out
    namespace = {"__name__": "__main__", "__file__": path}
    try:
        try:
            execfile(path, namespace)
        except SystemExit:
            pass
        except Exception, e:
            out.write("!! %s: %s\n" % (type(e).__name__, e))
        except Throwable, e:
            out.write("!! %s: %s\n" % (e.getClass().getSimpleName(), e.getMessage()))
    finally:
        sys.stdout = real_stdout
    results[path] = out.getvalue()
with open(sys.argv[1], "w") as fh:
    json.dump(results, fh)
"""


def source_hash(case: Path) -> str:
    """The hash recorded for a case's source."""
    return hashlib.sha256(case.read_bytes()).hexdigest()[:16]


def stale_cases(names: list[str], everything: bool) -> list[Path]:
    """Cases to record: named, all, or those new or changed since recorded."""
    cases = sorted(CORPUS.glob("*.py"))
    if names:
        return [c for c in cases if c.stem in names]
    if everything:
        return cases
    manifest = json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {}
    return [
        c
        for c in cases
        if not c.with_suffix(".out").exists() or manifest.get(c.stem) != source_hash(c)
    ]


def record(cases: list[Path], jython: str) -> dict[str, str]:
    """Run ``cases`` in Jython, a batch per JVM; name -> stdout."""
    outputs: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        driver = Path(tmp) / "driver.py"
        driver.write_text(DRIVER)
        result = Path(tmp) / "result.json"
        for start in range(0, len(cases), BATCH):
            batch = cases[start : start + BATCH]
            subprocess.run(
                [jython, str(driver), str(result), *map(str, batch)],
                check=True,
                timeout=600,
            )
            found = json.loads(result.read_text(encoding="utf-8"))
            for case in batch:
                outputs[case.stem] = found[str(case)]
    return outputs


def main() -> int:
    """Record stale (or all, or named) cases; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="case names (default: stale ones)")
    parser.add_argument("--all", action="store_true", help="record every case")
    parser.add_argument("--jython", default=shutil.which("jython") or "jython")
    args = parser.parse_args()
    cases = stale_cases(args.names, args.all)
    if not cases:
        sys.stdout.write("every case is recorded\n")
        return 0
    outputs = record(cases, args.jython)
    manifest = json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {}
    for case in cases:
        case.with_suffix(".out").write_text(outputs[case.stem], encoding="utf-8")
        manifest[case.stem] = source_hash(case)
        sys.stdout.write(f"recorded {case.stem}\n")
    known = {c.stem for c in CORPUS.glob("*.py")}
    manifest = {k: v for k, v in sorted(manifest.items()) if k in known}
    MANIFEST.write_text(json.dumps(manifest, indent=0, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
