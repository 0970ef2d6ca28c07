"""``java.lang.Thread`` over the simulation's threads.

``from java.lang import Thread``, ``Thread.sleep(500)``,
``Thread(runnable).start()``: a started Thread is a simulated async thread
like ``invokeAsynchronous``'s, which returns a :class:`JavaThread` too.
"""

from __future__ import annotations

import enum
import threading
from typing import TYPE_CHECKING

# ``workers`` as a module: it imports this package's errors, so its names
# may not exist yet while this module loads.
from visionsim.runtime import context, sources, workers
from visionsim.runtime.jython.java import errors

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime.ignition.services import ScopeServices
    from visionsim.runtime.workers import Task


class ThreadState(enum.StrEnum):
    """``java.lang.Thread.State``; compares equal to its name as text."""

    NEW = "NEW"
    RUNNABLE = "RUNNABLE"
    BLOCKED = "BLOCKED"
    WAITING = "WAITING"
    TIMED_WAITING = "TIMED_WAITING"
    TERMINATED = "TERMINATED"


class JavaThread:
    """A simulated ``java.lang.Thread`` as scripts see it.

    Wraps an ``invokeAsynchronous`` task, or (for ``Thread.currentThread()``)
    the GUI or a gateway thread. Jython exposes getters as attributes, so
    ``t.name``, ``t.alive``, ``t.id``, ``t.state``, ``t.interrupted`` work.
    """

    State = ThreadState

    def __init__(
        self, ctx: context.ExecContext, task: Task | None, svc: ScopeServices
    ) -> None:
        self._ctx = ctx
        self._task = task
        self._svc = svc

    def __repr__(self) -> str:
        return f"Thread[{self._ctx.thread_name},5,main]"

    def getName(self) -> str:
        """The thread's name."""
        return self._ctx.thread_name

    def setName(self, name: str) -> None:
        """Rename the thread (also its timeline lane and Running Scripts row)."""
        self._ctx.thread_name = str(name)
        if self._task is not None:
            self._task.name = str(name)

    def getId(self) -> int:
        """The thread id."""
        return self._ctx.lane

    def isAlive(self) -> bool:
        """Whether the thread is still running."""
        return True if self._task is None else self._task.is_alive

    def isDaemon(self) -> bool:
        """Async script threads are daemon threads."""
        return self._task is not None

    def interrupt(self) -> None:
        """Set the interrupt flag; a sleep or join in that thread raises."""
        self._ctx.interrupted.set()

    def isInterrupted(self) -> bool:
        """The interrupt flag, left as it is."""
        return self._ctx.interrupted.is_set()

    def getState(self) -> ThreadState:
        """``RUNNABLE``, ``TIMED_WAITING``, ``WAITING`` or ``TERMINATED``.

        A started thread is ``RUNNABLE`` at once, as after Java's ``start()``.
        """
        task = self._task
        if task is None:
            return ThreadState.RUNNABLE
        if not task.is_alive:
            return ThreadState.TERMINATED
        if task.waiting:
            return ThreadState(task.waiting)
        return ThreadState.RUNNABLE

    def join(self, millis: float = 0) -> None:
        """Wait for the thread to end (``millis`` 0 = forever), like Java.

        On the GUI thread this blocks the GUI, and the stall monitor says so.
        """
        if self._task is None:
            return
        caller = _current_task_state(self._svc)
        timeout = None if millis <= 0 else millis / 1000.0
        with self._svc.stall.blocking("join"), caller("WAITING"):
            self._task.join(timeout)

    name = property(getName, setName)
    id = property(getId)
    alive = property(isAlive)
    daemon = property(isDaemon)
    state = property(getState)


class _Waiting:
    """Marks the calling task as waiting while a blocking call runs."""

    def __init__(self, task: Task | None, state: str) -> None:
        self._task = task
        self._state = state

    def __enter__(self) -> None:
        if self._task is not None:
            self._task.waiting = self._state

    def __exit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.waiting = None


def _current_task_state(svc: ScopeServices) -> Callable[[str], _Waiting]:
    task = svc.workers.get(context.current().lane)
    return lambda state: _Waiting(task, state)


def sleep_seconds(svc: ScopeServices, seconds: float) -> None:
    """Sleep as the calling simulated thread: interruptible, stall-visible."""
    waiting = _current_task_state(svc)
    with svc.stall.blocking("sleep"), waiting("TIMED_WAITING"):
        workers.interruptible_sleep(min(seconds, threading.TIMEOUT_MAX))


class Thread(JavaThread):
    """``java.lang.Thread``: ``Thread(runnable).start()`` and the statics.

    A started Thread is a simulated async thread like invokeAsynchronous's
    (listed under Running Scripts, on the timeline, interruptible). Each scope
    has its own subclass (:func:`thread_class`) that knows its services.
    """

    _svc: ScopeServices  # set per scope by thread_class

    def __init__(self, target: object = None, name: str | None = None) -> None:
        if isinstance(target, str) and name is None:  # Thread(String name)
            target, name = None, target
        self._target = target
        self._start_name = name
        placeholder = context.ExecContext(0, name or "Thread-?", self._svc.kind)
        super().__init__(placeholder, None, self._svc)

    def run(self) -> None:
        """What the thread runs: the target's ``run`` (or the target)."""
        target = self._target
        if target is not None:
            run = getattr(target, "run", target)
            if not callable(run):
                raise TypeError("Thread target must be a Runnable or callable")
            run()

    def start(self) -> None:
        """Start ``run()`` on a new simulated thread."""
        if self._task is not None:
            raise errors.IllegalStateException("Thread already started")
        task = self._svc.workers.start(
            self.run, (), None, self._start_name, sources.capture_origin(1)
        )
        self._ctx, self._task = task.ctx, task
        if self._start_name:
            self.setName(self._start_name)

    @classmethod
    def currentThread(cls) -> JavaThread:
        """The calling thread."""
        ctx = context.current()
        return JavaThread(ctx, cls._svc.workers.get(ctx.lane), cls._svc)

    @staticmethod
    def interrupted() -> bool:
        """Whether the current thread was interrupted; clears the flag."""
        flag = context.current().interrupted
        was = flag.is_set()
        flag.clear()
        return was

    @classmethod
    def sleep(cls, millis: float) -> None:
        """Sleep ``millis`` ms: interruptible, visible to the stall monitor."""
        sleep_seconds(cls._svc, min(millis / 1000.0, threading.TIMEOUT_MAX))


def thread_class(svc: ScopeServices) -> type[Thread]:
    """``java.lang.Thread`` bound to one scope."""
    return type("Thread", (Thread,), {"_svc": svc})
