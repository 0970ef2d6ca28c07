"""Typed payloads of binary resources: one decoder per element name.

A payload's length is written before it, so each decoder gets exactly its
bytes and must use all of them: a short or long payload is a
:class:`FormatError`, never a read past the element.
"""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING

from visionsim.runtime.resources.values import (
    ClassName,
    Color,
    Floats,
    Font,
    GeneralPath,
    JavaDate,
    MethodRef,
    PathSegment,
    Point,
    Raw,
    Rect,
    TagPath,
)

if TYPE_CHECKING:
    from collections.abc import Callable

#: Largest path a ``gp`` leaf may hold (segments).
MAX_SEGMENTS = 1_000_000
#: Coordinates per GeneralPath segment type (moveTo, lineTo, quadTo, cubicTo, close).
SEGMENT_COORDS = (2, 2, 4, 6, 0)
PRESENT = 0xFF
ABSENT = 0x00


class FormatError(Exception):
    """Bytes that do not follow the format (the reader adds file and element)."""


Strings = dict[int, str]


def _string(table: Strings, index: int) -> str:
    try:
        return table[index]
    except KeyError:
        raise FormatError(f"string id {index} is not in the string table") from None


def _unpack(fmt: str, data: bytes) -> tuple[object, ...]:
    if struct.calcsize(fmt) != len(data):
        raise FormatError(
            f"payload of {len(data)} bytes, expected {struct.calcsize(fmt)}"
        )
    return struct.unpack(fmt, data)


def _present(fmt: str) -> Callable[[bytes, Strings, int | None], object]:
    """P + value (``int``, ``lng``…): a presence byte 0xff, or 0x00 for null."""

    def decode(data: bytes, _table: Strings, _count: int | None) -> object:
        if data[:1] == bytes([ABSENT]) and len(data) == 1:
            return None
        flag, value = _unpack(">B" + fmt, data)
        if flag != PRESENT:
            raise FormatError(f"presence byte {flag:#04x}, expected 0xff or 0x00")
        return value

    return decode


def _wrapped(
    fmt: str, make: Callable[[object], object]
) -> Callable[[bytes, Strings, int | None], object]:
    inner = _present(fmt)

    def decode(data: bytes, table: Strings, count: int | None) -> object:
        value = inner(data, table, count)
        return None if value is None else make(value)

    return decode


def _str(data: bytes, table: Strings, _count: int | None) -> object:
    (index,) = _unpack(">i", data)
    return _string(table, int(index))  # type: ignore[call-overload]


def _class(data: bytes, table: Strings, count: int | None) -> object:
    return ClassName(str(_str(data, table, count)))


def _tagpath(data: bytes, table: Strings, count: int | None) -> object:
    return TagPath(str(_str(data, table, count)))


def _ints(
    fmt: str, make: Callable[..., object]
) -> Callable[[bytes, Strings, int | None], object]:
    def decode(data: bytes, _table: Strings, _count: int | None) -> object:
        return make(*_unpack(fmt, data))

    return decode


def _floats(fmt: str) -> Callable[[bytes, Strings, int | None], object]:
    def decode(data: bytes, _table: Strings, _count: int | None) -> object:
        return Floats(tuple(float(v) for v in _unpack(fmt, data)))  # type: ignore[arg-type]

    return decode


def _font(data: bytes, table: Strings, _count: int | None) -> object:
    family, style, size = _unpack(">iii", data)
    return Font(_string(table, int(family)), int(style), int(size))  # type: ignore[call-overload]


def _method(data: bytes, table: Strings, _count: int | None) -> object:
    if len(data) < 9:
        raise FormatError(f"method payload of {len(data)} bytes, expected 9 or more")
    owner, name, count = struct.unpack_from(">iiB", data)
    params = _unpack(f">{count}i", data[9:])
    return MethodRef(
        _string(table, owner),
        _string(table, name),
        tuple(_string(table, int(p)) for p in params),  # type: ignore[call-overload]
    )


def _path(data: bytes, _table: Strings, _count: int | None) -> object:
    if not data:
        raise FormatError("empty gp payload")
    winding, pos, segments = data[0], 1, []
    while True:
        if pos >= len(data):
            raise FormatError("gp payload ends before its 0xff terminator")
        kind = data[pos]
        pos += 1
        if kind == PRESENT:
            break
        if kind >= len(SEGMENT_COORDS):
            raise FormatError(f"gp segment type {kind} (expected 0..4)")
        size = 4 * SEGMENT_COORDS[kind]
        if pos + size > len(data):
            raise FormatError("gp payload ends inside a segment")
        coords = struct.unpack_from(f">{SEGMENT_COORDS[kind]}f", data, pos)
        segments.append(PathSegment(kind, tuple(coords)))
        pos += size
    if pos != len(data):
        raise FormatError(f"{len(data) - pos} bytes after the gp terminator")
    return GeneralPath(winding, tuple(segments))


def _bytes(data: bytes, _table: Strings, _count: int | None) -> object:
    if len(data) < 4:
        raise FormatError("gzbarr payload shorter than its length")
    (size,) = struct.unpack_from(">i", data)
    if size != len(data) - 4:
        raise FormatError(f"gzbarr says {size} bytes, payload holds {len(data) - 4}")
    return bytes(data[4:])


def _array(fmt: str) -> Callable[[bytes, Strings, int | None], object]:
    item = struct.calcsize(">B" + fmt)

    def decode(data: bytes, _table: Strings, count: int | None) -> object:
        if count is None or count < 0 or count * item != len(data):
            raise FormatError(
                f"typed array of {len(data)} bytes does not hold len={count} items"
            )
        out = []
        for index in range(count):
            flag, value = struct.unpack_from(">B" + fmt, data, index * item)
            if flag != PRESENT:
                raise FormatError(f"array item {index}: presence byte {flag:#04x}")
            out.append(value)
        return tuple(out)

    return decode


def _raw(data: bytes, _table: Strings, _count: int | None) -> object:
    return Raw(bytes(data))


PAYLOADS: dict[str, Callable[[bytes, Strings, int | None], object]] = {
    "str": _str,
    "class": _class,
    "tagpath": _tagpath,
    "int": _present("i"),
    "qc": _present("i"),
    "shrt": _present("h"),
    "lng": _present("q"),
    "flt": _present("f"),
    "dbl": _present("d"),
    "date": _wrapped("q", lambda v: JavaDate(int(v))),  # type: ignore[call-overload]
    "clr": _wrapped("I", lambda v: Color(int(v))),  # type: ignore[call-overload]
    "uuid": _present("16s"),
    "point": _ints(">ii", Point),
    "dim": _ints(">ii", Point),
    "rect": _ints(">iiii", Rect),
    "insets": _ints(">iiii", Rect),
    "p2df": _floats(">2f"),
    "p2dd": _floats(">2d"),
    "r2df": _floats(">4f"),
    "r2dd": _floats(">4d"),
    "e2df": _floats(">4f"),
    "rndrect2df": _floats(">6f"),
    "font": _font,
    "method": _method,
    "gp": _path,
    "gzbarr": _bytes,
    "clr_arr": _array("I"),
    "pflt_arr": _array("f"),
    "qc_arr": _array("i"),
    "plng_arr": _array("q"),
}


def decode_payload(name: str, data: bytes, table: Strings, count: int | None) -> object:
    """The value of a typed leaf ``name``; unknown leaves stay :class:`Raw`."""
    return PAYLOADS.get(name, _raw)(data, table, count)
