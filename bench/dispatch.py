"""Benchmark: invokeLater and invokeAsynchronous against raw PySide6.

Measures, in one process, with the runtime's tracing ON (its default):

(a) throughput: 4 plain threads released together post 200k trivial calls
    through ``system.util.invokeLater``; timed until the GUI thread has run the
    last one. Raw baseline: one queued ``Signal(object)`` emit per call.
    Target: >= 4x raw and >= 1 M calls/s.
(b) GUI liveness: the worst gap between ticks of a 5 ms ``PreciseTimer`` on
    the GUI thread while 4 threads post 50k calls of ~20 us busy work each.
    Target: <= 50 ms. Raw baseline (the naive design): Signal per post.
(c) worker -> GUI -> worker round trip (post a callable that sets an Event,
    wait for it): median and p99 of 5,000 after 300 warm-up. Raw baseline:
    ``QTimer.singleShot(0, ctx, fn)``. Target: both <= 1.5x raw.
(d) ``system.util.invokeAsynchronous`` submit-to-start latency, one task at a
    time on a warm pool: median and p99 of 2,000. Raw baseline:
    ``QThreadPool.start(callable)`` on a fresh pool. Target: median <= 2x raw.

Every measurement runs ``--reps`` times (default 3), raw and visionsim
interleaved in rotating order; the table shows the median repetition.

Usage: ``.venv/bin/python bench/dispatch.py [--check] [--reps N]``
(``--check``: exit 1 if a target fails).
"""

from __future__ import annotations

import functools
import itertools
import sys
import threading
import time
from typing import TYPE_CHECKING, TypeVar

import _common as bc  # first: puts the repository on sys.path
from PySide6.QtCore import (
    QEventLoop,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)

from visionsim.runtime import Simulation, load_project

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime import ClientSession

    Post = Callable[[Callable[[], object]], object]

WORKERS = 4
FLOOD_CALLS = 200_000
WORK_CALLS = 50_000
WORK_NS = 20_000
TICK_MS = 5
ROUND_TRIPS, ROUND_TRIP_WARMUP = 5_000, 300
SUBMITS, SUBMIT_WARMUP = 2_000, 200
LOOP_TIMEOUT_S = 30.0
perf_ns = time.perf_counter_ns
T = TypeVar("T")


class SignalPoster(QObject):
    """The naive design: one queued ``Signal(object)`` emit per posted call."""

    posted = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, fn: Callable[[], object]) -> None:
        fn()


def countdown(n: int, on_zero: Callable[[], None]) -> Callable[[], None]:
    """A trivial call: decrement a counter, call ``on_zero`` at the n-th call."""
    left = n

    def tick() -> None:
        nonlocal left
        left -= 1
        if not left:
            on_zero()

    return tick


def busy_countdown(n: int, on_zero: Callable[[], None]) -> Callable[[], None]:
    """Like :func:`countdown`, after ``WORK_NS`` of busy work."""
    tick = countdown(n, on_zero)

    def work() -> None:
        bc.busy_wait_ns(WORK_NS)
        tick()

    return work


def post_many(post: Post, fn: Callable[[], object], n: int) -> None:
    """Post ``fn`` ``n`` times (a producer thread's whole job)."""
    for _ in range(n):
        post(fn)


