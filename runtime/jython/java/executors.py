"""``java.util.concurrent`` executors and latches over the scope's simulated threads.

Executors run their tasks as the scope's simulated threads
(:meth:`Workers.start`, like ``invokeAsynchronous``), so they are listed under
Running Scripts, traced on the timeline and interruptible; nothing here
creates a thread (STYLE.md section 2).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from visionsim.runtime import sources
from visionsim.runtime.jython.java.concurrent import TimeUnit
from visionsim.runtime.jython.java.errors import (
    CancellationException,
    ExecutionException,
    RejectedExecutionException,
    TimeoutException,
)
from visionsim.runtime.jython.java.thread import sleep_seconds

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime.ignition.services import ScopeServices
    from visionsim.runtime.workers import Task


class Future:
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


class ExecutorService:
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


def executors_class(svc: ScopeServices) -> type:
    """``java.util.concurrent.Executors`` for one scope."""

    class Executors:
        """``Executors.newFixedThreadPool(n)`` and friends (thread per task)."""

        @staticmethod
        def newFixedThreadPool(n: int) -> ExecutorService:
            return ExecutorService(svc)

        @staticmethod
        def newCachedThreadPool() -> ExecutorService:
            return ExecutorService(svc)

        @staticmethod
        def newSingleThreadExecutor() -> ExecutorService:
            return ExecutorService(svc)

    return Executors


def latch_class(svc: ScopeServices) -> type:
    """``java.util.concurrent.CountDownLatch`` for one scope."""

    class CountDownLatch:
        """``countDown()`` and ``await()``; the wait is interruptible."""

        def __init__(self, count: int) -> None:
            self._count = int(count)
            self._lock = threading.Lock()

        def countDown(self) -> None:
            with self._lock:
                self._count = max(self._count - 1, 0)

        def getCount(self) -> int:
            return self._count

        def await_(self, timeout: float | None = None, unit: Any = None) -> bool:
            """Wait until the count is zero (``await`` in Java)."""
            step = 0.005
            waited = 0.0
            limit = (
                None
                if timeout is None
                else (unit or TimeUnit.MILLISECONDS).seconds(timeout)
            )
            while self._count > 0:
                if limit is not None and waited >= limit:
                    return False
                sleep_seconds(svc, step)
                waited += step
            return True

        def toString(self) -> str:
            name = f"java.util.concurrent.CountDownLatch@{id(self) & 0xFFFFFFF:x}"
            return f"{name}[Count = {self._count}]"

        __str__ = toString

    setattr(CountDownLatch, "await", CountDownLatch.await_)
    return CountDownLatch
