"""The thread timeline's data: tracer events turned into lanes of drawable items.

:class:`TimelineModel` polls a :class:`~visionsim.runtime.Tracer` incrementally (it
remembers the last sequence number it read) and pairs ``B``/``E`` events into
spans, keeps ``X`` spans, instants and ``invokeLater`` posts as
:class:`TimelineItem` values, and drops the oldest items beyond a bound. Each
lane's items are kept in arrival order with a running maximum of their end
times, so the items overlapping a time window are found by bisection instead
of a scan of the whole history. A span whose end has not arrived yet (a task
still running) is *open*: its ``end_ns`` is ``None``. Pure Python: the widget
in :mod:`app.timeline` draws it. GUI thread only.

Just over 400 lines (STYLE.md section 4): reading the tracer, pairing spans
and naming lanes work on the same per-lane stores.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from visionsim.runtime import GUI_LANE, GUI_THREAD_NAME

if TYPE_CHECKING:
    from collections.abc import Iterator

    from visionsim.runtime import Tracer
    from visionsim.runtime.trace import TraceEvent

MAX_ITEMS = 50_000
HEADER_H, ROW_H, GUI_ROW_H = 20, 26, 38  # row heights in pixels
#: Categories of spans the dispatcher runs on the GUI lane (posted calls).
GUI_RUN_CATEGORIES = frozenset({"invokeLater", "onSuccess", "onError"})


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One thing drawn on the timeline.

    ``kind`` is ``"span"`` (a task, handler, GUI-thread call or request),
    ``"stall"``, ``"violation"``, ``"instant"`` (e.g. a request sent) or
    ``"post"`` (an ``invokeLater`` call being queued; ``flow_id`` links it to
    the span that ran it). Times are nanoseconds since the tracer started;
    ``end_ns`` is ``None`` while a span is still running.
    """

    seq: int
    lane: int
    lane_name: str
    kind: str
    category: str
    name: str
    start_ns: int
    end_ns: int | None
    args: dict[str, object] | None = field(default=None, compare=False)
    flow_id: int = 0

    @property
    def is_running(self) -> bool:
        """Whether this is a span that has not ended yet."""
        return self.end_ns is None

    @property
    def is_marker(self) -> bool:
        """Whether this is a point in time (drawn as a marker, not a bar)."""
        return self.kind in ("instant", "violation", "post")

    def end_or(self, now_ns: int) -> int:
        """The end time, or ``now_ns`` for a running span."""
        return now_ns if self.end_ns is None else self.end_ns


@dataclass(slots=True)
class LaneInfo:
    """A lane as the timeline shows it: its process, name and sort key."""

    lane: int
    process: str
    name: str
    rank: int  # 0 GUI thread, 1 client processes, 2 gateways, 3 unknown


@dataclass(slots=True)
class Row:
    """A drawn row: a process header (``lane`` None) or a lane and its items."""

    y: int
    height: int
    lane: LaneInfo | None
    title: str
    items: list[TimelineItem]


@dataclass(slots=True)
class _LaneItems:
    """One lane's items in arrival order; ``max_end[i]`` = max end of 0..i."""

    items: list[TimelineItem] = field(default_factory=list)
    max_end: list[int] = field(default_factory=list)
    head: int = 0  # items before ``head`` were dropped
    open: list[TimelineItem] = field(default_factory=list)  # B seen, no E yet

    def append(self, item: TimelineItem, end: int) -> None:
        if self.max_end and self.max_end[-1] > end:
            end = self.max_end[-1]
        self.items.append(item)
        self.max_end.append(end)

    def drop_first(self) -> TimelineItem:
        item = self.items[self.head]
        self.head += 1
        if self.head > 4096 and self.head * 2 > len(self.items):
            del self.items[: self.head]
            del self.max_end[: self.head]
            self.head = 0
        return item

    @property
    def count(self) -> int:
        return len(self.items) - self.head

    def overlapping(self, start: int, end: int) -> Iterator[TimelineItem]:
        """Closed items overlapping ``[start, end]``."""
        i = bisect.bisect_left(self.max_end, start, lo=self.head)
        for item in self.items[i:]:
            if item.start_ns <= end and item.end_or(start) >= start:
                yield item


