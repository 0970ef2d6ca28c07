"""``java.util``: ``Random`` (Java's exact sequence), ``UUID``, ``Collections``...

``Random(seed)`` is Java's 48-bit linear congruential generator, so a seeded
script draws the same numbers as in Ignition.
"""

from __future__ import annotations

import hashlib
import math
import time
import uuid
from typing import TYPE_CHECKING, Any

from visionsim.runtime.jython.java.errors import (
    IllegalArgumentException,
    NoSuchElementException,
    UnsupportedOperationException,
)
from visionsim.runtime.jython.java.lists import (
    Collection,
    HashSet,
    JavaList,
    LinkedHashSet,
    comparator_key,
)
from visionsim.runtime.jython.java.maps import HashMap, JavaMap
from visionsim.runtime.jython.java.strictmath import strict_log
from visionsim.runtime.jython.java.values import (
    BeanProperties,
    to_int32,
    to_int64,
    to_string,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

_MULTIPLIER = 0x5DEECE66D
_MASK48 = (1 << 48) - 1
_seed_uniquifier = [8682522807148012]


class Random:
    """``java.util.Random``: the same sequence as Java for the same seed."""

    def __init__(self, seed: int | None = None) -> None:
        if seed is None:
            _seed_uniquifier[0] = to_int64(_seed_uniquifier[0] * 1181783497276652981)
            seed = _seed_uniquifier[0] ^ time.perf_counter_ns()
        self.setSeed(seed)

    def setSeed(self, seed: int) -> None:
        """Restart the sequence from ``seed``."""
        self._seed = (int(seed) ^ _MULTIPLIER) & _MASK48
        self._next_gaussian: float | None = None

    def _next(self, bits: int) -> int:
        self._seed = (self._seed * _MULTIPLIER + 0xB) & _MASK48
        return to_int32(self._seed >> (48 - bits))

    def nextInt(self, bound: int | None = None) -> int:
        """A random int, or one in ``[0, bound)``."""
        if bound is None:
            return self._next(32)
        if bound <= 0:
            raise IllegalArgumentException("bound must be positive")
        r = self._next(31)
        m = bound - 1
        if bound & m == 0:
            return to_int32((bound * r) >> 31)
        u = r
        r = u % bound
        while to_int32(u - r + m) < 0:
            u = self._next(31)
            r = u % bound
        return r

    def nextLong(self) -> int:
        """A random long."""
        return to_int64((self._next(32) << 32) + self._next(32))

    def nextBoolean(self) -> bool:
        """A random bool."""
        return self._next(1) != 0

    def nextFloat(self) -> float:
        """A float in ``[0, 1)`` with 24 random bits."""
        return self._next(24) / float(1 << 24)

    def nextDouble(self) -> float:
        """A float in ``[0, 1)`` with 53 random bits."""
        return ((self._next(26) << 27) + self._next(27)) * 2.0**-53

    def nextGaussian(self) -> float:
        """A normally distributed float (Java's polar method)."""
        if self._next_gaussian is not None:
            value, self._next_gaussian = self._next_gaussian, None
            return value
        while True:
            v1 = 2 * self.nextDouble() - 1
            v2 = 2 * self.nextDouble() - 1
            s = v1 * v1 + v2 * v2
            if 0 < s < 1:
                break
        multiplier = math.sqrt(-2 * strict_log(s) / s)
        self._next_gaussian = v2 * multiplier
        return v1 * multiplier


class UUID(BeanProperties):
    """``java.util.UUID``: ``randomUUID()``, ``fromString``, ``toString``."""

    def __init__(self, most: int, least: int) -> None:
        value = ((most & (1 << 64) - 1) << 64) | (least & (1 << 64) - 1)
        self._uuid = uuid.UUID(int=value)

    @classmethod
    def _of(cls, value: uuid.UUID) -> UUID:
        return cls(value.int >> 64, value.int & ((1 << 64) - 1))

    @classmethod
    def randomUUID(cls) -> UUID:
        """A random (version 4) UUID."""
        return cls._of(uuid.uuid4())

    @classmethod
    def fromString(cls, text: str) -> UUID:
        """Parse ``8-4-4-4-12`` hex text."""
        try:
            return cls._of(uuid.UUID(str(text)))
        except ValueError:
            raise IllegalArgumentException(f"Invalid UUID string: {text}") from None

    @classmethod
    def nameUUIDFromBytes(cls, data: Iterable[int]) -> UUID:
        """The version 3 (MD5) UUID of ``data``."""
        digest = bytearray(hashlib.md5(bytes(b & 0xFF for b in data)).digest())
        digest[6] = (digest[6] & 0x0F) | 0x30
        digest[8] = (digest[8] & 0x3F) | 0x80
        return cls._of(uuid.UUID(bytes=bytes(digest)))

    def getMostSignificantBits(self) -> int:
        """The high 64 bits, signed."""
        return to_int64(self._uuid.int >> 64)

    def getLeastSignificantBits(self) -> int:
        """The low 64 bits, signed."""
        return to_int64(self._uuid.int)

    def version(self) -> int:
        """The version number."""
        return (self._uuid.int >> 76) & 0xF

    def toString(self) -> str:
        """Lower-case ``8-4-4-4-12`` hex."""
        return str(self._uuid)

    def equals(self, other: object) -> bool:
        """Same value."""
        return isinstance(other, UUID) and self._uuid == other._uuid

    def hashCode(self) -> int:
        """Java's UUID hash."""
        bits = self._uuid.int
        folded = (bits >> 64) ^ (bits & ((1 << 64) - 1))
        return to_int32((folded >> 32) ^ folded)

    def compareTo(self, other: UUID) -> int:
        """Order by value."""
        return (self._uuid.int > other._uuid.int) - (self._uuid.int < other._uuid.int)

    __str__ = toString
    __repr__ = toString
    __eq__ = equals
    __hash__ = hashCode


class _FixedList(JavaList):
    """``Arrays.asList``: set works, add and remove do not."""

    def add(self, *args: Any) -> bool:
        """Not supported on a fixed-size list."""
        raise UnsupportedOperationException()

    remove = add  # type: ignore[assignment]


class Arrays:
    """``java.util.Arrays``: ``asList``, ``toString``, ``sort``, ``fill``."""

    @staticmethod
    def asList(*items: Any) -> JavaList:
        """A fixed-size list of the items (or of one array's items)."""
        if len(items) == 1 and isinstance(items[0], list | tuple):
            items = tuple(items[0])
        return _FixedList(items)

    @staticmethod
    def toString(array: Iterable[Any] | None) -> str:
        """``[1, 2]``, or ``null``."""
        if array is None:
            return "null"
        return "[" + ", ".join(to_string(i) for i in array) + "]"

    @staticmethod
    def sort(array: Any, comparator: object = None) -> None:
        """Sort an array (or list) in place."""
        array[:] = sorted(array, key=comparator_key(comparator))

    @staticmethod
    def fill(array: Any, value: Any) -> None:
        """Set every element to ``value``."""
        array[:] = [value] * len(array)

    @staticmethod
    def equals(a: Iterable[Any], b: Iterable[Any]) -> bool:
        """Same elements in the same order."""
        return list(a) == list(b)


class _Unmodifiable:
    """Marks a copy read-only, as Java's unmodifiable views are."""

    @staticmethod
    def list(source: Iterable[Any]) -> JavaList:
        copy = JavaList(source)
        copy.read_only = True
        return copy

    @staticmethod
    def map(source: JavaMap) -> JavaMap:
        copy = type(source)(source) if isinstance(source, JavaMap) else HashMap(source)
        copy.read_only = True
        return copy


class Collections:
    """``java.util.Collections``: sorting, extremes, unmodifiable and empty views."""

    @staticmethod
    def sort(items: JavaList, comparator: object = None) -> None:
        """Sort a list in place."""
        items.sort(comparator)

    @staticmethod
    def reverse(items: Any) -> None:
        """Reverse a list in place."""
        if isinstance(items, JavaList):
            items._writable().reverse()
        else:
            items.reverse()

    @staticmethod
    def shuffle(items: JavaList, rnd: Random | None = None) -> None:
        """Java's shuffle: the same order as Java for a seeded Random."""
        rnd = rnd or Random()
        data = items._writable()
        for i in range(len(data), 1, -1):
            j = rnd.nextInt(i)
            data[i - 1], data[j] = data[j], data[i - 1]

    @staticmethod
    def max(items: Iterable[Any], comparator: object = None) -> Any:
        """The largest item."""
        values = list(items)
        if not values:
            raise NoSuchElementException()
        return max(values, key=comparator_key(comparator))

    @staticmethod
    def min(items: Iterable[Any], comparator: object = None) -> Any:
        """The smallest item."""
        values = list(items)
        if not values:
            raise NoSuchElementException()
        return min(values, key=comparator_key(comparator))

    @staticmethod
    def frequency(items: Iterable[Any], item: object) -> int:
        """How often ``item`` occurs."""
        return sum(1 for i in items if i == item)

    @staticmethod
    def nCopies(n: int, item: Any) -> JavaList:
        """An unmodifiable list of ``n`` times ``item``."""
        return _Unmodifiable.list([item] * n)

    @staticmethod
    def swap(items: JavaList, i: int, j: int) -> None:
        """Swap two elements."""
        items.set(i, items.set(j, items.get(i)))

    @staticmethod
    def addAll(target: Collection, *items: Any) -> bool:
        """Add each item."""
        added = [target.add(i) for i in items]  # type: ignore[attr-defined]
        return any(added)

    unmodifiableList = staticmethod(_Unmodifiable.list)
    unmodifiableCollection = staticmethod(_Unmodifiable.list)
    unmodifiableMap = staticmethod(_Unmodifiable.map)

    @staticmethod
    def unmodifiableSet(items: Iterable[Any]) -> HashSet:
        """A read-only copy of a set (in its order)."""
        copy = LinkedHashSet(items)
        copy.read_only = True
        return copy

    @staticmethod
    def emptySet() -> HashSet:
        """An empty, unmodifiable set."""
        return Collections.unmodifiableSet(())

    @staticmethod
    def synchronizedList(items: JavaList) -> JavaList:
        """The list itself (the simulation's collections are thread-safe enough)."""
        return items

    synchronizedMap = synchronizedList
    synchronizedSet = synchronizedList

    @staticmethod
    def emptyList() -> JavaList:
        """An empty, unmodifiable list."""
        return _Unmodifiable.list([])

    @staticmethod
    def emptyMap() -> JavaMap:
        """An empty, unmodifiable map."""
        return _Unmodifiable.map(HashMap())

    @staticmethod
    def singletonList(item: Any) -> JavaList:
        """An unmodifiable list of one item."""
        return _Unmodifiable.list([item])

    @staticmethod
    def reverseOrder() -> Any:
        """A comparator for descending order."""
        return lambda a, b: (a < b) - (a > b)


Collections.EMPTY_LIST = Collections.emptyList()  # type: ignore[attr-defined]
Collections.EMPTY_MAP = Collections.emptyMap()  # type: ignore[attr-defined]
