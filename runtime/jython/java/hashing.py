"""Java's ``HashMap`` iteration order, reproduced over a Python dict.

A ``HashMap`` iterates bucket by bucket: bucket ``(h ^ h >>> 16) & (n - 1)``
of a table of ``n`` (a power of two, doubled when more than three quarters
full), and within a bucket in insertion order (a resize splits each bucket
keeping that order). So the order is: sort by bucket, stable over insertion
order. Scripts print maps and sets, and Jython prints them in this order.
(Buckets of eight or more colliding keys become trees in Java; their order
is not reproduced.)
"""

from __future__ import annotations

from typing import Any

from visionsim.runtime.jython.java.values import hash_code

DEFAULT_CAPACITY = 16
LOAD_FACTOR = 0.75


def table_size_for(capacity: int) -> int:
    """The power of two Java rounds an initial capacity up to."""
    size = 1
    while size < capacity:
        size *= 2
    return size


def spread(key: object) -> int:
    """Java's ``HashMap.hash``: the hash with its high bits folded in."""
    h = hash_code(key) & 0xFFFFFFFF
    return h ^ (h >> 16)


class HashTable:
    """Keys and values with Java's iteration order (or insertion order).

    Parameters
    ----------
    capacity
        Java's initial capacity (``None``: the default 16).
    ordered
        Insertion order (``LinkedHashMap``) instead of hash order.
    """

    MISSING: Any = object()

    def __init__(self, capacity: int | None = None, *, ordered: bool = False) -> None:
        self._data: dict[Any, Any] = {}
        self._capacity = (
            DEFAULT_CAPACITY if capacity is None else table_size_for(capacity)
        )
        self._ordered = ordered
        self._order: list[Any] | None = None

    def __len__(self) -> int:
        return len(self._data)

    def contains(self, key: object) -> bool:
        """Whether ``key`` is present."""
        return key in self._data

    def get(self, key: object, default: Any = None) -> Any:
        """The value for ``key`` or ``default``."""
        return self._data.get(key, default)

    def put(self, key: Any, value: Any) -> Any:
        """Set ``key``; returns the old value or :attr:`MISSING`."""
        old = self._data.get(key, self.MISSING)
        self._data[key] = value
        if old is self.MISSING:
            self._order = None
            if len(self._data) > self._capacity * LOAD_FACTOR:
                self._capacity *= 2
        return old

    def remove(self, key: object) -> Any:
        """Remove ``key``; returns its value or :attr:`MISSING`."""
        old = self._data.pop(key, self.MISSING)
        if old is not self.MISSING:
            self._order = None
        return old

    def clear(self) -> None:
        """Remove everything (the table keeps its size, as in Java)."""
        self._data.clear()
        self._order = None

    def keys(self) -> list[Any]:
        """The keys in iteration order."""
        if self._order is None:
            keys = list(self._data)
            if not self._ordered:
                mask = self._capacity - 1
                keys.sort(key=lambda k: spread(k) & mask)
            self._order = keys
        return list(self._order)

    def items(self) -> list[tuple[Any, Any]]:
        """``(key, value)`` pairs in iteration order."""
        return [(k, self._data[k]) for k in self.keys()]

    def values(self) -> list[Any]:
        """The values in iteration order."""
        return [self._data[k] for k in self.keys()]
