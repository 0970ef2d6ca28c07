"""Benchmark: translating Jython 2.7 scripts against a plain ``compile()``.

Two workloads, each written twice from one template, as Jython 2.7 (print
statements, ``except E, e``, ``dict.has_key``, integer ``/``...) and as the
same program in Python 3: a 2,000-line project library module, and a project
of 300 event scripts (about 12 lines each, all different). For each:

- plain: ``compile()`` of the Python 3 text (the baseline);
- cold: :func:`~visionsim.runtime.jython.compile_script` with empty caches
  (translation, the disk cache write, then compiling), a first start;
- cached, second start: the memory cache empty, the disk cache full;
- cached, same process: the memory cache full (a window opened again).

Wall time and CPU time (``time.process_time``) per operation (one module, or
the whole project of 300 scripts), median of ``--reps`` samples (default 5),
plain and visionsim interleaved in rotating order. Targets: cached <= 1.2x
plain compile (both cached rows), cold <= 20x. The disk cache lives in a
temporary ``XDG_CACHE_HOME`` for the run (a new one for each cold sample).

Usage: ``.venv/bin/python bench/translate.py [--check] [--reps N]``
(``--check``: exit 1 if a target fails).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from typing import TYPE_CHECKING

import _common as bc  # first: puts the repository on sys.path

from visionsim.runtime.jython import compiler

if TYPE_CHECKING:
    from collections.abc import Callable

FUNCTION = (
    '''
def report_{n}(rows, limit={n}):
    """Summarise rows {n}."""
    totals = {{}}
    for row in rows:
        key = row.get("line", "?")
        if not totals.has_key(key):
            totals[key] = 0
        totals[key] += row["count"] / 2
    try:
        ratio = len(totals) / limit
    except ZeroDivisionError, e:
        {print_error}
        ratio = 0
    names = [k.upper() for k in sorted(totals.keys())]
    {print_names}
    return ratio, names
''',
    '''
def report_{n}(rows, limit={n}):
    """Summarise rows {n}."""
    totals = {{}}
    for row in rows:
        key = row.get("line", "?")
        if key not in totals:
            totals[key] = 0
        totals[key] += row["count"] // 2
    try:
        ratio = len(totals) // limit
    except ZeroDivisionError as e:
        {print_error}
        ratio = 0
    names = [k.upper() for k in sorted(totals.keys())]
    {print_names}
    return ratio, names
''',
)
PRINTS = (
    ('print "failed", e', 'print "names", names, ratio'),
    ('print("failed", e)', 'print("names", names, ratio)'),
)
SCRIPT = (
    """# event script {n}
value = event.source.parent.getComponent("Field{n}").intValue
if value <> {n}:
    print "changed", value / 3
try:
    data = system.dataset.toPyDataSet(event.source.data)
except Exception, e:
    print "no data", e
    data = []
rows = [r for r in data if r[0] > {n}]
event.source.parent.getComponent("Label{n}").text = "%d rows" % len(rows)
system.util.invokeLater(lambda: None)
""",
    """# event script {n}
value = event.source.parent.getComponent("Field{n}").intValue
if value != {n}:
    print("changed", value // 3)
try:
    data = system.dataset.toPyDataSet(event.source.data)
except Exception as e:
    print("no data", e)
    data = []
rows = [r for r in data if r[0] > {n}]
event.source.parent.getComponent("Label{n}").text = "%d rows" % len(rows)
system.util.invokeLater(lambda: None)
""",
)


def library(dialect: int) -> str:
    """The 2,000-line module: Jython (0) or Python 3 (1)."""
    body = []
    n = 0
    while sum(part.count("\n") for part in body) < 2000:
        error, names = PRINTS[dialect]
        body.append(FUNCTION[dialect].format(n=n, print_error=error, print_names=names))
        n += 1
    return "".join(body)


def project(dialect: int) -> list[str]:
    """The 300 event scripts: Jython (0) or Python 3 (1)."""
    return [SCRIPT[dialect].format(n=n) for n in range(300)]


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall ns, CPU ns) of one call."""
    wall, cpu = time.perf_counter_ns(), time.process_time_ns()
    fn()
    return time.perf_counter_ns() - wall, time.process_time_ns() - cpu


class Workload:
    """One workload's texts and the four operations on them."""

    def __init__(self, jython: list[str], python3: list[str], home: str) -> None:
        self.jython = jython
        self.python3 = python3
        self.home = home
        self.starts = 0

    def plain(self) -> None:
        for index, text in enumerate(self.python3):
            compile(text, f"script{index}", "exec", dont_inherit=True)

    def ours(self) -> None:
        for index, text in enumerate(self.jython):
            compiler.compile_script(text, f"script{index}", register=False)

    def cold(self) -> tuple[float, float]:
        self.starts += 1  # a new, empty cache folder: a first start
        os.environ["XDG_CACHE_HOME"] = os.path.join(self.home, str(self.starts))
        compiler.clear_memory_cache()
        return timed(self.ours)

    def second_start(self) -> tuple[float, float]:
        compiler.clear_memory_cache()
        return timed(self.ours)

    def same_process(self) -> tuple[float, float]:
        return timed(self.ours)


def measure(label: str, work: Workload, reps: int) -> list[bc.Row]:
    """Rows for one workload: cold, two cached, against plain compile."""
    work.cold()  # warm-up: imports fissix, fills the disk cache
    res = bc.interleaved(
        reps,
        {
            "plain": lambda: timed(work.plain),
            "cold": work.cold,
            "second": lambda: (work.second_start(), work.same_process())[0],
            "same": work.same_process,
        },
    )
    plain_wall = bc.median([w for w, _ in res["plain"]])
    plain_cpu = bc.median([c for _, c in res["plain"]])
    rows = []
    for key, name, limit in (
        ("cold", "cold (translate + compile)", 20.0),
        ("second", "cached, second start (disk)", 1.2),
        ("same", "cached, same process (memory)", 1.2),
    ):
        wall = bc.median([w for w, _ in res[key]])
        cpu = bc.median([c for _, c in res[key]])
        rows.append(
            bc.Row(
                f"{label}: {name}, wall",
                bc.fmt_ms(wall),
                bc.fmt_ms(plain_wall),
                wall / plain_wall,
                f"<= {limit:g}x",
                wall / plain_wall <= limit,
            )
        )
        rows.append(bc.info_row(f"{label}: {name}, CPU", cpu, plain_cpu, bc.fmt_ms))
    return rows


def main() -> int:
    """Run both workloads, print the table; see the module docstring."""
    args = bc.parse_args(__doc__.splitlines()[0] if __doc__ else "")
    reps = args.reps if "--reps" in sys.argv else 5
    with tempfile.TemporaryDirectory() as home:
        lib = Workload([library(0)], [library(1)], os.path.join(home, "lib"))
        scripts = Workload(project(0), project(1), os.path.join(home, "scripts"))
        rows = measure("library module (2,000 lines)", lib, reps)
        rows += measure("300 event scripts", scripts, reps)
    print(bc.header("visionsim translation benchmark (bench/translate.py)"))
    print()
    print(bc.table(rows).replace("raw PySide6", "plain compile()"))
    return bc.exit_code(rows, args.check)


if __name__ == "__main__":
    sys.exit(main())
