"""The stall monitor: measures how long the GUI thread is busy, and why.

Every unit of GUI-thread work the simulation runs (a script, an invokeLater
call, a callback) is bracketed by :meth:`StallMonitor.begin`/:meth:`end`, which
cost two clock reads. A unit of 50 ms or more is a *long task*; 500 ms a
*warning* with the GUI thread's stacks sampled while it ran; 5 s *not
responding*, reported live while it is still stuck. A sampler thread reads
the GUI thread's CPU clock every tick and its stack while a unit overruns, so
each report says which script line was running and whether it was script work,
a blocking wait (``sleep``, ``join``, ``get``, ``sendRequest``…, marked by
:meth:`blocking`) or the GUI thread starved of the GIL by busy worker threads
(CPython only; Jython has no GIL). The lock protects the report list, the
sample ring and the listener list; the unit stack is GUI-thread only (the
sampler only reads it).
"""

from __future__ import annotations

import collections
import contextlib
import sys
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from visionsim.runtime import sources
from visionsim.runtime.errors import notify

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from visionsim.runtime.sources import ScriptLocation
    from visionsim.runtime.trace import Tracer

SAMPLE_PERIOD_S = 0.02
MAX_STACK_SAMPLES = 20


@dataclass(frozen=True, slots=True)
class StallThresholds:
    """GUI-thread busy times (ms) for a long task, a warning, not responding."""

    long_ms: float = 50
    warn_ms: float = 500
    not_responding_ms: float = 5000


@dataclass(frozen=True, slots=True)
class StallReport:
    """One GUI-thread stall.

    ``level`` is ``"long task"``, ``"warning"`` or ``"not responding"``;
    ``kind`` is ``"script work"``, ``"blocking wait (<call>)"``, ``"GIL
    contention"`` or ``"off-CPU wait"``; ``stacks`` are the distinct sampled
    GUI-thread stacks with how often each was seen; ``ongoing`` is true for
    a live "not responding" report sent while the stall still lasts.
    """

    start_ns: int
    duration_ms: float
    level: str
    kind: str
    subject: str
    location: ScriptLocation | None
    stacks: tuple[tuple[str, int], ...]
    ongoing: bool = False

    def format(self) -> str:
        """A readable report for stderr or the console."""
        where = ""
        if self.location and self.location.script != self.subject:
            where = f" at {self.location}"
        elif self.location:
            where = f", line {self.location.line}"
        state = "still running after" if self.ongoing else "took"
        text = (
            f"GUI thread {self.level}: {self.subject}{where} {state} "
            f"{self.duration_ms:.0f} ms ({self.kind})\n"
        )
        for stack, count in self.stacks[:3]:
            text += f"  sampled {count}x:\n" + _indent(stack, "    ")
        return text


class _Sample(NamedTuple):
    t: int
    cpu: int  # the GUI thread's CPU time
    process_cpu: int  # the whole process's CPU time (all threads)
    blocking: str | None


