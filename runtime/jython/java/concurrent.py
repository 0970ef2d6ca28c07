"""``java.util.concurrent``: atomics, ``TimeUnit``, executors, latches.

Executors run their tasks as the scope's simulated threads
(:meth:`Workers.start`, like ``invokeAsynchronous``), so they are listed under
Running Scripts, traced on the timeline and interruptible; nothing here
creates a thread (STYLE.md section 2).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from visionsim.runtime import sources
from visionsim.runtime.jython.java.errors import (
    CancellationException,
    ExecutionException,
    IllegalArgumentException,
    RejectedExecutionException,
    TimeoutException,
    UnsupportedOperationException,
)
from visionsim.runtime.jython.java.maps import JavaMap
from visionsim.runtime.jython.java.thread import sleep_seconds

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime.ignition.services import ScopeServices
    from visionsim.runtime.workers import Task


class _Atomic:
    """A value behind a lock: ``get``, ``set``, ``compareAndSet``..."""

    _default: Any = 0

    def __init__(self, value: Any = None) -> None:
        self._value = self._default if value is None else value
        self._lock = threading.Lock()

    def get(self) -> Any:
        """The value."""
        return self._value

    def set(self, value: Any) -> None:
        """Set the value."""
        with self._lock:
            self._value = value

    def getAndSet(self, value: Any) -> Any:
        """Set; returns the old value."""
        with self._lock:
            old, self._value = self._value, value
            return old

    def compareAndSet(self, expected: Any, value: Any) -> bool:
        """Set only when the value is ``expected``; whether it did."""
        with self._lock:
            if self._value != expected:
                return False
            self._value = value
            return True

    def toString(self) -> str:
        """The value as Java prints it."""
        return str(self._value)

    def __str__(self) -> str:
        return self.toString()

    __repr__ = __str__
    lazySet = set


class AtomicInteger(_Atomic):
    """``java.util.concurrent.atomic.AtomicInteger`` (also ``AtomicLong``)."""

    def _add(self, delta: int, *, new: bool) -> int:
        with self._lock:
            old = self._value
            self._value = old + delta
            return int(self._value if new else old)

    def incrementAndGet(self) -> int:
        """Add one; returns the new value."""
        return self._add(1, new=True)

    def decrementAndGet(self) -> int:
        """Subtract one; returns the new value."""
        return self._add(-1, new=True)

    def getAndIncrement(self) -> int:
        """Add one; returns the old value."""
        return self._add(1, new=False)

    def getAndDecrement(self) -> int:
        """Subtract one; returns the old value."""
        return self._add(-1, new=False)

    def addAndGet(self, delta: int) -> int:
        """Add; returns the new value."""
        return self._add(delta, new=True)

    def getAndAdd(self, delta: int) -> int:
        """Add; returns the old value."""
        return self._add(delta, new=False)

    def intValue(self) -> int:
        """The value."""
        return int(self._value)

    longValue = intValue


class AtomicLong(AtomicInteger):
    """``java.util.concurrent.atomic.AtomicLong``."""


class AtomicBoolean(_Atomic):
    """``java.util.concurrent.atomic.AtomicBoolean``: prints ``true``/``false``."""

    _default = False

    def toString(self) -> str:
        """``true`` or ``false``."""
        return "true" if self._value else "false"


class AtomicReference(_Atomic):
    """``java.util.concurrent.atomic.AtomicReference``."""

    _default = None

    def compareAndSet(self, expected: Any, value: Any) -> bool:
        """Set only when the value *is* ``expected`` (identity)."""
        with self._lock:
            if self._value is not expected:
                return False
            self._value = value
            return True


_UNIT_NANOS = {
    "NANOSECONDS": 1,
    "MICROSECONDS": 1_000,
    "MILLISECONDS": 1_000_000,
    "SECONDS": 1_000_000_000,
    "MINUTES": 60_000_000_000,
    "HOURS": 3_600_000_000_000,
    "DAYS": 86_400_000_000_000,
}


class TimeUnit:
    """``java.util.concurrent.TimeUnit``: conversions (truncating, as Java)."""

    NANOSECONDS: TimeUnit
    MICROSECONDS: TimeUnit
    MILLISECONDS: TimeUnit
    SECONDS: TimeUnit
    MINUTES: TimeUnit
    HOURS: TimeUnit
    DAYS: TimeUnit

    def __init__(self, name: str) -> None:
        self._name = name
        self._nanos = _UNIT_NANOS[name]

    def __str__(self) -> str:
        return self._name

    __repr__ = __str__

    def _to(self, amount: int, unit: str) -> int:
        nanos = int(amount) * self._nanos
        whole = abs(nanos) // _UNIT_NANOS[unit]
        return whole if nanos >= 0 else -whole

    def toNanos(self, amount: int) -> int:
        """In nanoseconds."""
        return self._to(amount, "NANOSECONDS")

    def toMicros(self, amount: int) -> int:
        """In microseconds."""
        return self._to(amount, "MICROSECONDS")

    def toMillis(self, amount: int) -> int:
        """In milliseconds."""
        return self._to(amount, "MILLISECONDS")

    def toSeconds(self, amount: int) -> int:
        """In seconds."""
        return self._to(amount, "SECONDS")

    def toMinutes(self, amount: int) -> int:
        """In minutes."""
        return self._to(amount, "MINUTES")

    def toHours(self, amount: int) -> int:
        """In hours."""
        return self._to(amount, "HOURS")

    def toDays(self, amount: int) -> int:
        """In days."""
        return self._to(amount, "DAYS")

    def convert(self, amount: int, unit: TimeUnit) -> int:
        """``amount`` of ``unit`` in this unit."""
        return unit._to(amount, self._name)

    def name(self) -> str:
        """The constant's name."""
        return self._name

    def ordinal(self) -> int:
        """The constant's position."""
        return list(_UNIT_NANOS).index(self._name)

    @staticmethod
    def values() -> list[TimeUnit]:
        """Every unit, smallest first."""
        return [getattr(TimeUnit, name) for name in _UNIT_NANOS]

    @staticmethod
    def valueOf(name: str) -> TimeUnit:
        """The unit called ``name``."""
        unit = getattr(TimeUnit, str(name), None)
        if not isinstance(unit, TimeUnit):
            raise IllegalArgumentException(
                f"No enum constant java.util.concurrent.TimeUnit.{name}"
            )
        return unit

    def seconds(self, amount: float) -> float:
        """``amount`` of this unit in seconds (a float)."""
        return float(amount) * self._nanos / 1e9

    def sleep(self, amount: float) -> None:
        """Not bound to a scope: use ``Thread.sleep`` (raises)."""
        raise UnsupportedOperationException("use Thread.sleep in visionsim")


for _unit in _UNIT_NANOS:
    setattr(TimeUnit, _unit, TimeUnit(_unit))


class ConcurrentHashMap(JavaMap):
    """``java.util.concurrent.ConcurrentHashMap``: no null keys or values."""

    java_name = "java.util.concurrent.ConcurrentHashMap"
    _allows_null = False


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