class TimelineModel:
    """Lanes and items read from a tracer, bounded to ``capacity`` items.

    Parameters
    ----------
    tracer
        The simulation's timeline recorder.
    capacity
        How many closed items to keep; the oldest are dropped first.
    """

    def __init__(self, tracer: Tracer, capacity: int = MAX_ITEMS) -> None:
        self._tracer = tracer
        self._capacity = capacity
        self._last_seq = -1
        self._lanes: dict[int, LaneInfo] = {}
        self._store: dict[int, _LaneItems] = {}
        self._order: deque[int] = deque()  # lane of each closed item, oldest first
        self._posts: dict[int, TimelineItem] = {}  # flow id -> the post
        self._runs: dict[int, TimelineItem] = {}  # flow id -> the GUI run
        self._process_rank: dict[str, int] = {}
        self._unnamed = 0
        self.first_ns: int | None = None
        self.last_ns = 0
        self._name_lanes()

    # -- reading the tracer ---------------------------------------------------

    def poll(self) -> int:
        """Read the events recorded since the last poll; returns how many."""
        events = self._tracer.events(self._last_seq)
        if not events:
            return 0
        self._last_seq = events[-1].seq
        if any(ev.lane not in self._lanes for ev in events):
            self._name_lanes()
        for ev in events:
            self._add(ev)
        self._trim()
        return len(events)

    def now(self) -> int:
        """The tracer's clock (ns since it started)."""
        return self._tracer.now()

    def _name_lanes(self) -> None:
        for lane, info in self._tracer.lanes().items():
            if lane not in self._lanes:
                self._lanes[lane] = self._lane_info(lane, info.process, info.name)

    def _lane_info(self, lane: int, process: str, name: str) -> LaneInfo:
        if lane == GUI_LANE:
            rank = 0
        elif process.startswith(("Client", "Vision client")):
            rank = 1
        elif process.startswith("Gateway"):
            rank = 2
        else:
            rank = 3
        # Processes keep the order in which they first appeared.
        self._process_rank.setdefault(process, len(self._process_rank))
        return LaneInfo(lane, process, name, rank)

    def _add(self, ev: TraceEvent) -> None:
        lane = self._lanes.get(ev.lane)
        if lane is None:
            lane = self._lanes[ev.lane] = self._lane_info(
                ev.lane, "Other threads", self._thread_name(ev.lane)
            )
        store = self._store.get(ev.lane)
        if store is None:
            store = self._store[ev.lane] = _LaneItems()
        self.last_ns = max(self.last_ns, ev.ts + ev.duration)
        if self.first_ns is None or ev.ts < self.first_ns:
            self.first_ns = ev.ts
        phase = ev.phase
        if phase == "B":
            store.open.append(self._item(ev, lane.name, "span", None))
        elif phase == "E":
            self._close(store, ev)
        elif phase == "X":
            kind = "stall" if ev.category == "stall" else "span"
            self._keep(store, self._item(ev, lane.name, kind, ev.ts + ev.duration))
        elif phase == "i":
            kind = "violation" if ev.category == "violation" else "instant"
            self._keep(store, self._item(ev, lane.name, kind, ev.ts))
        elif phase == "s":
            self._keep(store, self._item(ev, lane.name, "post", ev.ts))

    def _thread_name(self, lane: int) -> str:
        """The name of a lane the tracer never named; never the bare number.

        An unknown thread's lane is its ident: its thread's name, if it runs.
        """
        for thread in threading.enumerate():
            if thread.ident == lane:
                return thread.name
        self._unnamed += 1
        return f"unnamed thread {self._unnamed}"

    @staticmethod
    def _item(
        ev: TraceEvent, lane_name: str, kind: str, end: int | None
    ) -> TimelineItem:
        return TimelineItem(
            ev.seq,
            ev.lane,
            lane_name,
            kind,
            ev.category,
            ev.name,
            ev.ts,
            end,
            ev.args,
            ev.flow_id,
        )

    def _close(self, store: _LaneItems, ev: TraceEvent) -> None:
        # The innermost open span of that name; an E whose B fell off the
        # tracer's ring has none and is ignored.
        for i in range(len(store.open) - 1, -1, -1):
            begun = store.open[i]
            if begun.name == ev.name and begun.category == ev.category:
                del store.open[i]
                args = {**(begun.args or {}), **(ev.args or {})} or None
                closed = dataclasses.replace(begun, end_ns=ev.ts, args=args)
                self._keep(store, closed)
                return

    def _keep(self, store: _LaneItems, item: TimelineItem) -> None:
        store.append(item, item.end_or(item.start_ns))
        self._order.append(item.lane)
        if item.flow_id:
            flows = self._posts if item.kind == "post" else self._runs
            flows[item.flow_id] = item

    def _trim(self) -> None:
        if len(self._order) <= self._capacity:
            return
        while len(self._order) > self._capacity:
            item = self._store[self._order.popleft()].drop_first()
            if item.flow_id:
                flows = self._posts if item.kind == "post" else self._runs
                if flows.get(item.flow_id) is item:
                    del flows[item.flow_id]
        self.first_ns = min(
            (s.items[s.head].start_ns for s in self._store.values() if s.count),
            default=None,
        )

    # -- queries ----------------------------------------------------------------

    @property
    def size(self) -> int:
        """Closed items kept (open spans not counted)."""
        return len(self._order)

    @property
    def has_running(self) -> bool:
        """Whether some span has begun and not ended yet."""
        return any(store.open for store in self._store.values())

    def lane(self, lane: int) -> LaneInfo | None:
        """What is known about ``lane``."""
        return self._lanes.get(lane)

    def lanes_in_order(self) -> list[LaneInfo]:
        """Every lane with items, in display order (GUI thread first)."""
        lanes = [
            self._lanes[lane]
            for lane, store in self._store.items()
            if store.count or store.open
        ]
        lanes.sort(key=lambda i: (i.rank, self._process_rank[i.process], i.lane))
        return lanes

    def items(self) -> list[TimelineItem]:
        """Every item kept (closed, then open spans), oldest first per lane."""
        out: list[TimelineItem] = []
        for store in self._store.values():
            out += store.items[store.head :]
        for store in self._store.values():
            out += store.open
        return out

    def visible(self, lane: int, start: int, end: int) -> list[TimelineItem]:
        """Items of ``lane`` overlapping ``[start, end]``, open spans included."""
        store = self._store.get(lane)
        if store is None:
            return []
        found = list(store.overlapping(start, end))
        found += [item for item in store.open if item.start_ns <= end]
        return found

    def find(self, lane: int, seq: int) -> TimelineItem | None:
        """The item of ``lane`` begun by event ``seq`` (newest first)."""
        store = self._store.get(lane)
        if store is None:
            return None
        for item in store.open:
            if item.seq == seq:
                return item
        for i in range(len(store.items) - 1, store.head - 1, -1):
            if store.items[i].seq == seq:
                return store.items[i]
        return None

    def rows(self, start: int, end: int) -> list[Row]:
        """The rows to draw for ``[start, end]``, top to bottom.

        The GUI lane always, then each lane with items in that window, under
        a header row per process.
        """
        gui = self._lanes.get(GUI_LANE) or LaneInfo(
            GUI_LANE, "Vision client", GUI_THREAD_NAME, 0
        )
        lanes = [i for i in self.lanes_in_order() if i.lane != GUI_LANE]
        rows: list[Row] = []
        y, process = 0, None
        for info in [gui, *lanes]:
            items = self.visible(info.lane, start, end)
            if not items and info.lane != GUI_LANE:
                continue  # compacted: nothing to see on this lane right now
            if info.process != process:
                rows.append(Row(y, HEADER_H, None, info.process, []))
                y, process = y + HEADER_H, info.process
            height = GUI_ROW_H if info.lane == GUI_LANE else ROW_H
            rows.append(Row(y, height, info, info.name, items))
            y += height
        return rows

    def post_of(self, run: TimelineItem) -> TimelineItem | None:
        """The ``invokeLater`` post that caused ``run``, if still kept."""
        return self._posts.get(run.flow_id) if run.flow_id else None

    def run_of(self, post: TimelineItem) -> TimelineItem | None:
        """The GUI-thread run caused by ``post``, once it has run."""
        return self._runs.get(post.flow_id) if post.flow_id else None


