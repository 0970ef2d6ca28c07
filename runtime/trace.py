"""The per-thread timeline: a bounded, lock-free event log with Chrome-trace export.

Events are plain tuples appended to a ``deque(maxlen=capacity)``; CPython makes
``deque.append`` and ``next(itertools.count)`` atomic, so any thread records
without a lock, and memory stays bounded (the oldest events fall off). Plain
tuples of strings and numbers matter: the garbage collector stops tracking
them, where a full ring of NamedTuples would make every full collection
scan 200k objects with the GIL held. They become :class:`TraceEvent` only
when read. Each
event sits on a *lane*: one per simulated thread (the GUI thread, every async
task, every gateway thread), named when the lane is registered. Export writes
Chrome-trace JSON that Perfetto and chrome://tracing open, with flow arrows
from every ``invokeLater`` post to the GUI-thread run it caused.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import OrderedDict, deque
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Iterable

DEFAULT_CAPACITY = 200_000
MAX_LANES = 20_000


#: How events are stored: TraceEvent's fields, ``args`` as key-value pairs.
RawEvent = tuple[
    int, str, int, int, str, str, int, int, tuple[tuple[str, object], ...] | None
]


class TraceEvent(NamedTuple):
    """One timeline event (times in nanoseconds since the tracer started)."""

    seq: int
    phase: str  # "B" begin, "E" end, "X" complete, "i" instant, "s"/"f" flow
    ts: int
    lane: int
    category: str
    name: str
    duration: int
    flow_id: int
    args: dict[str, object] | None


class Lane(NamedTuple):
    """A timeline lane: one simulated thread in one simulated process."""

    process: str
    name: str


class Tracer:
    """Records timeline events from any thread in bounded memory.

    Parameters
    ----------
    capacity
        How many events to keep; older ones are dropped.
    """

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        self.enabled = True
        self._events: deque[RawEvent] = deque(maxlen=capacity)
        self._seq = itertools.count(1)  # 0 means "no flow"
        self._t0 = time.perf_counter_ns()
        # Ordered for O(1) eviction of the oldest: a plain dict's
        # ``next(iter(d))`` scans the deleted slots at its front, 4.3 us per
        # name once the cap is reached (every invokeAsynchronous names a lane).
        self._lanes: OrderedDict[int, Lane] = OrderedDict()
        self._lanes_lock = threading.Lock()
        #: The hot path for :mod:`runtime.dispatch`: append a raw event tuple
        #: ``(seq, phase, ts_abs_ns, lane, category, name, duration, flow, args)``
        #: with ``seq = next_seq()``. Thread: any.
        self.append_raw = self._events.append
        self.next_seq = self._seq.__next__

    @property
    def t0(self) -> int:
        """``perf_counter_ns()`` at which the timeline starts."""
        return self._t0

    def now(self) -> int:
        """Nanoseconds since the tracer started. Thread: any."""
        return time.perf_counter_ns() - self._t0

    def name_lane(self, lane: int, process: str, name: str) -> None:
        """Name a lane (a simulated thread). Thread: any."""
        with self._lanes_lock:
            self._lanes[lane] = Lane(process, name)
            if len(self._lanes) > MAX_LANES:  # oldest task lanes first
                self._lanes.popitem(last=False)

    def lanes(self) -> dict[int, Lane]:
        """A copy of the lane names. Thread: any."""
        with self._lanes_lock:
            return dict(self._lanes)

    def record(
        self,
        phase: str,
        lane: int,
        category: str,
        name: str,
        *,
        ts: int | None = None,
        duration: int = 0,
        flow_id: int = 0,
        args: dict[str, object] | None = None,
    ) -> None:
        """Append one event. ``ts`` is absolute ``perf_counter_ns``. Thread: any."""
        if not self.enabled:
            return
        when = time.perf_counter_ns() if ts is None else ts
        # A dict inside would keep the tuple tracked by the garbage collector
        # for good; a tuple of pairs lets the collector drop it.
        packed = tuple(args.items()) if args else None
        event = (next(self._seq), phase, when, lane, category, name, duration)
        self._events.append((*event, flow_id, packed))

    def events(self, after_seq: int = -1) -> list[TraceEvent]:
        """Events with ``seq > after_seq``, oldest first. Thread: any."""
        snapshot = list(self._events)
        lo, hi = 0, len(snapshot)
        while after_seq >= 0 and lo < hi:
            mid = (lo + hi) // 2
            if snapshot[mid][0] <= after_seq:
                lo = mid + 1
            else:
                hi = mid
        t0 = self._t0
        return [
            TraceEvent(
                s, ph, ts - t0, lane, cat, name, dur, flow, dict(args) if args else None
            )
            for s, ph, ts, lane, cat, name, dur, flow, args in snapshot[lo:]
        ]

    def clear(self) -> None:
        """Drop every event (lane names stay). Thread: any."""
        self._events.clear()

    def to_chrome(self) -> dict[str, object]:
        """The timeline as a Chrome-trace JSON object. Thread: any."""
        return chrome_trace(self.events(), self.lanes())

    def export_chrome(self, path: str) -> int:
        """Write Chrome-trace JSON to ``path``; returns the event count."""
        doc = self.to_chrome()
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(doc, fh)
        events = doc["traceEvents"]
        assert isinstance(events, list)
        return len(events)


def chrome_trace(
    events: Iterable[TraceEvent], lanes: dict[int, Lane]
) -> dict[str, object]:
    """Convert events to the Chrome trace-event format (microsecond times)."""
    pids: dict[str, int] = {}
    out: list[dict[str, object]] = []

    def pid_of(lane: int) -> int:
        process = lanes.get(lane, Lane("visionsim", "")).process
        if process not in pids:
            pids[process] = len(pids) + 1
            out.append(_meta("process_name", pids[process], 0, process))
        return pids[process]

    for lane, info in sorted(lanes.items()):
        out.append(_meta("thread_name", pid_of(lane), lane, info.name))
    for ev in events:
        item: dict[str, object] = {
            "ph": ev.phase,
            "ts": ev.ts / 1000,
            "pid": pid_of(ev.lane),
            "tid": ev.lane,
            "cat": ev.category,
            "name": ev.name,
        }
        if ev.phase == "X":
            item["dur"] = ev.duration / 1000
        elif ev.phase == "i":
            item["s"] = "t"
        elif ev.phase in ("s", "f"):
            item["id"] = ev.flow_id
            if ev.phase == "f":
                item["bp"] = "e"
        if ev.args:
            item["args"] = {k: str(v) for k, v in ev.args.items()}
        out.append(item)
        if ev.phase == "X" and ev.flow_id:
            # The arrow's head: the run a post caused (its tail is the "s").
            head = {k: item[k] for k in ("ts", "pid", "tid", "cat", "name")}
            out.append({**head, "ph": "f", "bp": "e", "id": ev.flow_id})
    return {"traceEvents": out, "displayTimeUnit": "ms"}


def _meta(kind: str, pid: int, tid: int, name: str) -> dict[str, object]:
    return {"ph": "M", "name": kind, "pid": pid, "tid": tid, "args": {"name": name}}