def flood(
    post: Post, calls: int, make_call: Callable[..., Callable[[], None]]
) -> tuple[int, int]:
    """Release WORKERS producers posting ``calls`` calls in all; spin the loop.

    Returns (release, last call ran) as ``perf_counter_ns`` times.
    """
    loop = QEventLoop()
    done_ns = [0]

    def finished() -> None:
        done_ns[0] = perf_ns()
        loop.quit()

    call = make_call(calls, finished)
    producers = bc.Producers(
        WORKERS, lambda _i: post_many(post, call, calls // WORKERS)
    )
    ok = bc.run_loop(loop, producers.release, LOOP_TIMEOUT_S)
    producers.join()
    if not ok:
        raise RuntimeError("flood did not finish in time")
    return producers.released_ns, done_ns[0]


def flood_rate(post: Post) -> float:
    """(a) calls/s for FLOOD_CALLS trivial calls from WORKERS threads."""
    released, done = flood(post, FLOOD_CALLS, countdown)
    return FLOOD_CALLS / ((done - released) / 1e9)


def flood_max_gap(post: Post) -> float:
    """(b) worst gap (ns) between 5 ms timer ticks during a busy-work flood.

    Counted from the release to the last call, edges included.
    """
    ticks: list[int] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(lambda: ticks.append(perf_ns()))
    timer.start(TICK_MS)
    released, done = flood(post, WORK_CALLS, busy_countdown)
    timer.stop()
    points = [released, *(t for t in ticks if released < t < done), done]
    return float(max(b - a for a, b in itertools.pairwise(points)))


def trips(post: Post) -> list[int]:
    """Round trips (ns): post a call that sets an Event, wait for it."""
    event = threading.Event()

    def wake() -> None:
        event.set()

    samples = []
    for _ in range(ROUND_TRIP_WARMUP + ROUND_TRIPS):
        t0 = perf_ns()
        post(wake)
        event.wait()
        samples.append(perf_ns() - t0)
        event.clear()
    return samples[ROUND_TRIP_WARMUP:]


def round_trip(post: Post) -> tuple[float, float]:
    """(c) median and p99 (ns) of worker -> GUI -> worker round trips."""
    loop = QEventLoop()

    def worker(_index: int) -> list[int]:
        try:
            return trips(post)
        finally:
            post(loop.quit)

    producers = bc.Producers(1, worker)
    ok = bc.run_loop(loop, producers.release, LOOP_TIMEOUT_S)
    producers.join()
    samples = producers.results[0]
    if not ok or not isinstance(samples, list):
        raise RuntimeError("round trips did not finish in time")
    return bc.median(samples), bc.percentile(samples, 99)


def submit_to_start(
    submit: Callable[[Callable[[], None]], object], pool: QThreadPool
) -> tuple[float, float]:
    """(d) median and p99 (ns) from just before ``submit(fn)`` to fn's first line.

    One task at a time: the next is submitted once the pool is idle again.
    """
    started = [0]
    event = threading.Event()

    def task() -> None:
        started[0] = perf_ns()
        event.set()

    samples = []
    for _ in range(SUBMIT_WARMUP + SUBMITS):
        event.clear()
        t0 = perf_ns()
        submit(task)
        event.wait()
        samples.append(started[0] - t0)
        while pool.activeThreadCount():
            time.sleep(20e-6)  # releases the GIL for the finishing task
    samples = samples[SUBMIT_WARMUP:]
    return bc.median(samples), bc.percentile(samples, 99)


def raw_submit_to_start() -> tuple[float, float]:
    """(d) baseline: ``QThreadPool.start(callable)`` on a fresh pool."""
    pool = QThreadPool()
    try:
        return submit_to_start(pool.start, pool)
    finally:
        pool.waitForDone()


# -- running and reporting -----------------------------------------------------


class Bench:
    """The simulation under test and the raw baselines' Qt objects."""

    def __init__(self, sim: Simulation, client: ClientSession) -> None:
        self.sim = sim
        self.client = client
        self.invoke_later: Post = client.scope.system.util.invokeLater
        self.invoke_async = client.scope.system.util.invokeAsynchronous
        self.signal_poster = SignalPoster()
        self.context = QObject()
        self.single_shot: Post = functools.partial(QTimer.singleShot, 0, self.context)

    def settled(self, fn: Callable[[], T]) -> Callable[[], T]:
        """``fn`` followed by draining whatever it left queued."""
        return bc.settled(self.sim, fn, timeout_s=LOOP_TIMEOUT_S)

    def untraced(self, fn: Callable[[], T]) -> Callable[[], T]:
        """``fn`` with the runtime's tracer switched off while it runs."""
        return bc.untraced(self.sim, fn)


def measure_throughput(b: Bench, reps: int) -> list[bc.Row]:
    """(a) rows: the facade, and (info) tracing off and the bare dispatcher."""
    emit = b.signal_poster.posted.emit
    res = bc.interleaved(
        reps,
        {
            "raw": b.settled(lambda: flood_rate(emit)),
            "ours": b.settled(lambda: flood_rate(b.invoke_later)),
            "untraced": b.settled(b.untraced(lambda: flood_rate(b.invoke_later))),
            "post": b.settled(lambda: flood_rate(b.sim.dispatcher.post)),
        },
    )
    raw, ours, untraced, post = (bc.median(res[k]) for k in res)
    label = f"(a) invokeLater throughput, {WORKERS} workers, {FLOOD_CALLS:,} calls"
    return [
        bc.Row(
            label,
            bc.fmt_rate(ours),
            bc.fmt_rate(raw),
            ours / raw,
            ">= 4x raw and >= 1 M/s",
            ours >= 4 * raw and ours >= 1e6,
        ),
        bc.info_row("(a) same, tracing off", untraced, raw, bc.fmt_rate),
        bc.info_row(
            "(a) same, sim.dispatcher.post (no facade)", post, raw, bc.fmt_rate
        ),
    ]


def measure_liveness(b: Bench, reps: int) -> list[bc.Row]:
    """(b) row: worst timer gap, invokeLater against Signal per post."""
    emit = b.signal_poster.posted.emit
    res = bc.interleaved(
        reps,
        {
            "raw": b.settled(lambda: flood_max_gap(emit)),
            "ours": b.settled(lambda: flood_max_gap(b.invoke_later)),
        },
    )
    raw, ours = bc.median(res["raw"]), bc.median(res["ours"])
    label = (
        f"(b) worst {TICK_MS} ms-timer gap, {WORKERS} workers, "
        f"{WORK_CALLS // 1000}k calls x {WORK_NS // 1000} us"
    )
    return [
        bc.Row(
            label, bc.fmt_ms(ours), bc.fmt_ms(raw), ours / raw, "<= 50 ms", ours <= 50e6
        )
    ]


def measure_round_trip(b: Bench, reps: int) -> list[bc.Row]:
    """(c) rows: round-trip median and p99, invokeLater against singleShot."""
    res = bc.interleaved(
        reps,
        {
            "raw": b.settled(lambda: round_trip(b.single_shot)),
            "ours": b.settled(lambda: round_trip(b.invoke_later)),
        },
    )
    label = f"(c) round trip worker->GUI->worker, {ROUND_TRIPS:,}"
    return latency_rows(label, res, median_limit=1.5, p99_limit=1.5)


def measure_submit(b: Bench, reps: int) -> list[bc.Row]:
    """(d) rows: invokeAsynchronous submit->start against QThreadPool.start."""
    pool = b.client.workers.pool
    res = bc.interleaved(
        reps,
        {
            "raw": b.settled(raw_submit_to_start),
            "ours": b.settled(lambda: submit_to_start(b.invoke_async, pool)),
        },
    )
    label = f"(d) invokeAsynchronous submit->start, {SUBMITS:,}"
    return latency_rows(label, res, median_limit=2.0, p99_limit=None)


def latency_rows(
    label: str,
    res: dict[str, list[tuple[float, float]]],
    median_limit: float,
    p99_limit: float | None,
) -> list[bc.Row]:
    """A median row and a p99 row; a limit is the highest passing ratio."""
    rows = []
    for index, stat, limit in ((0, "median", median_limit), (1, "p99", p99_limit)):
        ours = bc.median([r[index] for r in res["ours"]])
        raw = bc.median([r[index] for r in res["raw"]])
        if limit is None:
            rows.append(bc.info_row(f"{label}: {stat}", ours, raw, bc.fmt_us))
            continue
        ratio = ours / raw
        target = f"<= {limit:g}x raw"
        rows.append(
            bc.Row(
                f"{label}: {stat}",
                bc.fmt_us(ours),
                bc.fmt_us(raw),
                ratio,
                target,
                ratio <= limit,
            )
        )
    return rows


NOTES = """
ratio = visionsim / raw (throughput: higher is better; times: lower is better).
Baselines: (a), (b) one queued `Signal(object)` emit per call; (c)
`QTimer.singleShot(0, ctx, fn)`; (d) `QThreadPool.start(callable)` on a fresh
pool. Tracing is on except in the "tracing off" row. Median of {reps}
interleaved repetitions."""


def main() -> int:
    """Run every measurement, print the table; see the module docstring."""
    args = bc.parse_args(__doc__.splitlines()[0] if __doc__ else "")
    bc.qt_app()
    sim = Simulation()
    rows: list[bc.Row] = []
    try:
        bench = Bench(sim, sim.open_project(load_project(bc.SAMPLE_PROJECT)))
        steps = (measure_throughput, measure_liveness, measure_round_trip)
        for step in (*steps, measure_submit):
            print(f"running {step.__name__} ...", file=sys.stderr, flush=True)
            rows += step(bench, args.reps)
    finally:
        sim.shutdown(2.0)
    print(bc.header("visionsim dispatch benchmark (bench/dispatch.py)"))
    print()
    print(bc.table(rows))
    print(NOTES.format(reps=args.reps))
    return bc.exit_code(rows, args.check)


if __name__ == "__main__":
    sys.exit(main())