class StallMonitor:
    """Times GUI-thread work units and reports stalls.

    Create it on the GUI thread; call :meth:`start_sampler` with a thread
    starter to enable stack sampling and GIL attribution.
    """

    def __init__(
        self,
        tracer: Tracer,
        gui_lane: int,
        thresholds: StallThresholds | None = None,
    ) -> None:
        self.gui_lane = gui_lane
        self._tracer = tracer
        self._gui_ident = threading.get_ident()
        self._lock = threading.Lock()
        # [t0, subject, blocked_ns at start, (thread, process) CPU at start]
        self._units: list[list[Any]] = []
        self._blocking: str | None = None
        self._last_blocking = "wait"
        #: GUI-thread nanoseconds spent in blocking waits so far (read by the
        #: dispatcher's drain loop).
        self.blocked_ns = 0
        self._samples: collections.deque[_Sample] = collections.deque(maxlen=1024)
        self._stacks: list[tuple[int, str, ScriptLocation | None]] = []
        self._reports: collections.deque[StallReport] = collections.deque(maxlen=500)
        self._listeners: list[Callable[[StallReport], None]] = []
        self._live_reported: int | None = None
        self._last_reported = (0, 0)
        self._stop = threading.Event()
        self.set_thresholds(thresholds or StallThresholds())

    def set_thresholds(self, thresholds: StallThresholds) -> None:
        """Change the thresholds. Thread: any."""
        self.thresholds = thresholds
        self.long_ns = int(thresholds.long_ms * 1e6)
        self._warn_ns = int(thresholds.warn_ms * 1e6)
        self._nr_ns = int(thresholds.not_responding_ms * 1e6)

    # -- GUI thread: the hot path ------------------------------------------

    def begin(self, subject: object, *, measure_cpu: bool = False) -> int:
        """Start a unit of GUI work; returns its start time.

        ``measure_cpu`` also reads the thread's CPU clock (about a microsecond),
        which makes the GIL-versus-script verdict exact for this unit; without
        it the verdict comes from the sampler's readings.

        Thread: GUI only.
        """
        cpu0 = (time.thread_time_ns(), time.process_time_ns()) if measure_cpu else None
        t0 = time.perf_counter_ns()
        self._units.append([t0, subject, self.blocked_ns, cpu0])
        return t0

    def end(self, t0: int) -> int:
        """End the innermost unit; returns the end time. Thread: GUI only."""
        t1 = time.perf_counter_ns()
        _, subject, blocked0, cpu0 = self._units.pop()
        if t1 - t0 < self.long_ns:
            if self._stacks:  # sampled near the threshold, then not long
                self._drop_stacks_since(t0)
            return t1
        inner = self._last_reported
        if inner[0] >= t0 and (inner[1] - inner[0]) * 5 >= (t1 - t0) * 4:
            return t1  # a script inside this one was the stall: said already
        cpu = None
        if cpu0 is not None:
            cpu = (time.thread_time_ns() - cpu0[0], time.process_time_ns() - cpu0[1])
        self._finish(t0, t1, subject, self.blocked_ns - blocked0, cpu)
        return t1

    @property
    def is_busy(self) -> bool:
        """Whether GUI-thread work (a script, a call) is running. Thread: any."""
        return bool(self._units)

    def begin_batch(self) -> list[Any]:
        """Start a run of many small units (a dispatcher drain); returns its slot.

        The caller writes ``slot[0] = t0``, ``slot[1] = subject`` and
        ``slot[2] = blocked_ns`` before each unit, and calls
        :meth:`finish_unit` for one that took :attr:`long_ns` or more: two
        list stores instead of a push and a pop per unit. Thread: GUI only.
        """
        slot = [time.perf_counter_ns(), None, self.blocked_ns, None]
        self._units.append(slot)
        return slot

    def end_batch(self) -> None:
        """End the run started by :meth:`begin_batch`. Thread: GUI only."""
        slot = self._units.pop()
        if self._stacks:
            self._drop_stacks_since(slot[0])

    def _drop_stacks_since(self, t0: int) -> None:
        with self._lock:
            self._stacks = [s for s in self._stacks if s[0] < t0]

    def finish_unit(self, slot: list[Any], t1: int) -> None:
        """Report the long unit described by ``slot`` that ended at ``t1``."""
        self._finish(slot[0], t1, slot[1], self.blocked_ns - slot[2], None)

    @contextlib.contextmanager
    def blocking(self, call: str) -> Iterator[None]:
        """Mark a blocking wait (``sleep``, ``join``, ``get``…) on the GUI thread.

        Off the GUI thread it does nothing. Thread: any.
        """
        if threading.get_ident() != self._gui_ident:
            yield
            return
        previous = self._blocking
        self._blocking = call
        self._last_blocking = call
        start = time.perf_counter_ns()
        try:
            yield
        finally:
            self._blocking = previous
            if previous is None:
                self.blocked_ns += time.perf_counter_ns() - start

    # -- reports -------------------------------------------------------------

    def subscribe(self, listener: Callable[[StallReport], None]) -> None:
        """Call ``listener(report)`` for each stall. Thread: any."""
        with self._lock:
            self._listeners.append(listener)

    def reports(self) -> list[StallReport]:
        """Recent stall reports, oldest first. Thread: any."""
        with self._lock:
            return list(self._reports)

    def _remember(self, t0: int, t1: int) -> None:
        self._last_reported = (t0, t1)

    def _finish(
        self,
        t0: int,
        t1: int,
        subject: object,
        blocked: int,
        cpu: tuple[int, int] | None,
    ) -> None:
        self._remember(t0, t1)
        duration = t1 - t0
        with self._lock:
            samples = [s for s in self._samples if t0 <= s.t <= t1]
            stacks = [s for s in self._stacks if s[0] >= t0]
            self._stacks = [s for s in self._stacks if s[0] < t0]
        was_live = self._live_reported == t0
        self._live_reported = None
        level = self._level(duration)
        kind = _classify(duration, blocked, cpu, samples) or (
            f"blocking wait ({self._last_blocking})"
        )
        report = self._build(t0, duration, level, kind, subject, stacks, False)
        self._tracer.record(
            "X",
            self.gui_lane,
            "stall",
            f"{level}: {report.subject}",
            ts=t0,
            duration=duration,
            args={"kind": kind, "where": report.location, "live": was_live},
        )
        self._publish(report)

    def _level(self, duration: int) -> str:
        if duration >= self._nr_ns:
            return "not responding"
        if duration >= self._warn_ns:
            return "warning"
        return "long task"

    def _build(
        self,
        t0: int,
        duration: int,
        level: str,
        kind: str,
        subject: object,
        stacks: list[tuple[int, str, ScriptLocation | None]],
        ongoing: bool,
    ) -> StallReport:
        counts = collections.Counter(text for _, text, _ in stacks)
        places = collections.Counter(loc for _, _, loc in stacks if loc)
        location = places.most_common(1)[0][0] if places else _subject_location(subject)
        return StallReport(
            start_ns=t0,
            duration_ms=duration / 1e6,
            level=level,
            kind=kind,
            subject=_subject_name(subject),
            location=location,
            stacks=tuple(counts.most_common()),
            ongoing=ongoing,
        )

    def _publish(self, report: StallReport) -> None:
        with self._lock:
            self._reports.append(report)
            listeners = list(self._listeners)
        notify(listeners, report)

    # -- the sampler thread --------------------------------------------------

    def start_sampler(
        self, start_thread: Callable[[str, Callable[[], None]], object]
    ) -> None:
        """Start sampling with ``start_thread(name, target)``. Thread: GUI only."""
        start_thread("visionsim-stall-sampler", self._sample_loop)

    def stop_sampler(self) -> None:
        """Ask the sampler thread to stop. Thread: any."""
        self._stop.set()

    def _sample_loop(self) -> None:
        clock = _thread_cpu_clock(self._gui_ident)
        while not self._stop.wait(SAMPLE_PERIOD_S):
            self.sample_once(clock)

    def sample_once(self, clock: Callable[[], int] | None = None) -> None:
        """Take one sample of the GUI thread (the sampler calls this)."""
        now = time.perf_counter_ns()
        cpu = clock() if clock else 0
        sample = _Sample(now, cpu, time.process_time_ns(), self._blocking)
        with self._lock:
            self._samples.append(sample)
        units = self._units
        if not units:
            return
        try:
            t0, subject = units[0][:2]
        except IndexError:
            return
        elapsed = now - t0
        if elapsed >= self.long_ns * 0.8:
            self._sample_stack(t0, elapsed)
        if elapsed >= self._nr_ns and self._live_reported != t0:
            self._live_reported = t0
            with self._lock:
                stacks = [s for s in self._stacks if s[0] >= t0]
            kind = (
                f"blocking wait ({self._blocking})"
                if self._blocking
                else ("script work")
            )
            self._publish(
                self._build(t0, elapsed, "not responding", kind, subject, stacks, True)
            )

    def _sample_stack(self, t0: int, elapsed: int) -> None:
        with self._lock:
            taken = sum(1 for s in self._stacks if s[0] >= t0)
        if taken >= MAX_STACK_SAMPLES or (taken and elapsed < self._warn_ns * 0.8):
            return
        frame = sys._current_frames().get(self._gui_ident)
        text = sources.format_stack(frame)
        location = sources.stack_location(frame)
        del frame
        with self._lock:
            self._stacks.append((time.perf_counter_ns(), text, location))


