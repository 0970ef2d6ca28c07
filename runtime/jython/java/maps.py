"""``java.util`` maps as Jython shows them to scripts.

Jython gives a Java map the Python dict protocol (``m[k]``, ``k in m``,
``for k in m``, ``len``, ``keys()``, ``items()``, ``has_key``) and prints it
like a dict of unicode keys: ``{u'a': 1}``; ``toString()`` is Java's
``{a=1}``. ``HashMap`` iterates in Java's hash order (:mod:`.hashing`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from visionsim.runtime.jython.java.errors import (
    NullPointerException,
    UnsupportedOperationException,
)
from visionsim.runtime.jython.java.hashing import HashTable
from visionsim.runtime.jython.java.lists import Collection
from visionsim.runtime.jython.java.values import (
    BeanProperties,
    hash_code,
    py_repr,
    to_string,
)


class MapEntry:
    """``Map.Entry``: ``getKey()``/``key``, ``getValue()``/``value``, ``k=v``."""

    def __init__(self, owner: JavaMap, key: Any, value: Any) -> None:
        self._owner = owner
        self._key = key
        self._value = value

    def getKey(self) -> Any:
        """The key."""
        return self._key

    def getValue(self) -> Any:
        """The value."""
        return self._value

    def setValue(self, value: Any) -> Any:
        """Change the value in the map; returns the old one."""
        old, self._value = self._value, value
        self._owner.put(self._key, value)
        return old

    def toString(self) -> str:
        """``key=value``."""
        return f"{to_string(self._key)}={to_string(self._value)}"

    def __str__(self) -> str:
        return self.toString()

    __repr__ = __str__

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, MapEntry)
            and self._key == other._key
            and self._value == other._value
        )

    def __hash__(self) -> int:
        return hash_code(self._key) ^ hash_code(self._value)

    key = property(getKey)
    value = property(getValue, setValue)


class _View(Collection):
    """A live view of a map: ``keySet()``, ``values()``, ``entrySet()``."""

    def __init__(self, owner: JavaMap, items: Callable[[], list[Any]]) -> None:
        self._owner = owner
        self._get = items

    @property
    def _items(self) -> list[Any]:  # type: ignore[override]
        return self._get()

    def remove(self, item: Any) -> bool:
        """``keySet().remove(key)`` removes the key from the map."""
        if item in self._owner:
            self._owner.remove(item)
            return True
        return False

    def _remove_item(self, item: Any) -> None:
        key = item.getKey() if isinstance(item, MapEntry) else item
        self._owner.remove(key)


class JavaMap(BeanProperties):
    """The map behaviour ``HashMap``, ``LinkedHashMap`` and the others share."""

    java_name = "java.util.HashMap"
    _ordered = False
    _allows_null = True
    read_only = False

    def __init__(
        self, initial: Mapping[Any, Any] | JavaMap | int | None = None
    ) -> None:
        if initial is None or isinstance(initial, int):
            self._table = HashTable(initial, ordered=self._ordered)
            return
        pairs = _pairs(initial)
        self._table = HashTable(int(len(pairs) / 0.75 + 1), ordered=self._ordered)
        for key, value in pairs:
            self.put(key, value)

    def _check(self, key: object, value: object = 0) -> None:
        if self.read_only:
            raise UnsupportedOperationException()
        if not self._allows_null and (key is None or value is None):
            raise NullPointerException()

    # -- Java ---------------------------------------------------------------
    def put(self, key: Any, value: Any) -> Any:
        """Set ``key``; returns the previous value or None."""
        self._check(key, value)
        old = self._table.put(key, value)
        return None if old is HashTable.MISSING else old

    def get(self, key: object, default: Any = None) -> Any:
        """The value, or None (or ``default``, as Python's ``dict.get``)."""
        return self._table.get(key, default)

    def getOrDefault(self, key: object, default: Any) -> Any:
        """The value, or ``default`` when the key is absent."""
        return self._table.get(key, default)

    def containsKey(self, key: object) -> bool:
        """Whether ``key`` is present."""
        return self._table.contains(key)

    def containsValue(self, value: object) -> bool:
        """Whether some key maps to ``value``."""
        return value in self._table.values()

    def remove(self, key: object) -> Any:
        """Remove ``key``; returns its value or None."""
        self._check(key)
        old = self._table.remove(key)
        return None if old is HashTable.MISSING else old

    def putAll(self, other: Mapping[Any, Any] | JavaMap) -> None:
        """Copy every entry of ``other``."""
        for key, value in _pairs(other):
            self.put(key, value)

    def putIfAbsent(self, key: Any, value: Any) -> Any:
        """Set only when absent; returns the current value."""
        current = self.get(key)
        if current is None:
            self.put(key, value)
        return current

    def computeIfAbsent(self, key: Any, function: Callable[[Any], Any]) -> Any:
        """The value, computed (and stored) when absent."""
        current = self.get(key)
        if current is None:
            current = function(key)
            if current is not None:
                self.put(key, current)
        return current

    def size(self) -> int:
        """The number of entries."""
        return len(self._table)

    def isEmpty(self) -> bool:
        """Whether empty."""
        return len(self._table) == 0

    def clear(self) -> None:
        """Remove every entry."""
        self._check(0)
        self._table.clear()

    def keySet(self) -> _View:
        """The keys (a live view)."""
        return _View(self, self._table.keys)

    def entrySet(self) -> _View:
        """The entries (a live view of :class:`MapEntry`)."""
        return _View(
            self, lambda: [MapEntry(self, k, v) for k, v in self._table.items()]
        )

    def values(self) -> list[Any]:
        """The values: a Python list, as Jython's dict protocol returns."""
        return self._table.values()

    def toString(self) -> str:
        """Java's ``{a=1, b=null}``."""
        body = ", ".join(
            f"{to_string(k)}={to_string(v)}" for k, v in self._table.items()
        )
        return "{" + body + "}"

    def equals(self, other: object) -> bool:
        """Same entries."""
        return isinstance(other, JavaMap | dict) and dict(self.items()) == dict(
            _pairs(other)
        )

    def hashCode(self) -> int:
        """Java's map hash: the sum of the entries' hashes."""
        total = sum(hash_code(k) ^ hash_code(v) for k, v in self._table.items())
        total &= 0xFFFFFFFF
        return total - (1 << 32) if total & 0x80000000 else total

    # -- what Jython adds for Python code -----------------------------------
    def __repr__(self) -> str:
        items = self._table.items()
        return "{" + ", ".join(f"{py_repr(k)}: {py_repr(v)}" for k, v in items) + "}"

    __str__ = __repr__

    def __getitem__(self, key: object) -> Any:
        value = self._table.get(key, HashTable.MISSING)
        if value is HashTable.MISSING:
            raise KeyError(key)
        return value

    def __setitem__(self, key: Any, value: Any) -> None:
        self.put(key, value)

    def __delitem__(self, key: object) -> None:
        if not self._table.contains(key):
            raise KeyError(key)
        self.remove(key)

    def __contains__(self, key: object) -> bool:
        return self._table.contains(key)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._table.keys())

    def __len__(self) -> int:
        return len(self._table)

    def __eq__(self, other: object) -> bool:
        return self.equals(other)

    def __hash__(self) -> int:
        return self.hashCode()

    def keys(self) -> list[Any]:
        """Python's ``keys()``: a list."""
        return self._table.keys()

    def items(self) -> list[tuple[Any, Any]]:
        """Python's ``items()``: a list of pairs."""
        return self._table.items()

    def iteritems(self) -> Iterator[tuple[Any, Any]]:
        """Python 2's ``iteritems()``."""
        return iter(self._table.items())

    def iterkeys(self) -> Iterator[Any]:
        """Python 2's ``iterkeys()``."""
        return iter(self._table.keys())

    def itervalues(self) -> Iterator[Any]:
        """Python 2's ``itervalues()``."""
        return iter(self._table.values())

    def has_key(self, key: object) -> bool:
        """Python 2's ``has_key``."""
        return self._table.contains(key)

    def update(self, other: Mapping[Any, Any]) -> None:
        """Python's ``update``."""
        self.putAll(other)

    def pop(self, key: object, *default: Any) -> Any:
        """Python's ``pop``."""
        if not self._table.contains(key):
            if default:
                return default[0]
            raise KeyError(key)
        return self.remove(key)

    def setdefault(self, key: Any, default: Any = None) -> Any:
        """Python's ``setdefault``."""
        if not self._table.contains(key):
            self.put(key, default)
        return self._table.get(key)


