"""Shared helpers for the benchmark scripts in ``bench/``.

Every benchmark runs in one process and prints its results as a markdown
table, each measurement next to a raw PySide6 (or pure Python) baseline taken
in the same run: the machines these run on are small and shared, so only
ratios measured side by side mean much.

Importing this module makes the repository importable (the scripts run as
files, so ``sys.path[0]`` is ``bench/``) and selects the offscreen Qt platform
unless one is set.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtCore import QCoreApplication, QEventLoop

    from visionsim.runtime import Simulation

T = TypeVar("T")

#: Whether rows are judged against their targets (``--smoke`` turns it off).
JUDGE = True

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PROJECT = ROOT / "sample_projects" / "ThreadingBasics"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# -- Qt -------------------------------------------------------------------------


def qt_app() -> QCoreApplication:
    """The process's QApplication, created (offscreen) if there is none yet."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    return app if app is not None else QApplication([sys.argv[0]])


def run_loop(loop: QEventLoop, start: Callable[[], object], timeout_s: float) -> bool:
    """Spin ``loop`` until something quits it; call ``start`` once it spins.

    Returns False when ``timeout_s`` passed first (the loop is then quit).
    """
    from PySide6.QtCore import QTimer

    timed_out = [False]

    def on_timeout() -> None:
        timed_out[0] = True
        loop.quit()

    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(on_timeout)
    guard.start(int(timeout_s * 1000))
    QTimer.singleShot(0, start)
    loop.exec()
    guard.stop()
    return not timed_out[0]


# -- the simulation -------------------------------------------------------------


def settled(
    sim: Simulation,
    fn: Callable[[], T],
    *,
    also: Callable[[], object] | None = None,
    timeout_s: float = 30.0,
) -> Callable[[], T]:
    """``fn``, then drain what it left queued: the simulation idle, ``also()``.

    ``also`` waits for the raw baseline's own leftovers (a thread pool, say).
    """

    def run() -> T:
        result = fn()
        if not sim.wait_idle(timeout_s):
            raise RuntimeError("the simulation did not become idle")
        if also is not None:
            also()
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.processEvents()
        return result

    return run


def untraced(sim: Simulation, fn: Callable[[], T]) -> Callable[[], T]:
    """``fn`` with the simulation's tracer switched off while it runs."""

    def run() -> T:
        sim.tracer.enabled = False
        try:
            return fn()
        finally:
            sim.tracer.enabled = True

    return run


# -- threads --------------------------------------------------------------------


class Producers:
    """Plain worker threads that start work together when released.

    ``target(index)`` runs on each of ``count`` threads after :meth:`release`.
    """

    def __init__(self, count: int, target: Callable[[int], object]) -> None:
        self._go = threading.Event()
        self.released_ns = 0
        self.results: list[object] = [None] * count

        def run(index: int) -> None:
            self._go.wait()
            self.results[index] = target(index)

        self._threads = [
            threading.Thread(target=run, args=(i,), name=f"bench-producer-{i}")
            for i in range(count)
        ]
        for thread in self._threads:
            thread.start()

    def release(self) -> int:
        """Let every thread go; returns (and stores) the release time in ns."""
        self.released_ns = time.perf_counter_ns()
        self._go.set()
        return self.released_ns

    def join(self, timeout_s: float = 30.0) -> None:
        """Wait for every thread (releasing them first if not yet done)."""
        self._go.set()
        deadline = time.monotonic() + timeout_s
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        if any(t.is_alive() for t in self._threads):
            raise RuntimeError("a producer thread did not finish")


def busy_wait_ns(duration_ns: int) -> None:
    """Spin on the clock (CPU work holding the GIL) for ``duration_ns``."""
    end = time.perf_counter_ns() + duration_ns
    while time.perf_counter_ns() < end:
        pass


# -- statistics -------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100), linear between closest ranks."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("percentile of no values")
    pos = (len(ordered) - 1) * q / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def median(values: Sequence[float]) -> float:
    """The median (for the per-repetition results)."""
    return statistics.median(values)


def interleaved(reps: int, variants: dict[str, Callable[[], T]]) -> dict[str, list[T]]:
    """Run each variant ``reps`` times, rotating the order every repetition.

    Rotation spreads slow drift (thermal, a neighbour's load) over all variants.
    Returns each variant's results in run order.
    """
    names = list(variants)
    out: dict[str, list[T]] = {name: [] for name in names}
    for rep in range(reps):
        shift = rep % len(names)
        for name in names[shift:] + names[:shift]:
            out[name].append(variants[name]())
    return out


# -- clocks -----------------------------------------------------------------------


@dataclass(frozen=True)
class Cost:
    """Wall time and CPU time per operation (ns) of one sample."""

    wall_ns: float
    cpu_ns: float