def _classify(
    duration: int, blocked: int, cpu: tuple[int, int] | None, samples: list[_Sample]
) -> str | None:
    """The stall's kind; ``None`` means a blocking wait the samples missed.

    ``cpu`` is (GUI thread, whole process) CPU time over the unit, if measured;
    otherwise the sampler's readings give the same two numbers.
    """
    if blocked * 2 >= duration:
        calls = collections.Counter(s.blocking for s in samples if s.blocking)
        return f"blocking wait ({calls.most_common(1)[0][0]})" if calls else None
    busy = [s for s in samples if not s.blocking]
    if cpu is not None:
        wall, gui_cpu, all_cpu = max(1, duration - blocked), cpu[0], cpu[1]
    elif len(busy) >= 2 and busy[-1].t > busy[0].t and busy[-1].cpu:
        wall = busy[-1].t - busy[0].t
        gui_cpu = busy[-1].cpu - busy[0].cpu
        all_cpu = busy[-1].process_cpu - busy[0].process_cpu
    else:
        return "script work"
    if gui_cpu * 2 >= wall:
        return "script work"
    # The GUI thread was off the CPU without a blocking call. If the other
    # threads of this process were burning CPU meanwhile, they held the GIL:
    # for 30% of the time, or (on a machine busy with other processes, where
    # this process gets little CPU at all) at least twice the GUI thread's
    # share and 5% of the time.
    others = all_cpu - gui_cpu
    if others * 10 >= wall * 3 or (others >= 2 * gui_cpu and others * 20 >= wall):
        return "GIL contention"
    return "off-CPU wait"


def _thread_cpu_clock(ident: int) -> Callable[[], int] | None:
    try:
        clock_id = time.pthread_getcpuclockid(ident)
    except (AttributeError, OSError):
        return None
    return lambda: time.clock_gettime_ns(clock_id)


def _subject_name(subject: object) -> str:
    if isinstance(subject, str):
        return subject
    return getattr(subject, "__qualname__", None) or type(subject).__name__


def _subject_location(subject: object) -> ScriptLocation | None:
    code = getattr(subject, "__code__", None)
    if code is not None and sources.is_script(code.co_filename):
        return sources.ScriptLocation(code.co_filename, code.co_firstlineno)
    if isinstance(subject, str) and sources.is_script(subject):
        return sources.ScriptLocation(subject, 1)
    return None


def _indent(text: str, prefix: str) -> str:
    return "".join(prefix + line + "\n" for line in text.rstrip().splitlines())
