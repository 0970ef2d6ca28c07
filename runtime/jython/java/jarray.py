"""Jython's ``jarray`` module: Java arrays (``array``, ``zeros``).

A Java array is a fixed-length list of one element type; Jython prints it as
``array('i', [1, 2, 3])`` or ``array(java.lang.String, [u'a', u'b'])``.
Byte arrays hold signed bytes (-128..127), as Java's do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from visionsim.runtime.jython.java.values import py_repr

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

_ZERO: dict[str, Any] = {
    "z": False,
    "c": "\0",
    "b": 0,
    "h": 0,
    "i": 0,
    "l": 0,
    "f": 0.0,
    "d": 0.0,
}


def _type_name(kind: object) -> str:
    if isinstance(kind, str):
        if kind not in _ZERO and "." not in kind:  # a typecode or a Java class name
            raise ValueError(f"typecode must be in [zcbhilfd]: {kind!r}")
        return kind
    java_name = getattr(kind, "java_name", None)
    if isinstance(java_name, str):
        return java_name
    if getattr(kind, "__name__", "") == "String":
        return "java.lang.String"
    return "java.lang.Object"


def _coerce(code: str, value: Any) -> Any:
    if code == "b":
        number = int(value)
        if number > 127:
            raise OverflowError("signed byte array value is more than maximum")
        if number < -128:
            raise OverflowError("signed byte array value is less than minimum")
        return number
    if code in "hil":
        return int(value)
    if code in "fd":
        return float(value)
    if code == "z":
        return bool(value)
    return value


class JavaArray:
    """A Java array: indexable, iterable, fixed length."""

    def __init__(self, items: Iterable[Any], kind: object) -> None:
        self.typecode = _type_name(kind)
        self._items = [_coerce(self.typecode, i) for i in items]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return JavaArray(self._items[index], self.typecode)
        return self._items[index]

    def __setitem__(self, index: int | slice, value: Any) -> None:
        if isinstance(index, slice):
            values = [_coerce(self.typecode, v) for v in value]
            if len(values) != len(self._items[index]):
                raise ValueError("a Java array cannot change its length")
            self._items[index] = values
        else:
            self._items[index] = _coerce(self.typecode, value)

    def __contains__(self, item: object) -> bool:
        return item in self._items

    def __eq__(self, other: object) -> bool:
        if isinstance(other, JavaArray):
            return self._items == other._items
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def tolist(self) -> list[Any]:
        """The elements as a Python list."""
        return list(self._items)

    def tobytes(self) -> bytes:
        """A byte array's bytes."""
        return bytes(b & 0xFF for b in self._items)

    def __repr__(self) -> str:
        code = self.typecode
        if code == "c":
            return f"array('c', {''.join(self._items)!r})"
        shown = ", ".join(py_repr(i) for i in self._items)
        kind = f"'{code}'" if len(code) == 1 else code
        return f"array({kind}, [{shown}])"

    __str__ = __repr__


def array(items: Iterable[Any], kind: object) -> JavaArray:
    """``jarray.array(seq, 'i')`` or ``jarray.array(seq, String)``."""
    return JavaArray(items, kind)


def zeros(length: int, kind: object) -> JavaArray:
    """``jarray.zeros(n, 'd')``: ``n`` zeros (``None`` for object arrays)."""
    code = _type_name(kind)
    return JavaArray([_ZERO.get(code)] * int(length), kind)


def byte_array(data: bytes | bytearray | Iterable[int]) -> JavaArray:
    """A Java ``byte[]`` of ``data`` (0-255 read as signed bytes)."""
    return JavaArray(((b + 128) % 256 - 128 for b in data), "b")


def as_bytes(data: object) -> bytes:
    """The bytes of a ``byte[]``, ``bytes``, list of ints or text (UTF-8)."""
    if isinstance(data, JavaArray):
        return data.tobytes()
    if isinstance(data, bytes | bytearray):
        return bytes(data)
    if isinstance(data, str):
        return data.encode("utf-8")
    return bytes(int(b) & 0xFF for b in data)  # type: ignore[attr-defined]
