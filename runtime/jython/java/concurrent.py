"""``java.util.concurrent``: atomics, ``TimeUnit`` and ``ConcurrentHashMap``.

The executors and latches, which run on the scope's simulated threads, are in
:mod:`.executors`.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from visionsim.runtime.jython.java.errors import (
    IllegalArgumentException,
    UnsupportedOperationException,
)
from visionsim.runtime.jython.java.maps import JavaMap
from visionsim.runtime.jython.java.values import BeanProperties

if TYPE_CHECKING:
    from collections.abc import Callable


class _Atomic(BeanProperties):
    """A value behind ``_lock``: ``get``, ``set``, ``compareAndSet``... Thread: any."""

    _default: Any = 0

    def __init__(self, value: Any = None) -> None:
        self._value = self._default if value is None else value
        self._lock = threading.Lock()

    def get(self) -> Any:
        """The value."""
        return self._value

    getPlain = get

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
    """``java.util.concurrent.ConcurrentHashMap``: no null keys or values.

    ``_lock`` makes each change, and the check-then-act methods
    (``putIfAbsent``, ``computeIfAbsent``), atomic. Thread: any.
    """

    java_name = "java.util.concurrent.ConcurrentHashMap"
    _allows_null = False

    def __init__(self, initial: Any = None) -> None:
        self._lock = threading.RLock()
        super().__init__(initial)

    def put(self, key: Any, value: Any) -> Any:
        """Set ``key``; returns the previous value or None."""
        with self._lock:
            return super().put(key, value)

    def remove(self, key: object) -> Any:
        """Remove ``key``; returns its value or None."""
        with self._lock:
            return super().remove(key)

    def putIfAbsent(self, key: Any, value: Any) -> Any:
        """Set only when absent, atomically; returns the current value."""
        with self._lock:
            return super().putIfAbsent(key, value)

    def computeIfAbsent(self, key: Any, function: Callable[[Any], Any]) -> Any:
        """The value, computed and stored atomically when absent."""
        with self._lock:
            return super().computeIfAbsent(key, function)

    def clear(self) -> None:
        """Remove every entry."""
        with self._lock:
            super().clear()
