"""``java.util`` lists and sets as Jython shows them to scripts.

Jython lets scripts treat a Java collection as a Python one (``for``,
``len``, ``in``, ``a[0]``, ``a[-1]``, slices) and prints it with Java's
``toString``: ``[1, x, 2.5]``. A ``HashSet`` iterates in Java's hash order
(see :mod:`.hashing`), so ``print`` shows what real Ignition shows.
"""

from __future__ import annotations

from functools import cmp_to_key
from typing import TYPE_CHECKING, Any

from visionsim.runtime.jython.java.errors import (
    IllegalStateException,
    IndexOutOfBoundsException,
    NoSuchElementException,
    UnsupportedOperationException,
)
from visionsim.runtime.jython.java.hashing import HashTable
from visionsim.runtime.jython.java.jarray import JavaArray
from visionsim.runtime.jython.java.values import BeanProperties, hash_code, to_string

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator


def comparator_key(comparator: object) -> Callable[[Any], Any] | None:
    """A sort key from a Java ``Comparator`` (an object or a function), or None."""
    if comparator is None:
        return None
    compare = getattr(comparator, "compare", comparator)
    if not callable(compare):
        raise TypeError("a Comparator must have compare(a, b) or be callable")
    return cmp_to_key(compare)


class JavaIterator:
    """``java.util.Iterator``: ``hasNext()``/``next()``; also a Python iterator."""

    def __init__(
        self, items: Iterable[Any], remove: Callable[[Any], None] | None = None
    ) -> None:
        self._items = list(items)
        self._position = 0
        self._remove = remove
        self._can_remove = False

    def hasNext(self) -> bool:
        """Whether ``next()`` has an item."""
        return self._position < len(self._items)

    def next(self) -> Any:
        """The next item (NoSuchElementException past the end)."""
        if not self.hasNext():
            raise NoSuchElementException()
        self._position += 1
        self._can_remove = True
        return self._items[self._position - 1]

    def remove(self) -> None:
        """Remove the last item ``next()`` returned from the collection."""
        if not self._can_remove or self._remove is None:
            raise IllegalStateException()
        self._can_remove = False
        self._remove(self._items[self._position - 1])

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        if not self.hasNext():
            raise StopIteration
        return self.next()


class Collection(BeanProperties):
    """What every Java collection here has: size, contains, Java's toString."""

    java_name = "java.util.AbstractCollection"
    _items: Iterable[Any]

    def __iter__(self) -> Iterator[Any]:
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(list(self._items))

    def __contains__(self, item: object) -> bool:
        return item in list(self._items)

    def size(self) -> int:
        """The number of items."""
        return len(self)

    def isEmpty(self) -> bool:
        """Whether empty."""
        return len(self) == 0

    def contains(self, item: object) -> bool:
        """Whether ``item`` is in it."""
        return item in self

    def containsAll(self, items: Iterable[object]) -> bool:
        """Whether every item is in it."""
        return all(i in self for i in items)

    def toArray(self) -> JavaArray:
        """The items as an ``Object[]``."""
        return JavaArray(self, "java.lang.Object")

    def iterator(self) -> JavaIterator:
        """A Java iterator."""
        return JavaIterator(self, self._remove_item)

    def _remove_item(self, item: Any) -> None:
        raise UnsupportedOperationException()

    def toString(self) -> str:
        """``[a, b]``: each item's Java text."""
        return "[" + ", ".join(to_string(i) for i in self) + "]"

    def __str__(self) -> str:
        return self.toString()

    __repr__ = __str__


