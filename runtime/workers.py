"""Worker threads: ``invokeAsynchronous`` tasks, helper threads and the timer thread.

This module and :mod:`runtime.dispatch` are the only places that create or
touch threads. :class:`Workers` runs each task at once on a dedicated
``QThreadPool`` with a high thread limit, which gives Ignition's thread-per-call
behaviour (the global pool has one thread per core, so a third waiting task
would queue). Every running task sits in a registry (the Running Scripts list)
until it ends; its uncaught exception goes to the error sink with the stack it
was started from. Cancellation is cooperative: ``interrupt`` sets a flag that
:meth:`Task.sleep` and :meth:`Task.join` honour; no thread is ever killed.
:class:`TimerThread` runs deadlines (request timeouts, the runner's watchdog)
without depending on the GUI event loop.

``_lock`` in :class:`Workers` protects the registry; ``_cond`` in
:class:`TimerThread` protects its heap.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import math
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QThreadPool

from visionsim.runtime import context
from visionsim.runtime.jython.java.errors import InterruptedException

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime.activity import Activity
    from visionsim.runtime.errors import ErrorSink
    from visionsim.runtime.sources import Origin
    from visionsim.runtime.trace import Tracer

MAX_THREADS = 1024
_JOIN_SLICE_S = 0.02
_thread_ids = itertools.count(100)  # Java thread ids are JVM-wide


def new_pool() -> QThreadPool:
    """A fresh pool for one scope's threads (never Qt's 2-thread global pool)."""
    pool = QThreadPool()
    pool.setMaxThreadCount(MAX_THREADS)
    return pool


def next_thread_id() -> int:
    """A fresh simulated Java thread id (also the task's timeline lane)."""
    return next(_thread_ids)


@dataclass(eq=False)
class Task:
    """One ``invokeAsynchronous`` call: a simulated Java thread.

    Thread: any (every method).
    """

    id: int
    name: str
    description: str | None
    ctx: context.ExecContext
    started_at: float = 0.0
    is_started: bool = False
    _done: context.Flag = field(default_factory=context.Flag)
    terminated: bool = False
    waiting: str | None = None
    #: Set when the function returned or raised, before the task stops
    #: counting as activity: whoever saw the simulation idle sees it ended.
    ended: bool = False

    @property
    def is_alive(self) -> bool:
        """True from start until the function returned or raised."""
        return not self.ended

    @property
    def elapsed(self) -> float:
        """Seconds since the task was started."""
        return time.time() - self.started_at

    @property
    def is_interrupted(self) -> bool:
        """The interrupt flag (Java ``isInterrupted()``)."""
        return self.ctx.interrupted.is_set()

    def interrupt(self) -> None:
        """Set the interrupt flag; a sleep or join in the task then raises."""
        self.ctx.interrupted.set()

    def join(self, timeout: float | None = None) -> bool:
        """Wait until the task ends; returns whether it did.

        Raises :class:`InterruptedException` when the *calling* task is
        interrupted meanwhile, as Java's ``Thread.join`` does.
        """
        caller = context.current()
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = (
                _JOIN_SLICE_S
                if deadline is None
                else min(_JOIN_SLICE_S, deadline - time.monotonic())
            )
            if self._done.wait(max(0.0, left)):
                return True
            if caller.interrupted.is_set():
                caller.interrupted.clear()
                raise InterruptedException("join interrupted")
            if deadline is not None and time.monotonic() >= deadline:
                return False

    def wait_done(self, timeout: float | None = None) -> bool:
        """Wait for the end without interrupt handling (for the simulation)."""
        return self._done.wait(timeout)


def interruptible_sleep(seconds: float) -> None:
    """Sleep in the calling simulated thread, waking early on interrupt.

    Raises :class:`InterruptedException` (and clears the flag) when the thread
    is interrupted, like Java's ``Thread.sleep``. Thread: any.
    """
    flag = context.current().interrupted
    if flag.wait(max(0.0, seconds)):
        flag.clear()
        raise InterruptedException("sleep interrupted")


class Workers:
    """Runs ``invokeAsynchronous`` tasks for one scope (a client or a gateway).

    Parameters
    ----------
    pool
        The thread pool to run on; tests inject a fresh one. Its thread limit
        is raised to :data:`MAX_THREADS` (thread-per-call).
    activity, errors, tracer
        Idle counting, the error sink and the timeline.
    process, scope
        Timeline process name (``"Client 3f2a…"``) and ``"client"``/``"gateway"``.
    thread_prefix
        Task threads are named ``<prefix>-<id>`` (Java's default is ``Thread``).
    """

    def __init__(
        self,
        pool: QThreadPool,
        activity: Activity,
        errors: ErrorSink,
        tracer: Tracer,
        *,
        process: str,
        scope: str,
        thread_prefix: str = "Thread",
    ) -> None:
        pool.setMaxThreadCount(max(pool.maxThreadCount(), MAX_THREADS))
        self._pool = pool
        self._activity = activity
        self._errors = errors
        self._tracer = tracer
        self._process = process
        self._scope = scope
        self._thread_prefix = thread_prefix
        self._lock = threading.Lock()
        self._running: dict[int, Task] = {}
        self._accepting = True
        self._warned_full = False

    @property
    def pool(self) -> QThreadPool:
        """The pool tasks run on."""
        return self._pool

    def start(
        self,
        fn: Callable[..., object],
        args: tuple[Any, ...] = (),
        kwargs: dict[str, Any] | None = None,
        description: str | None = None,
        origin: Origin | None = None,
        *,
        source: str = "invokeAsynchronous",
    ) -> Task:
        """Start ``fn(*args, **kwargs)`` on a new simulated thread at once.

        Thread: any.
        """
        if not self._accepting:
            raise RuntimeError("the simulation is shutting down")
        if len(self._running) >= MAX_THREADS and not self._warned_full:
            self._warned_full = True
            self._errors.report_exception(
                RuntimeError(
                    f"{MAX_THREADS} async tasks are running: further "
                    "invokeAsynchronous calls wait for a free thread (Ignition "
                    "would start a new thread for each)"
                ),
                "invokeAsynchronous",
                handled=True,
            )
        tid = next_thread_id()
        name = f"{self._thread_prefix}-{tid}"
        ctx = context.ExecContext(tid, name, self._scope, description, origin)
        task = Task(tid, name, description, ctx, started_at=time.time())
        label = f"{name}: {description}" if description else name
        self._tracer.name_lane(tid, self._process, label)
        self._activity.add()
        with self._lock:
            self._running[tid] = task
        kw = kwargs or {}

        def run() -> None:
            self._run(task, fn, args, kw, source)

        self._pool.start(run)
        return task

    def _run(
        self,
        task: Task,
        fn: Callable[..., object],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        source: str,
    ) -> None:
        context.bind(task.ctx)
        task.is_started = True
        tracer = self._tracer
        # A script run (a gateway startup script…) is named by its description.
        label = (
            task.description
            if source == "script" and task.description
            else (fn_name(fn))
        )
        tracer.record("B", task.id, "task", label)
        try:
            fn(*args, **kwargs)
        except BaseException as exc:  # a script's SystemExit is an error too
            # A terminated task ending in InterruptedException is the cancel
            # working; any other uncaught exception (as in Java, an uncaught
            # InterruptedException too) is an error.
            if not (task.terminated and isinstance(exc, InterruptedException)):
                self._errors.report_exception(exc, source, task.ctx.started_from)
        finally:
            tracer.record("E", task.id, "task", label)
            with self._lock:
                self._running.pop(task.id, None)
            context.bind(None)
            task.ended = True
            # Idle first: whoever join()s this task then sees it accounted for.
            self._activity.done()
            task._done.set()

    def running(self) -> list[Task]:
        """The Running Scripts list: tasks started and not yet ended."""
        with self._lock:
            return list(self._running.values())

    def get(self, task_id: int) -> Task | None:
        """The running task with this id, if any."""
        with self._lock:
            return self._running.get(task_id)

    def terminate(self, task_id: int) -> bool:
        """Cooperatively terminate a task (interrupt it); False if not running."""
        task = self.get(task_id)
        if task is None:
            return False
        task.terminated = True
        task.ctx.terminated = True
        task.interrupt()
        return True

    def shutdown(self, timeout: float) -> bool:
        """Stop accepting tasks, interrupt all, wait up to ``timeout`` seconds.

        Returns whether every task ended. Thread: any.
        """
        self._accepting = False
        for task in self.running():
            task.terminated = True
            task.ctx.terminated = True
            task.interrupt()
        return self._pool.waitForDone(int(timeout * 1000))


class FifoPool:
    """A fixed number of threads running jobs in submission order.

    Message handlers run on these: a gateway's Shared pool (several threads,
    so a slow handler holds one and the rest queue once all are busy), a
    Dedicated handler's own thread (size 1: strict FIFO), a client's shared
    background thread. Each pool thread keeps one simulated identity
    (``<name>-<n>``, its own timeline lane) for its whole life. A job counts
    as activity from submission until it has run.

    Parameters
    ----------
    name
        Thread name prefix, e.g. ``gateway-local-shared``.
    size
        How many threads run jobs at once.
    activity, errors, tracer
        Idle counting, the error sink (for a job that raises) and timeline.
    process, scope
        Timeline process name and ``"client"``/``"gateway"``.
    """

    def __init__(
        self,
        name: str,
        size: int,
        activity: Activity,
        errors: ErrorSink,
        tracer: Tracer,
        *,
        process: str,
        scope: str,
    ) -> None:
        self.name = name
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(max(1, size))
        self._pool.setExpiryTimeout(-1)  # keep threads (and their names) for good
        self._activity = activity
        self._errors = errors
        self._tracer = tracer
        self._process = process
        self._scope = scope
        # PySide6 runs each job with a fresh Python thread state, so a
        # threading.local would forget a pool thread's identity between jobs:
        # key it by the OS thread instead.
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()
        self._contexts: dict[int, context.ExecContext] = {}
        # Jobs submitted and not yet started, one token each: shutdown()
        # drops (and uncounts) exactly these, even one a thread is about to
        # start. Set add/remove/pop and deque append/pop are atomic under
        # the GIL, so no lock is handed between the submitter and the pool
        # threads for every job (bench/requests.py).
        self._pending: set[object] = set()
        self._running: deque[None] = deque()
        self._run_job = self._run  # bound once, not per job

    @property
    def size(self) -> int:
        """How many threads run jobs at once."""
        return self._pool.maxThreadCount()

    @property
    def queued(self) -> int:
        """Jobs waiting for a free thread. Thread: any."""
        return len(self._pending)

    @property
    def running(self) -> int:
        """Jobs running now. Thread: any."""
        return len(self._running)

    def submit(self, job: Callable[[], object], source: str = "handler") -> None:
        """Queue ``job()``; it starts when a thread is free, in FIFO order."""
        self._activity.add()
        token = object()
        self._pending.add(token)
        self._pool.start(partial(self._run_job, job, source, token))  # fewer GC objects

    def _run(self, job: Callable[[], object], source: str, token: object) -> None:
        try:
            self._pending.remove(token)
        except KeyError:
            return  # dropped (and uncounted) by shutdown() as a thread took it
        ident = threading.get_ident()
        ctx = self._contexts.get(ident)
        if ctx is None:
            lane = next_thread_id()
            ctx = context.ExecContext(
                lane, f"{self.name}-{next(self._numbers)}", self._scope
            )
            with self._lock:
                self._contexts[ident] = ctx
            self._tracer.name_lane(lane, self._process, ctx.thread_name)
        context.bind(ctx)
        self._running.append(None)
        try:
            job()
        except BaseException as exc:
            if not (ctx.terminated and isinstance(exc, InterruptedException)):
                self._errors.report_exception(exc, source)
        finally:
            self._running.pop()
            self._activity.done()

    def shutdown(self, timeout: float) -> bool:
        """Drop queued jobs, interrupt running ones, wait up to ``timeout`` s."""
        self._pool.clear()
        dropped = 0
        while True:  # each token is taken once: here, or by the job's thread
            try:
                self._pending.pop()
            except KeyError:
                break
            dropped += 1
        with self._lock:
            contexts = list(self._contexts.values())
        for ctx in contexts:
            ctx.terminated = True
            ctx.interrupted.set()
        if dropped:
            self._activity.done(dropped)
        return self._pool.waitForDone(int(timeout * 1000))


def fn_name(fn: Callable[..., object]) -> str:
    """A readable name for a callable (for timelines and reports)."""
    return getattr(fn, "__qualname__", None) or type(fn).__name__


def start_daemon_thread(name: str, target: Callable[[], None]) -> threading.Thread:
    """Start a helper thread that never holds up interpreter exit."""
    thread = threading.Thread(target=target, name=name, daemon=True)
    thread.start()
    return thread


class TimerHandle:
    """A scheduled timer callback; :meth:`cancel` stops it if not yet run."""

    __slots__ = ("cancelled", "deadline", "fn")

    def __init__(self, deadline: float, fn: Callable[[], object]) -> None:
        self.deadline = deadline
        self.fn: Callable[[], object] | None = fn
        self.cancelled = False

    def __lt__(self, other: TimerHandle) -> bool:
        return self.deadline < other.deadline

    def cancel(self) -> None:
        """Do not run the callback. Thread: any.

        Drops the callback at once, so what it refers to (a request, say) is
        not kept alive until the deadline passes.
        """
        self.cancelled = True
        self.fn = None


#: The longest single wait of the timer thread: far-off deadlines re-wait.
_MAX_WAIT_S = 3600.0


def _last_resort(message: str) -> None:
    """Say what went wrong on the real stderr, where nothing else can."""
    stream = sys.__stderr__
    if stream is not None:
        with contextlib.suppress(Exception):
            stream.write(f"visionsim: {message}\n")


class TimerThread:
    """One daemon thread that runs callbacks at monotonic deadlines.

    Independent of any Qt event loop, so a deadline still passes while the GUI
    thread is blocked. Callbacks must be short and never raise.
    """

    def __init__(self, name: str = "visionsim-timer") -> None:
        self._cond = threading.Condition()
        # (deadline, seq, handle): compared in C, not by a Python __lt__ (a
        # push into a heap of thousands of cancelled request timeouts made a
        # dozen Python calls per request).
        self._heap: list[tuple[float, int, TimerHandle]] = []
        self._seq = itertools.count()
        self._compact_at = 4096
        self._stopped = False
        start_daemon_thread(name, self._loop)

    def call_at(self, deadline: float, fn: Callable[[], object]) -> TimerHandle:
        """Run ``fn`` on the timer thread at ``time.monotonic() >= deadline``.

        Any float is safe: a NaN or infinite deadline never comes, and a
        far-off one is waited for in bounded steps (a lock's timeout cannot
        exceed ``threading.TIMEOUT_MAX``; one that did once killed this
        thread, and every request timeout of the session with it).
        """
        if not deadline < math.inf:  # NaN compares false: never, like +inf
            deadline = math.inf
        handle = TimerHandle(deadline, fn)
        with self._cond:
            if len(self._heap) > self._compact_at:
                # Cancelled timeouts of finished requests pile up until their
                # deadline; drop them once the heap doubles.
                self._heap = [e for e in self._heap if not e[2].cancelled]
                heapq.heapify(self._heap)
                self._compact_at = max(4096, 2 * len(self._heap))
            heapq.heappush(self._heap, (deadline, next(self._seq), handle))
            if self._heap[0][2] is handle:  # only an earlier deadline needs a wake
                self._cond.notify()
        return handle

    def call_later(self, seconds: float, fn: Callable[[], object]) -> TimerHandle:
        """Run ``fn`` on the timer thread after ``seconds``."""
        return self.call_at(time.monotonic() + seconds, fn)

    def stop(self) -> None:
        """End the thread; pending callbacks never run."""
        with self._cond:
            self._stopped = True
            self._cond.notify()

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._stopped:
                    if self._heap and self._heap[0][2].cancelled:
                        heapq.heappop(self._heap)
                        continue
                    now = time.monotonic()
                    if self._heap and self._heap[0][0] <= now:
                        break
                    wait = self._heap[0][0] - now if self._heap else None
                    self._cond.wait(None if wait is None else min(wait, _MAX_WAIT_S))
                if self._stopped:
                    return
                handle = heapq.heappop(self._heap)[2]
            fn = handle.fn
            if fn is not None and not handle.cancelled:
                try:
                    fn()
                except BaseException as exc:  # a bug; keep the thread alive
                    _last_resort(f"a timer callback failed: {exc!r}")