class Meter:
    """Wall and CPU clocks started together; :meth:`stop` gives a :class:`Cost`.

    ``thread=True`` reads the calling thread's CPU clock (``time.thread_time``:
    the cost of work done on one thread, the GUI thread say); otherwise the
    whole process's (``time.process_time``: every thread, kernel time
    included, as work that hops threads needs). CPU time is what this shared,
    loaded machine does not distort much: a neighbour's load stretches wall
    time, not the CPU an operation needs.
    """

    def __init__(self, *, thread: bool = False) -> None:
        self._cpu = time.thread_time_ns if thread else time.process_time_ns
        self.start()

    def start(self) -> None:
        """(Re)start both clocks."""
        self._wall0 = time.perf_counter_ns()
        self._cpu0 = self._cpu()

    def stop(self, ops: int) -> Cost:
        """The time per operation since :meth:`start`, for ``ops`` operations."""
        cpu = self._cpu() - self._cpu0
        wall = time.perf_counter_ns() - self._wall0
        return Cost(wall / ops, cpu / ops)


def fmt_per_op(ns: float) -> str:
    """A time per operation: ns below 10 us, else us."""
    return f"{ns:.0f} ns" if ns < 10_000 else f"{ns / 1e3:.1f} us"


def spread(values: Sequence[float], fmt: Callable[[float], str]) -> str:
    """``median (lowest-highest)`` of the samples."""
    if len(values) == 1:
        return fmt(values[0])
    return f"{fmt(median(values))} ({fmt(min(values))}-{fmt(max(values))})"


# -- reporting --------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One table row. ``passed`` is None for an informational row."""

    measurement: str
    ours: str
    raw: str
    ratio: float | None
    target: str
    passed: bool | None


def fmt_rate(per_s: float) -> str:
    """A rate as ``1.23 M/s`` or ``217 k/s``."""
    if per_s >= 1e6:
        return f"{per_s / 1e6:.2f} M/s"
    return f"{per_s / 1e3:.0f} k/s"


def fmt_us(ns: float) -> str:
    """Nanoseconds as microseconds."""
    return f"{ns / 1e3:.1f} us"


def fmt_ms(ns: float) -> str:
    """Nanoseconds as milliseconds."""
    return f"{ns / 1e6:.1f} ms"


def header(title: str) -> str:
    """A line naming the benchmark, the versions, the core count and the date."""
    import PySide6
    from PySide6.QtCore import qVersion

    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"## {title}\n\nPySide6 {PySide6.__version__} (Qt {qVersion()}), "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, load {load:.2f}, {now}"
    )


def table(rows: Sequence[Row]) -> str:
    """The rows as a markdown table."""
    lines = [
        "| measurement | visionsim | baseline | ratio | target | pass/FAIL |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        ratio = "-" if row.ratio is None else f"{row.ratio:.2f}x"
        verdict = {None: "info", True: "pass", False: "FAIL"}[row.passed]
        lines.append(
            f"| {row.measurement} | {row.ours} | {row.raw} | {ratio} "
            f"| {row.target} | {verdict} |"
        )
    return "\n".join(lines)


def parse_args(description: str, reps: int = 3) -> argparse.Namespace:
    """The options every benchmark takes: ``--check``, ``--reps``, ``--smoke``.

    ``--smoke`` runs tiny sizes once and judges nothing (CI: the benchmark
    still runs end to end, so it cannot rot); it overrides ``--check``.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if any target fails"
    )
    parser.add_argument(
        "--reps", type=int, default=reps, help="repetitions (median is reported)"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="tiny sizes, one repetition, no judgement (CI)",
    )
    args = parser.parse_args()
    if args.smoke:
        global JUDGE
        args.reps, args.check, JUDGE = 1, False, False
    return args


def info_row(label: str, ours: float, raw: float, fmt: Callable[[float], str]) -> Row:
    """A row printed for information, with no target."""
    return Row(label, fmt(ours), fmt(raw), ours / raw, "info", None)


def cpu_rows(
    label: str,
    ours: Sequence[Cost],
    base: Sequence[Cost],
    limit: float | None,
    *,
    baseline: str,
    fmt: Callable[[float], str] | None = None,
    throughput: bool = False,
) -> list[Row]:
    """A CPU row (judged against ``limit`` unless None) and a wall info row.

    The judged number is the ratio of median CPU times per operation, ours
    over the baseline's (at most ``limit``). With ``throughput`` it is turned
    round: the baseline's CPU per operation over ours, at least ``limit``
    (operations per CPU second, relative to the baseline). Each cell shows the
    median and, in brackets, the spread (lowest-highest) over the samples.
    """
    fmt = fmt or fmt_per_op
    rows = []
    for clock, pick in (("CPU", _cpu_of), ("wall", _wall_of)):
        o = [pick(c) for c in ours]
        b = [pick(c) for c in base]
        ratio = median(b) / median(o) if throughput else median(o) / median(b)
        if not JUDGE or clock != "CPU" or limit is None:
            target, passed = "info", None
        elif throughput:
            target, passed = f"CPU: >= {limit:g}x {baseline}", ratio >= limit
        else:
            target, passed = f"CPU: <= {limit:g}x {baseline}", ratio <= limit
        rows.append(
            Row(
                f"{label}: {clock} per op" + (" (ratio: ops/s)" if throughput else ""),
                spread(o, fmt),
                spread(b, fmt),
                ratio,
                target,
                passed,
            )
        )
    return rows


def _cpu_of(cost: Cost) -> float:
    return cost.cpu_ns


def _wall_of(cost: Cost) -> float:
    return cost.wall_ns


def exit_code(rows: Sequence[Row], check: bool) -> int:
    """1 when ``check`` is set and a row failed its target, else 0."""
    return int(check and any(row.passed is False for row in rows))
