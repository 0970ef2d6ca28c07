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

The hot path is shaped by measurement (bench/dispatch.py): each call is five
flat deque slots (no per-call tuple for the garbage collector to track); a
producer takes no lock: the right to schedule a wake-up is one token in a
deque, and ``pop`` is atomic under the GIL, so one producer wins it; the
activity counter holds one unit per scheduled drain, not one per call; the
timeline records every call while the queue is short (the teaching case)
and aggregates the rest of a flood into one span per drain. The lock
protects the hand-over list of delayed calls; the heap, the timer and
putting the token back are GUI-thread only. The unlocked ``_wake_pending``
read is safe under the GIL: a producer appends *before* it reads the flag,
and a drain clears the flag and returns the token *before* it counts the
queue, so every call is either counted by a running drain or sees the flag
down and schedules a new one.
"""

from __future__ import annotations

import heapq
import itertools
import math
import sys
import threading
import time
from collections import deque
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Slot

from visionsim.runtime import context
from visionsim.runtime.context import RunInterrupted, thread_local

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import CodeType, FrameType

    from visionsim.runtime.activity import Activity
    from visionsim.runtime.errors import ErrorSink
    from visionsim.runtime.stall import StallMonitor
    from visionsim.runtime.trace import Tracer

DEFAULT_BUDGET_MS = 5.0
#: Calls queued beyond this many are not traced one by one (floods).
TRACE_EACH_LIMIT = 64
# fn, origin code, origin f_lasti, context, tag; the tag is the source name,
# or (source, flow id, fn's name) for a call traced one by one (rare under a
# flood).
_SLOTS = 5
_TRACE_EACH_SLOTS = TRACE_EACH_LIMIT * _SLOTS
_MAX_TIMER_MS = 2**31 - 1  # QTimer takes a 32-bit int


class GuiDispatcher(QObject):
    """Runs callables on the GUI thread, deferred, FIFO, with optional delay.

    Create it on the GUI thread. ``post`` may be called from any thread.

    Parameters
    ----------
    activity
        Counts scheduled drains and delayed calls (idle detection).
    errors
        Where a call's uncaught exception is reported.
    tracer, stall
        The timeline and the stall monitor (attribute GUI-thread time).
    budget_ms
        The most time one drain spends before yielding to Qt.
    """

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
        self._ready: deque[Any] = deque()
        self._incoming_delayed: list[tuple[float, int, tuple[Any, ...]]] = []
        self._delayed: list[tuple[float, int, tuple[Any, ...]]] = []
        self._wake_pending = False
        self._wake_token: deque[None] = deque([None])  # at most one, see above
        self._wake_slot = self._on_wake_requested  # bound once
        self._seq = itertools.count(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer_armed = False
        self._stopped = False

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
        return (
            len(self._ready) // _SLOTS
            + len(self._incoming_delayed)
            + len(self._delayed)
        )

    def post(
        self,
        fn: Callable[[], object],
        delay_ms: float = 0,
        caller: FrameType | None = None,
        source: str = "invokeLater",
    ) -> None:
        """Run ``fn()`` on the GUI thread after pending events (+ ``delay_ms``).

        Never runs ``fn`` before returning, whatever the calling thread.
        Equal deadlines run in posting order. The caller should itself count
        as activity (a script, task, handler or pending request does), so the
        simulation cannot look idle between this post and the drain it
        schedules. ``caller`` is the frame that
        scheduled the call (named in error reports and stall attribution);
        ``source`` names the mechanism (``invokeLater``, ``onSuccess``…).

        Thread: any.
        """
        try:
            ctx = thread_local.ctx
        except AttributeError:
            ctx = context.current()
        # f_lasti, not f_lineno: the line is looked up only if a report needs it.
        code, lasti = (None, 0) if caller is None else (caller.f_code, caller.f_lasti)
        ready = self._ready
        tag: str | tuple[str, int, str] = source
        if len(ready) < _TRACE_EACH_SLOTS and self._tracer.enabled:
            tag = self._trace_post(fn, ctx, source)
        if delay_ms > 0:
            self._post_delayed((fn, code, lasti, ctx, tag), delay_ms)
            return
        ready.extend((fn, code, lasti, ctx, tag))
        if not self._wake_pending:
            self._request_wake()

    def invoke_later(
        self, slow: Callable[[Callable[[], object], Any, FrameType], None]
    ) -> Callable[..., None]:
        """``invokeLater(function, delay=0)``: :meth:`post` inlined for its common case.

        A script's ``invokeLater(fn)`` is then one Python call, not two
        (bench/dispatch.py floods it). Every other case (a delay, something
        not callable) goes to ``slow(function, delay, caller)``, which checks
        the arguments and posts. Thread: any (the returned function).
        """
        getframe = sys._getframe
        local = thread_local
        current = context.current
        ready = self._ready
        extend = ready.extend
        tracer = self._tracer
        trace_post = self._trace_post
        source = "invokeLater"

        def invokeLater(function: Callable[[], object], delay: Any = 0) -> None:
            if delay.__class__ is not int or delay or not callable(function):
                slow(function, delay, getframe(1))
                return
            caller = getframe(1)
            try:
                ctx = local.ctx
            except AttributeError:
                ctx = current()
            tag: str | tuple[str, int, str] = source
            if len(ready) < _TRACE_EACH_SLOTS and tracer.enabled:
                tag = trace_post(function, ctx, source)
            extend((function, caller.f_code, caller.f_lasti, ctx, tag))
            if not self._wake_pending:
                self._request_wake()

        return invokeLater

    def _trace_post(
        self, fn: Callable[[], object], ctx: context.ExecContext, source: str
    ) -> tuple[str, int, str]:
        """Record the post (a flow's tail); returns the call's tag for the run."""
        tracer = self._tracer
        flow = tracer.next_seq()
        name = _name_of(fn)
        now = time.perf_counter_ns()
        tracer.append_raw((flow, "s", now, ctx.lane, source, name, 0, flow, None))
        return source, flow, name

    def _post_delayed(self, call: tuple[Any, ...], delay_ms: float) -> None:
        deadline = time.monotonic() + delay_ms / 1000.0
        self._activity.add()  # released once the call is moved to the queue
        with self._lock:
            self._incoming_delayed.append((deadline, next(self._seq), call))
        self._request_wake()

    def _request_wake(self) -> None:
        try:
            self._wake_token.pop()  # atomic: one caller wins
        except IndexError:
            return  # a wake-up is pending already
        self._wake_pending = True
        self._activity.add()  # held until the drain this wake causes has run
        # A zero-delay single shot with a context object is a queued call on
        # the GUI thread from any thread, and costs a quarter of a signal emit
        # (reference/qt-dispatch-baselines.md); it is deferred even when
        # posted from the GUI thread itself.
        QTimer.singleShot(0, self, self._wake_slot)

    @Slot()
    def _on_wake_requested(self) -> None:
        try:
            self._drain()
        finally:
            self._activity.done()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._drain()

    def stop(self) -> None:
        """Drop every delayed call and stop the timer for good (shutdown).

        Calls delayed later are dropped too. Without this, a long invokeLater
        delay outlives the simulation in a running timer, which then fires on
        whatever is left of the dispatcher when the garbage collector frees it.
        Thread: GUI only.
        """
        self._stopped = True
        self._drop_delayed()
        self._timer.stop()
        self._timer_armed = False

    def _drop_delayed(self) -> None:
        with self._lock:
            dropped = len(self._incoming_delayed) + len(self._delayed)
            self._incoming_delayed, self._delayed = [], []
        if dropped:
            self._activity.done(dropped)

    def _drain(self) -> None:
        self._wake_pending = False
        if not self._wake_token:  # only the GUI thread puts it back: one at most
            self._wake_token.append(None)
        if self._incoming_delayed:  # appended to (under the lock) before a wake
            with self._lock:
                incoming, self._incoming_delayed = self._incoming_delayed, []
            for item in incoming:
                heapq.heappush(self._delayed, item)
        if self._stopped:
            self._drop_delayed()
        released = self._release_due()
        try:
            self._run_ready()
        finally:  # even if a call raised KeyboardInterrupt: nothing stranded
            if self._ready:
                self._request_wake()
            if released:
                self._activity.done(released)
            if self._delayed or self._timer_armed:
                self._arm_timer()

    def _release_due(self) -> int:
        delayed = self._delayed
        if not delayed:
            return 0
        now = time.monotonic()
        released = 0
        while delayed and delayed[0][0] <= now:
            self._ready.extend(heapq.heappop(delayed)[2])
            released += 1
        return released

    def _run_ready(self) -> None:
        """Run the calls queued when this turn started, within the budget."""
        ready = self._ready
        calls = len(ready) // _SLOTS
        if not calls:
            return
        popleft = ready.popleft
        clock = time.perf_counter_ns
        stall = self._stall
        long_ns = stall.long_ns
        tracer = self._tracer
        gui_lane = stall.gui_lane
        slot = stall.begin_batch()
        start = t1 = clock()
        budget_end = start + self._budget_ns
        untraced = 0
        try:
            for _ in range(calls):
                try:
                    fn = popleft()
                    code = popleft()
                    lasti = popleft()
                    ctx = popleft()
                    tag = popleft()
                except IndexError:  # a nested event loop (a dialog) drained it
                    break
                slot[1] = fn
                slot[2] = stall.blocked_ns
                slot[0] = t0 = t1
                try:
                    fn()
                except RunInterrupted:
                    raise
                except BaseException as exc:  # GeneratorExit, a custom one...
                    source = tag if tag.__class__ is str else tag[0]
                    self._report(exc, source, code, lasti, ctx)
                t1 = clock()
                if t1 - t0 >= long_ns:
                    stall.finish_unit(slot, t1)
                if tag.__class__ is str:
                    untraced += 1
                else:
                    source, flow, name = tag
                    seq = tracer.next_seq()
                    tracer.append_raw(
                        (seq, "X", t0, gui_lane, source, name, t1 - t0, flow, None)
                    )
                if t1 >= budget_end:
                    break
        finally:
            stall.end_batch()
        if untraced and tracer.enabled:
            tracer.append_raw(
                (
                    tracer.next_seq(),
                    "X",
                    start,
                    gui_lane,
                    "invokeLater",
                    f"{untraced} more invokeLater calls",
                    t1 - start,
                    0,
                    None,
                )
            )

    def _report(
        self,
        exc: BaseException,
        source: str,
        code: CodeType | None,
        lasti: int,
        ctx: context.ExecContext,
    ) -> None:
        origin: tuple[tuple[CodeType, int], ...] = ()
        if code is not None:
            origin = ((code, _line_at(code, lasti)),)
        if ctx.started_from:
            origin += ctx.started_from
        self._errors.report_exception(exc, source, origin)

    def _arm_timer(self) -> None:
        if not self._delayed or self._stopped:
            if self._timer_armed:
                self._timer.stop()
                self._timer_armed = False
            return
        self._timer_armed = True
        wait_s = self._delayed[0][0] - time.monotonic()
        # ceil: a timer that fires on time finds the call due; an early one
        # (ms rounding, or the cap on very long delays) simply re-arms.
        self._timer.start(min(_MAX_TIMER_MS, max(0, math.ceil(wait_s * 1000))))


def _name_of(fn: Callable[..., object]) -> str:
    return getattr(fn, "__qualname__", None) or type(fn).__name__


def _line_at(code: CodeType, lasti: int) -> int:
    """The source line of the instruction at byte offset ``lasti``."""
    for start, end, line in code.co_lines():
        if start <= lasti < end and line is not None:
            return line
    return code.co_firstlineno
