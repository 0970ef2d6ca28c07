"""Benchmark: system.tag and system.db against a dict and sqlite3 in one run.

Measures, in one process, in a gateway scope (no simulated round trip), each
operation next to its raw equivalent:

(a) ``readBlocking`` of one path per call, and (b) of 100 paths per call.
    Raw: the same call shape over a ``dict`` (a function taking the list of
    paths and returning the list of values). Target: >= 0.3x raw throughput.
(c) ``writeBlocking`` of one path per call, and (d) of 100 paths per call.
    Raw: a function storing each value in the ``dict`` and returning a code
    per path. Target: >= 0.3x raw throughput.
(e) ``readAsync`` of one path per call, timed until every callback ran.
    Raw: the same dict read and callback submitted to a one-thread
    ``ThreadPoolExecutor``. Target: >= 0.3x raw throughput.
(f) ``runPrepQuery`` of 10,000 rows into a PyDataSet. Raw: ``sqlite3``
    ``execute(...).fetchall()`` of the same rows from the same database file.
    Target: <= 1.5x raw time.

Informational rows put (a) and (c) next to a bare ``dict`` subscript and
store. Every time is reported as wall and CPU (``time.process_time``, the
whole process: worker threads included) per operation; ratios and targets
use wall time. Each measurement runs ``--reps`` times (default 5), ours and
raw interleaved in rotating order; the table shows the median.

Usage: ``.venv/bin/python bench/services.py [--check] [--reps N] [--smoke]``
(``--check``: exit 1 if a target fails; ``--smoke``: tiny sizes, one
repetition, no judgement).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import _common as bc  # first: puts the repository on sys.path

from visionsim.runtime import Simulation, load_project

if TYPE_CHECKING:
    from collections.abc import Callable

    Sample = tuple[float, float]  # (wall ns, cpu ns) per operation

TAGS = 100
QUERY = "SELECT id, name, qty, price FROM items WHERE id > ? ORDER BY id"
SEED = """CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, qty INT, price REAL);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows})
INSERT INTO items SELECT i, 'item ' || i, i % 97, i * 0.25 FROM n;
"""


@dataclass(frozen=True)
class Sizes:
    """How much each measurement does."""

    calls: int  # blocking calls per sample
    async_calls: int  # readAsync calls per sample
    rows: int  # rows of the query
    queries: int  # queries per sample


FULL = Sizes(calls=50_000, async_calls=20_000, rows=10_000, queries=20)
SMOKE = Sizes(calls=200, async_calls=100, rows=100, queries=2)


def timed(ops: int, fn: Callable[[], object]) -> Sample:
    """(wall ns, CPU ns) per operation of ``fn()``, which does ``ops`` of them."""
    wall, cpu = time.perf_counter_ns(), time.process_time_ns()
    fn()
    return (
        (time.perf_counter_ns() - wall) / ops,
        (time.process_time_ns() - cpu) / ops,
    )


def write_project(folder: Path, rows: int) -> Path:
    """A project with TAGS memory tags and a SQLite file datasource of ``rows``."""
    project = folder / "Bench"
    (project / "tags").mkdir(parents=True)
    (project / "project.json").write_text('{"title": "Bench", "parent": null}')
    tags = [
        {"name": f"T{i}", "valueSource": "memory", "dataType": "Int4", "value": i}
        for i in range(TAGS)
    ]
    folder_tag = {"name": "Bench", "tagType": "Folder", "tags": tags}
    (project / "tags" / "default.json").write_text(json.dumps([folder_tag]))
    (project / "seed.sql").write_text(SEED.format(rows=rows))
    database = folder / "bench.db"
    (project / "visionsim.yaml").write_text(
        "tags: {default: tags/default.json}\n"
        f"databases: {{Bench: {{url: 'sqlite:///{database}', seed: seed.sql}}}}\n"
    )
    return project


class Bench:
    """The gateway scope under test and the raw equivalents' state."""

    def __init__(self, sim: Simulation, project: Path, sizes: Sizes) -> None:
        loaded = load_project(project)
        sim.open_project(loaded)
        system = sim.gateway.scopes[loaded.name].system
        self.tag, self.db, self.sizes = system.tag, system.db, sizes
        self.paths = [f"[default]Bench/T{i}" for i in range(TAGS)]
        self.store: dict[str, object] = {p: i for i, p in enumerate(self.paths)}
        self.conn = sqlite3.connect(str(project.parent / "bench.db"))
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="bench-raw")

    def close(self) -> None:
        """Release the raw side's connection and thread."""
        self.conn.close()
        self.executor.shutdown()

    # -- raw equivalents -----------------------------------------------------

    def raw_read(self, paths: list[str]) -> list[object]:
        """The dict equivalent of ``readBlocking``."""
        store = self.store
        return [store[p] for p in paths]

    def raw_write(self, paths: list[str], values: list[object]) -> list[int]:
        """The dict equivalent of ``writeBlocking``: a code per path."""
        store = self.store
        for path, value in zip(paths, values, strict=True):
            store[path] = value
        return [0] * len(paths)

    # -- one sample of each --------------------------------------------------

    def reads(self, read: Callable[[list[str]], object], width: int) -> Sample:
        """``read`` of ``width`` paths per call, ``calls // width`` calls."""
        paths, calls = self.paths[:width], max(1, self.sizes.calls // width)
        read(paths)  # warm: the first call resolves the paths

        def run() -> None:
            for _ in range(calls):
                read(paths)

        return timed(calls, run)

    def writes(self, write: Callable[..., object], width: int) -> Sample:
        """``write`` of ``width`` paths per call, alternating two values."""
        paths, calls = self.paths[:width], max(1, self.sizes.calls // width)
        rounds = [[1] * width, [2] * width]
        write(paths, rounds[1])  # warm: the first call resolves the paths

        def run() -> None:
            for i in range(calls):
                write(paths, rounds[i & 1])

        return timed(calls, run)

    def bare(self, store_too: bool) -> Sample:
        """A bare dict subscript (or store) per operation."""
        store, key, calls = self.store, self.paths[0], self.sizes.calls

        def run() -> None:
            if store_too:
                for i in range(calls):
                    store[key] = i
            else:
                for _ in range(calls):
                    store[key]

        return timed(calls, run)

    def async_reads(self, submit: Callable[[list[str], Any], object]) -> Sample:
        """``submit(paths, callback)`` calls, until every callback ran."""
        calls, paths, done = self.sizes.async_calls, self.paths[:1], threading.Event()
        left = [calls]
        lock = threading.Lock()

        def callback(_values: object) -> None:
            with lock:
                left[0] -= 1
                if not left[0]:
                    done.set()

        def run() -> None:
            for _ in range(calls):
                submit(paths, callback)
            if not done.wait(60):
                raise RuntimeError("readAsync callbacks did not all run")

        return timed(calls, run)

    def raw_async(self, paths: list[str], callback: Callable[[Any], object]) -> None:
        """The raw equivalent of ``readAsync``: a pool job reading the dict."""
        self.executor.submit(lambda: callback(self.raw_read(paths)))

    def queries(self, query: Callable[[], object]) -> Sample:
        """``query()`` ``sizes.queries`` times; checks the row count."""
        rows = self.sizes.rows

        def run() -> None:
            for _ in range(self.sizes.queries):
                result: Any = query()
                if len(result) != rows:
                    raise RuntimeError(f"{len(result)} rows, not {rows}")

        return timed(self.sizes.queries, run)


# -- running and reporting ------------------------------------------------------


def fmt(sample: Sample) -> str:
    """Wall and CPU time per operation."""
    wall, cpu = sample
    unit, scale = ("ms", 1e6) if wall >= 1e6 else ("us", 1e3)
    return f"{wall / scale:.2f} {unit} wall, {cpu / scale:.2f} {unit} CPU"


def medians(samples: list[Sample]) -> Sample:
    """The median wall and the median CPU time of ``samples``."""
    return bc.median([s[0] for s in samples]), bc.median([s[1] for s in samples])


def row(
    label: str, ours: Sample, raw: Sample, *, faster: float | None, slower: float | None
) -> bc.Row:
    """A row judged on wall time: ``faster`` is the least raw/ours, ``slower``
    the most ours/raw (None: informational)."""
    if faster is not None:
        ratio = raw[0] / ours[0]
        return bc.Row(
            label, fmt(ours), fmt(raw), ratio, f">= {faster:g}x raw", ratio >= faster
        )
    ratio = ours[0] / raw[0]
    if slower is not None:
        return bc.Row(
            label, fmt(ours), fmt(raw), ratio, f"<= {slower:g}x raw", ratio <= slower
        )
    return bc.Row(label, fmt(ours), fmt(raw), raw[0] / ours[0], "info", None)


def measure_tags(b: Bench, reps: int) -> list[bc.Row]:
    """(a)-(e) and the bare-dict rows."""
    tag = b.tag
    res = bc.interleaved(
        reps,
        {
            "read1": lambda: b.reads(tag.readBlocking, 1),
            "raw_read1": lambda: b.reads(b.raw_read, 1),
            "read100": lambda: b.reads(tag.readBlocking, TAGS),
            "raw_read100": lambda: b.reads(b.raw_read, TAGS),
            "write1": lambda: b.writes(tag.writeBlocking, 1),
            "raw_write1": lambda: b.writes(b.raw_write, 1),
            "write100": lambda: b.writes(tag.writeBlocking, TAGS),
            "raw_write100": lambda: b.writes(b.raw_write, TAGS),
            "async": lambda: b.async_reads(tag.readAsync),
            "raw_async": lambda: b.async_reads(b.raw_async),
            "bare_read": lambda: b.bare(False),
            "bare_write": lambda: b.bare(True),
        },
    )
    m = {name: medians(samples) for name, samples in res.items()}
    judged = [
        ("(a) readBlocking, 1 path", "read1"),
        (f"(b) readBlocking, {TAGS} paths", "read100"),
        ("(c) writeBlocking, 1 path", "write1"),
        (f"(d) writeBlocking, {TAGS} paths", "write100"),
        ("(e) readAsync, 1 path, until its callback ran", "async"),
    ]
    rows = [
        row(f"{label}, per call", m[key], m[f"raw_{key}"], faster=0.3, slower=None)
        for label, key in judged
    ]
    for label, key, bare in (
        ("(a) readBlocking, 1 path, vs a bare dict[key]", "read1", "bare_read"),
        ("(c) writeBlocking, 1 path, vs a bare dict[key] = v", "write1", "bare_write"),
    ):
        rows.append(row(label, m[key], m[bare], faster=None, slower=None))
    return rows


def measure_query(b: Bench, reps: int) -> list[bc.Row]:
    """(f): runPrepQuery into a PyDataSet against sqlite3's fetchall."""
    conn = b.conn
    res = bc.interleaved(
        reps,
        {
            "ours": lambda: b.queries(lambda: b.db.runPrepQuery(QUERY, [0], "Bench")),
            "raw": lambda: b.queries(lambda: conn.execute(QUERY, (0,)).fetchall()),
        },
    )
    label = f"(f) runPrepQuery, {b.sizes.rows:,} rows into a PyDataSet, per query"
    return [
        row(label, medians(res["ours"]), medians(res["raw"]), faster=None, slower=1.5)
    ]


NOTES = """
ratio: throughput rows (a)-(e) and info rows are raw time / visionsim time
(higher is better); the query row (f) is visionsim time / raw time (lower is
better). Raw: a dict behind the same call shape, a one-thread
ThreadPoolExecutor for readAsync, sqlite3 fetchall on the same file for the
query. Gateway scope (no round trip). Median of {reps} interleaved
repetitions; CPU is the whole process's."""


def parse_args() -> argparse.Namespace:
    """``--check``, ``--reps`` and ``--smoke``."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a target fails")
    parser.add_argument("--reps", type=int, default=5, help="repetitions (median)")
    parser.add_argument(
        "--smoke", action="store_true", help="tiny sizes, one repetition, no judgement"
    )
    return parser.parse_args()


def main() -> int:
    """Run every measurement, print the table; see the module docstring."""
    args = parse_args()
    sizes, reps = (SMOKE, 1) if args.smoke else (FULL, args.reps)
    bc.qt_app()
    rows: list[bc.Row] = []
    with tempfile.TemporaryDirectory(prefix="visionsim-bench-") as folder:
        sim = Simulation()
        bench = None
        try:
            bench = Bench(sim, write_project(Path(folder), sizes.rows), sizes)
            for step in (measure_tags, measure_query):
                print(f"running {step.__name__} ...", file=sys.stderr, flush=True)
                rows += step(bench, reps)
        finally:
            if bench is not None:
                bench.close()
            sim.shutdown(2.0)
    print(bc.header("visionsim services benchmark (bench/services.py)"))
    print()
    print(bc.table(rows).replace("| raw PySide6 |", "| raw |"))
    print(NOTES.format(reps=reps))
    if args.smoke:
        return 0
    return bc.exit_code(rows, args.check)


if __name__ == "__main__":
    sys.exit(main())