def format_ns(
    ns: float, *, step_ns: float | None = None, unit_ns: float | None = None
) -> str:
    """A readable time: ``"850 µs"``, ``"12.5 ms"``, ``"3.2 s"``.

    The unit follows ``unit_ns`` (default: ``ns`` itself), so every label of
    an axis shares one; ``step_ns`` (the axis step) sets the decimals.
    """
    ref = abs(ns if unit_ns is None else unit_ns)
    unit, scale = (
        ("s", 1e9) if ref >= 1e9 else ("ms", 1e6) if ref >= 1e6 else ("µs", 1e3)
    )
    value = ns / scale
    if step_ns is not None:
        decimals = min(3, max(0, math.ceil(-math.log10(step_ns / scale) - 1e-9)))
    else:
        decimals = 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2
    return f"{value:.{decimals}f} {unit}"


def nice_step(span_ns: float, ticks: float) -> float:
    """A 1-2-5 step that cuts ``span_ns`` into about ``ticks`` parts."""
    raw = max(span_ns / max(ticks, 1.0), 1.0)
    magnitude = 10 ** int(f"{raw:e}".split("e")[1])
    for factor in (1, 2, 5, 10):
        if magnitude * factor >= raw:
            return float(magnitude * factor)
    return float(magnitude * 10)


def display_name(item: TimelineItem) -> str:
    """The name drawn: ``sendBack``, not ``longProcess.<locals>.sendBack``."""
    short = item.name.rsplit(".<locals>.", 1)[-1]
    # A callback wrapped in a lambda by the runtime: its mechanism says more.
    return item.category if short == "<lambda>" else short
