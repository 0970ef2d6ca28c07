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


class _Boxed:
    """A number as Java boxes it: ``True``, ``1`` and ``1.0`` are three keys."""

    __slots__ = ("_kind", "_value")

    def __init__(self, value: bool | int | float) -> None:
        self._kind = type(value)
        self._value = value

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, _Boxed)
            and other._kind is self._kind
            and other._value == self._value
        )

    def __hash__(self) -> int:
        return hash((self._kind, self._value))


def _dict_key(key: Any) -> Any:
    return _Boxed(key) if isinstance(key, int | float) else key


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
        self._data: dict[Any, tuple[Any, Any]] = {}  # dict key -> (key, value)
        self._capacity = (
            DEFAULT_CAPACITY if capacity is None else table_size_for(capacity)
        )
        self._ordered = ordered
        self._order: list[Any] | None = None

    def __len__(self) -> int:
        return len(self._data)

    def contains(self, key: object) -> bool:
        """Whether ``key`` is present."""
        return _dict_key(key) in self._data

    def get(self, key: object, default: Any = None) -> Any:
        """The value for ``key`` or ``default``."""
        entry = self._data.get(_dict_key(key))
        return default if entry is None else entry[1]

    def put(self, key: Any, value: Any) -> Any:
        """Set ``key``; returns the old value or :attr:`MISSING`."""
        dict_key = _dict_key(key)
        entry = self._data.get(dict_key)
        old = self.MISSING if entry is None else entry[1]
        self._data[dict_key] = (key if entry is None else entry[0], value)
        if old is self.MISSING:
            self._order = None
            if len(self._data) > self._capacity * LOAD_FACTOR:
                self._capacity *= 2
        return old

    def remove(self, key: object) -> Any:
        """Remove ``key``; returns its value or :attr:`MISSING`."""
        entry = self._data.pop(_dict_key(key), None)
        if entry is None:
            return self.MISSING
        self._order = None
        return entry[1]

    def clear(self) -> None:
        """Remove everything (the table keeps its size, as in Java)."""
        self._data.clear()
        self._order = None

    def keys(self) -> list[Any]:
        """The keys in iteration order."""
        if self._order is None:
            keys = [key for key, _ in self._data.values()]
            if not self._ordered:
                mask = self._capacity - 1
                keys.sort(key=lambda k: spread(k) & mask)
            self._order = keys
        return list(self._order)

    def items(self) -> list[tuple[Any, Any]]:
        """``(key, value)`` pairs in iteration order."""
        return [(k, self.get(k)) for k in self.keys()]

    def values(self) -> list[Any]:
        """The values in iteration order."""
        return [self.get(k) for k in self.keys()]
