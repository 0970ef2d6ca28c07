"""Posting work to the GUI thread: the engine behind ``invokeLater``.

Measured design (reference/qt-dispatch-baselines.md): producers append to a
deque and emit one queued wake-up signal only when no wake-up is pending; the
GUI thread drains the queue with a time budget (~5 ms) and re-posts itself, so
Qt timers and input still run under a flood. A call is never run inline, even
when posted from the GUI thread: a drain only runs the calls that were queued
when it started, so a call posted meanwhile waits for a later turn, after the
events Qt has pending (Swing's ``invokeLater`` semantics). Delayed calls wait
in a heap on the GUI thread behind one precise ``QTimer`` and are checked
against the monotonic clock, so none runs early.

The lock protects ``_ready`` appends paired with the ``_wake_pending`` flag and
the hand-over list of delayed calls; the heap and the timer are GUI-thread only.
"""

from __future__ import annotations

import heapq
import itertools
import math
import threading
import time
from collections import deque
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from runtime import context

if TYPE_CHECKING:
    from collections.abc import Callable

    from runtime.activity import Activity
    from runtime.errors import ErrorSink
    from runtime.sources import Origin
    from runtime.stall import StallMonitor
    from runtime.trace import Tracer

DEFAULT_BUDGET_MS = 5.0


class _Call(NamedTuple):
    fn: Callable[[], object]
    seq: int
    origin: Origin | None
    source: str


class GuiDispatcher(QObject):
    """Runs callables on the GUI thread, deferred, FIFO, with optional delay.

    Create it on the GUI thread. ``post`` may be called from any thread.

    Parameters
    ----------
    activity
        Counts each call from post until it has run (idle detection).
    errors
        Where a call's uncaught exception is reported.
    tracer, stall
        The timeline and the stall monitor (attribute GUI-thread time).
    budget_ms
        The most time one drain spends before yielding to Qt.
    """

    _wake_requested = Signal()  # () -- queued: always delivered by the loop

    def __init__(
        self,
        activity: Activity,
        errors: ErrorSink,
        tracer: Tracer,
        stall: StallMonitor,
        budget_ms: float = DEFAULT_BUDGET_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._gui_ident = threading.get_ident()
        self._activity = activity
        self._errors = errors
        self._tracer = tracer
        self._stall = stall
        self._budget_ns = int(budget_ms * 1e6)
        self._lock = threading.Lock()
        self._ready: deque[_Call] = deque()
        self._incoming_delayed: list[tuple[float, int, _Call]] = []
        self._delayed: list[tuple[float, int, _Call]] = []
        self._wake_pending = False
        self._seq = itertools.count(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._drain)
        self._wake_requested.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def is_gui_thread(self) -> bool:
        """Whether the caller runs on the GUI thread. Thread: any."""
        return threading.get_ident() == self._gui_ident

    @property
    def gui_ident(self) -> int:
        """``threading.get_ident()`` of the GUI thread."""
        return self._gui_ident

    @property
    def pending(self) -> int:
        """Calls queued or delayed and not yet run. Thread: any."""
        with self._lock:
            return len(self._ready) + len(self._incoming_delayed) + len(self._delayed)

    def post(
        self,
        fn: Callable[[], object],
        delay_ms: float = 0,
        origin: Origin | None = None,
        source: str = "invokeLater",
    ) -> None:
        """Run ``fn()`` on the GUI thread after pending events (+ ``delay_ms``).

        Never runs ``fn`` before returning, whatever the calling thread.
        Equal deadlines run in posting order. ``origin`` is where the call was
        scheduled from (for error reports); ``source`` names the mechanism.

        Thread: any.
        """
        seq = next(self._seq)
        call = _Call(fn, seq, origin, source)
        self._activity.add()
        if self._tracer.enabled:
            self._tracer.record(
                "s", context.current().lane, source, _name_of(fn), flow_id=seq
            )
        with self._lock:
            if delay_ms > 0:
                deadline = time.monotonic() + delay_ms / 1000.0
                self._incoming_delayed.append((deadline, seq, call))
            else:
                self._ready.append(call)
            if self._wake_pending:
                return
            self._wake_pending = True
        self._wake_requested.emit()

    @Slot()
    def _drain(self) -> None:
        with self._lock:
            self._wake_pending = False
            incoming, self._incoming_delayed = self._incoming_delayed, []
        for item in incoming:
            heapq.heappush(self._delayed, item)
        self._release_due()
        self._run_ready()
        self._arm_timer()

    def _release_due(self) -> None:
        now = time.monotonic()
        delayed = self._delayed
        while delayed and delayed[0][0] <= now:
            self._ready.append(heapq.heappop(delayed)[2])

    def _run_ready(self) -> None:
        ready = self._ready
        budget_end = time.perf_counter_ns() + self._budget_ns
        ran = 0
        # Only what was queued when this turn started: later posts wait for
        # the next turn, after the events Qt has pending now.
        for _ in range(len(ready)):
            self._run_one(ready.popleft())
            ran += 1
            if time.perf_counter_ns() >= budget_end:
                break
        if ran:
            self._activity.done(ran)
        if ready:
            self._request_wake()

    def _run_one(self, call: _Call) -> None:
        stall = self._stall
        t0 = stall.begin(call.fn)
        try:
            call.fn()
        except Exception as exc:
            self._errors.report_exception(exc, call.source, call.origin)
        t1 = stall.end(t0)
        if self._tracer.enabled:
            self._tracer.record(
                "X",
                stall.gui_lane,
                call.source,
                _name_of(call.fn),
                ts=t0,
                duration=t1 - t0,
                flow_id=call.seq,
            )

    def _request_wake(self) -> None:
        with self._lock:
            if self._wake_pending:
                return
            self._wake_pending = True
        self._wake_requested.emit()

    def _arm_timer(self) -> None:
        if not self._delayed:
            self._timer.stop()
            return
        wait_s = self._delayed[0][0] - time.monotonic()
        # ceil: a timer that fires on time finds the call due; an early one
        # (ms rounding) finds it not due and simply re-arms.
        self._timer.start(max(0, math.ceil(wait_s * 1000)))


def _name_of(fn: Callable[..., object]) -> str:
    return getattr(fn, "__qualname__", None) or type(fn).__name__