class JavaList(Collection):
    """``java.util.ArrayList`` (also ``LinkedList``, ``Vector``)."""

    java_name = "java.util.ArrayList"
    read_only = False

    def __init__(self, initial: Iterable[Any] | int | None = None) -> None:
        self._items: list[Any] = []
        if initial is not None and not isinstance(initial, int):
            self._items.extend(initial)

    def _writable(self) -> list[Any]:
        if self.read_only:
            raise UnsupportedOperationException()
        return self._items

    def _index(self, index: int, size_ok: bool = False) -> int:
        limit = len(self._items) + (1 if size_ok else 0)
        if not 0 <= index < limit:
            raise IndexOutOfBoundsException(
                f"Index {index} out of bounds for length {len(self._items)}"
            )
        return index

    def add(self, *args: Any) -> bool:
        """``add(item)`` appends; ``add(index, item)`` inserts."""
        if len(args) == 2:
            self._writable().insert(self._index(args[0], True), args[1])
        else:
            self._writable().append(args[0])
        return True

    def addAll(self, *args: Any) -> bool:
        """Append (or insert at an index) every item."""
        items = list(args[-1])
        if len(args) == 2:
            index = self._index(args[0], True)
            self._writable()[index:index] = items
        else:
            self._writable().extend(items)
        return bool(items)

    def get(self, index: int) -> Any:
        """The item at ``index``."""
        return self._items[self._index(index)]

    def set(self, index: int, item: Any) -> Any:
        """Replace the item at ``index``; returns the old one."""
        old = self._items[self._index(index)]
        self._writable()[index] = item
        return old

    def remove(self, target: Any) -> None:
        """As Jython: ``remove(int)`` removes at an index, ``remove(obj)`` by value.

        Both return None, and a missing value raises ValueError (Python's
        ``list.remove`` wins over Java's, which would return a boolean).
        """
        if isinstance(target, int) and not isinstance(target, bool):
            self._writable().pop(self._index(target))
        elif target in self._items:
            self._writable().remove(target)
        else:
            raise ValueError(f"{target} is not in list")

    def _remove_item(self, item: Any) -> None:
        self._writable().remove(item)

    def removeAll(self, items: Iterable[Any]) -> bool:
        """Remove every item that is in ``items``."""
        drop = list(items)
        kept = [i for i in self._items if i not in drop]
        changed = len(kept) != len(self._items)
        self._writable()[:] = kept
        return changed

    def clear(self) -> None:
        """Remove everything."""
        self._writable().clear()

    def indexOf(self, item: object) -> int:
        """The first index of ``item`` or -1."""
        return self._items.index(item) if item in self._items else -1

    def lastIndexOf(self, item: object) -> int:
        """The last index of ``item`` or -1."""
        for i in range(len(self._items) - 1, -1, -1):
            if self._items[i] == item:
                return i
        return -1

    def subList(self, start: int, end: int) -> JavaList:
        """A copy of ``[start, end)`` (Java's is a view)."""
        if not 0 <= start <= end <= len(self._items):
            raise IndexOutOfBoundsException(f"fromIndex: {start}, toIndex: {end}")
        return type(self)(self._items[start:end])

    def sort(self, comparator: object = None) -> None:
        """Sort in place (natural order, or a Comparator)."""
        self._writable().sort(key=comparator_key(comparator))

    def equals(self, other: object) -> bool:
        """Same items in the same order."""
        return isinstance(other, JavaList) and self._items == other._items

    def hashCode(self) -> int:
        """Java's list hash."""
        h = 1
        for item in self._items:
            h = (31 * h + hash_code(item)) & 0xFFFFFFFF
        return h - (1 << 32) if h & 0x80000000 else h

    # -- what Jython adds for Python code -----------------------------------
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return type(self)(self._items[index])
        if not -len(self._items) <= index < len(self._items):
            raise IndexError(f"index out of range: {index}")
        return self._items[index]

    def __setitem__(self, index: int, item: Any) -> None:
        self._writable()[index] = item

    def __delitem__(self, index: int) -> None:
        del self._writable()[index]

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, item: object) -> bool:
        return item in self._items

    def __add__(self, other: Iterable[Any]) -> list[Any]:
        return self._items + list(other)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, list):
            return self._items == other
        return self.equals(other)

    def __hash__(self) -> int:
        return self.hashCode()

    def append(self, item: Any) -> None:
        """Python's ``append``."""
        self._writable().append(item)

    def extend(self, items: Iterable[Any]) -> None:
        """Python's ``extend``."""
        self._writable().extend(items)


class LinkedList(JavaList):
    """``java.util.LinkedList`` (as a list, plus the deque methods scripts use)."""

    java_name = "java.util.LinkedList"

    def addFirst(self, item: Any) -> None:
        """Insert at the front."""
        self._writable().insert(0, item)

    def addLast(self, item: Any) -> None:
        """Append."""
        self._writable().append(item)

    def getFirst(self) -> Any:
        """The first item (NoSuchElementException when empty)."""
        if not self._items:
            raise NoSuchElementException()
        return self._items[0]

    def getLast(self) -> Any:
        """The last item."""
        if not self._items:
            raise NoSuchElementException()
        return self._items[-1]

    def poll(self) -> Any:
        """Remove and return the first item, or None."""
        return self._writable().pop(0) if self._items else None

    def removeFirst(self) -> Any:
        """Remove and return the first item."""
        self.getFirst()
        return self._writable().pop(0)

    push = addFirst
    pop = removeFirst
    offer = addLast

    def peek(self) -> Any:
        """The first item, or None."""
        return self._items[0] if self._items else None


class HashSet(Collection):
    """``java.util.HashSet``: iterates (and prints) in Java's hash order."""

    java_name = "java.util.HashSet"
    _ordered = False

    def __init__(self, initial: Iterable[Any] | int | None = None) -> None:
        if initial is None or isinstance(initial, int):
            self._table = HashTable(initial, ordered=self._ordered)
        else:
            items = list(initial)
            capacity = max(int(len(items) / 0.75) + 1, 16)
            self._table = HashTable(capacity, ordered=self._ordered)
            for item in items:
                self._table.put(item, True)

    @property
    def _items(self) -> list[Any]:  # type: ignore[override]
        return self._table.keys()

    def __len__(self) -> int:
        return len(self._table)

    def __contains__(self, item: object) -> bool:
        return self._table.contains(item)

    read_only = False

    def _writable(self) -> HashTable:
        if self.read_only:
            raise UnsupportedOperationException()
        return self._table

    def add(self, item: Any) -> bool:
        """Add; whether it was new."""
        return self._writable().put(item, True) is self._table.MISSING

    def addAll(self, items: Iterable[Any]) -> bool:
        """Add each; whether any was new."""
        added = [self.add(i) for i in items]
        return any(added)

    def remove(self, item: Any) -> None:
        """Python's ``set.remove`` (as Jython): KeyError when missing."""
        if self._writable().remove(item) is self._table.MISSING:
            raise KeyError(item)

    def discard(self, item: Any) -> None:
        """Remove when present."""
        self._writable().remove(item)

    _remove_item = remove

    def clear(self) -> None:
        """Remove everything."""
        self._writable().clear()

    def equals(self, other: object) -> bool:
        """Same items."""
        return isinstance(other, Collection) and set(self) == set(other)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, set | frozenset):
            return set(self) == other
        return self.equals(other)

    def hashCode(self) -> int:
        """Java's set hash: the sum of the items' hashes."""
        total = sum(hash_code(i) for i in self) & 0xFFFFFFFF
        return total - (1 << 32) if total & 0x80000000 else total

    __hash__ = hashCode


class LinkedHashSet(HashSet):
    """``java.util.LinkedHashSet``: insertion order."""

    java_name = "java.util.LinkedHashSet"
    _ordered = True