def _pairs(source: object) -> list[tuple[Any, Any]]:
    if isinstance(source, JavaMap):
        return source.items()
    if isinstance(source, Mapping):
        return list(source.items())
    if isinstance(source, Iterable):
        return [(k, v) for k, v in source]
    raise TypeError(f"not a map: {type(source).__name__}")


class HashMap(JavaMap):
    """``java.util.HashMap``: Java's hash order."""


class LinkedHashMap(JavaMap):
    """``java.util.LinkedHashMap``: insertion order."""

    java_name = "java.util.LinkedHashMap"
    _ordered = True


class TreeMap(JavaMap):
    """``java.util.TreeMap``: sorted keys."""

    java_name = "java.util.TreeMap"
    _ordered = True

    def put(self, key: Any, value: Any) -> Any:
        """Set ``key`` and keep the keys sorted."""
        if key is None:
            raise NullPointerException()
        old = super().put(key, value)
        if old is None:
            items = sorted(self._table.items(), key=lambda kv: kv[0])
            self._table.clear()
            for k, v in items:
                self._table.put(k, v)
        return old

    def firstKey(self) -> Any:
        """The smallest key."""
        return self._table.keys()[0]

    def lastKey(self) -> Any:
        """The largest key."""
        return self._table.keys()[-1]
