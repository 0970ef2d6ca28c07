"""``java.util.concurrent`` executors and latches over the scope's simulated threads.

Executors run their tasks as the scope's simulated threads
(:meth:`Workers.start`, like ``invokeAsynchronous``), so they are listed under
Running Scripts, traced on the timeline and interruptible; nothing here
creates a thread (STYLE.md section 2).
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any

from visionsim.runtime import context, sources
from visionsim.runtime.context import Flag
from visionsim.runtime.jython.java.concurrent import TimeUnit
from visionsim.runtime.jython.java.errors import (
    CancellationException,
    ExecutionException,
    InterruptedException,
    RejectedExecutionException,
    TimeoutException,
)
from visionsim.runtime.jython.java.values import BeanProperties

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime.ignition.services import ScopeServices
    from visionsim.runtime.workers import Task


class Future(BeanProperties):
    """What ``submit`` returns: ``get``, ``isDone``, ``cancel``."""

    def __init__(self, task: Task, result: list[Any], error: list[BaseException]):
        self._task = task
        self._result = result
        self._error = error
        self._cancelled = False

    def get(self, timeout: float | None = None, unit: TimeUnit | None = None) -> Any:
        """Wait for the result (ExecutionException carries the task's error)."""
        seconds = (
            None
            if timeout is None
            else (unit or TimeUnit.MILLISECONDS).seconds(timeout)
        )
        self._task.join(seconds)
        if self._cancelled:
            raise CancellationException()
        if self._task.is_alive:
            raise TimeoutException()
        if self._error:
            raise ExecutionException(self._error[0])
        return self._result[0] if self._result else None

    def isDone(self) -> bool:
        """Whether the task has ended."""
        return not self._task.is_alive

    def cancel(self, may_interrupt: bool = True) -> bool:
        """Interrupt the task (cooperatively); whether it was still running."""
        if not self._task.is_alive:
            return False
        self._cancelled = True
        if may_interrupt:
            self._task.ctx.interrupted.set()
        return True

    def isCancelled(self) -> bool:
        """Whether ``cancel`` stopped it."""
        return self._cancelled


class ExecutorService(BeanProperties):
    """An executor whose tasks are the scope's simulated threads."""

    def __init__(self, svc: ScopeServices) -> None:
        self._svc = svc
        self._tasks: list[Task] = []
        self._shutdown = False

    def submit(self, job: object) -> Future:
        """Run a Runnable, Callable or function; returns its :class:`Future`."""
        if self._shutdown:
            raise RejectedExecutionException("executor has been shut down")
        fn = _callable_of(job)
        result: list[Any] = []
        error: list[BaseException] = []

        def run() -> None:
            try:
                result.append(fn())
            except BaseException as exc:  # delivered through Future.get
                error.append(exc)

        task = self._svc.workers.start(run, (), None, None, sources.capture_origin(1))
        self._tasks.append(task)
        return Future(task, result, error)

    def execute(self, job: object) -> None:
        """Run a Runnable; an uncaught error is reported like any thread's."""
        if self._shutdown:
            raise RejectedExecutionException("executor has been shut down")
        task = self._svc.workers.start(
            _callable_of(job), (), None, None, sources.capture_origin(1)
        )
        self._tasks.append(task)

    def shutdown(self) -> None:
        """Accept no more tasks."""
        self._shutdown = True

    def shutdownNow(self) -> list[object]:
        """Stop accepting and interrupt the running tasks."""
        self._shutdown = True
        for task in self._tasks:
            task.ctx.interrupted.set()
        return []

    def isShutdown(self) -> bool:
        """Whether ``shutdown`` was called."""
        return self._shutdown

    def awaitTermination(self, timeout: float, unit: TimeUnit) -> bool:
        """Wait for every task; whether they all ended in time."""
        seconds = unit.seconds(timeout)
        for task in self._tasks:
            task.join(seconds)
        return not any(t.is_alive for t in self._tasks)


def _callable_of(job: object) -> Callable[[], Any]:
    for name in ("call", "run"):
        method = getattr(job, name, None)
        if callable(method):
            return method  # type: ignore[no-any-return]
    if callable(job):
        return job
    raise TypeError("expected a Runnable, a Callable or a function")


class Executors:
    """``java.util.concurrent.Executors`` of one scope (a thread per task)."""

    def __init__(self, svc: ScopeServices) -> None:
        self._svc = svc

    def newFixedThreadPool(self, n: int) -> ExecutorService:
        """An executor (each task still gets its own simulated thread)."""
        return ExecutorService(self._svc)

    def newCachedThreadPool(self) -> ExecutorService:
        """An executor."""
        return ExecutorService(self._svc)

    def newSingleThreadExecutor(self) -> ExecutorService:
        """An executor (tasks are not serialised here)."""
        return ExecutorService(self._svc)


class CountDownLatch(BeanProperties):
    """``java.util.concurrent.CountDownLatch``: ``countDown()`` and ``await()``.

    ``_lock`` protects the count. The wait is interruptible and visible to
    the stall monitor; ``await`` is a Python 3 keyword, so it is also
    ``await_``. Thread: any.
    """

    _svc: ScopeServices  # set per scope by latch_class

    def __init__(self, count: int) -> None:
        self._count = int(count)
        self._lock = threading.Lock()
        self._zero = Flag()
        if self._count <= 0:
            self._zero.set()

    def countDown(self) -> None:
        """One less; at zero the waiters go on."""
        with self._lock:
            self._count = max(self._count - 1, 0)
            if self._count == 0:
                self._zero.set()

    def getCount(self) -> int:
        """The count."""
        return self._count

    def await_(self, timeout: float | None = None, unit: Any = None) -> bool:
        """Wait for zero (or the timeout): whether it reached zero."""
        seconds = (
            None
            if timeout is None
            else (unit or TimeUnit.MILLISECONDS).seconds(timeout)
        )
        deadline = None if seconds is None else time.monotonic() + seconds
        interrupted = context.current().interrupted
        with self._svc.stall.blocking("await"):
            while not self._zero.wait(_SLICE_S):
                if interrupted.is_set():
                    interrupted.clear()
                    raise InterruptedException()
                if deadline is not None and time.monotonic() >= deadline:
                    return False
        return True

    def toString(self) -> str:
        """``java.util.concurrent.CountDownLatch@...[Count = n]``."""
        name = f"java.util.concurrent.CountDownLatch@{id(self) & 0xFFFFFFF:x}"
        return f"{name}[Count = {self._count}]"

    __str__ = toString


setattr(CountDownLatch, "await", CountDownLatch.await_)
_SLICE_S = 0.02


def latch_class(svc: ScopeServices) -> type[CountDownLatch]:
    """``CountDownLatch`` bound to one scope (for its stall monitor)."""
    return type("CountDownLatch", (CountDownLatch,), {"_svc": svc})
