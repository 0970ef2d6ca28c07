"""``java.lang.String``, ``StringBuilder`` and Java's ``String.format``.

Java strings are Python strings in Jython; ``String(...)`` returns a
:class:`JString`, a ``str`` that also has the Java methods.
"""

from __future__ import annotations

import re
from typing import Any

from visionsim.runtime.jython.java.errors import (
    IllegalArgumentException,
    StringIndexOutOfBoundsException,
)
from visionsim.runtime.jython.java.jarray import JavaArray, byte_array
from visionsim.runtime.jython.java.values import hash_code, primitive_text, to_string

_FORMAT_RE = re.compile(r"%(\d+\$)?([-#+ 0,(]*)(\d+)?(\.\d+)?([a-zA-Z%])")


def java_format(fmt: str, *args: object) -> str:
    """Java's ``String.format``: ``%s`` of ``None`` is ``null``, ``%n``, ``%,d``."""
    position = iter(range(len(args)))

    def one(match: re.Match[str]) -> str:
        index, flags, width, precision, conv = match.groups()
        if conv == "n":
            return "\n"
        if conv == "%":
            return "%"
        i = int(index[:-1]) - 1 if index else next(position, len(args))
        if i >= len(args):
            raise IllegalArgumentException(f"Format specifier '{match.group()}'")
        return _format_one(args[i], flags, width or "", precision or "", conv)

    return _FORMAT_RE.sub(one, str(fmt))


def _format_one(
    value: object, flags: str, width: str, precision: str, conv: str
) -> str:
    align = "<" if "-" in flags else ">"
    lower = conv.lower()
    if lower in "sb":
        text = (
            to_string(value)
            if lower == "s"
            else to_string(value is not None and bool(value))
        )
        text = text[: int(precision[1:])] if precision else text
    elif lower == "c":
        text = value if isinstance(value, str) else chr(int(value))  # type: ignore[call-overload]
    elif lower in "dxo":
        spec = ("," if "," in flags else "") + ("" if lower == "d" else lower)
        spec = ("+" if "+" in flags else "") + spec
        text = format(int(value), spec)  # type: ignore[call-overload]
    elif lower in "feg":
        spec = ("+" if "+" in flags else "") + ("," if "," in flags else "")
        text = format(float(value), f"{spec}{precision or '.6'}{lower}")  # type: ignore[arg-type]
    else:
        raise IllegalArgumentException(f"Conversion = '{conv}'")
    if "0" in flags and width and align == ">":
        sign = text[0] if text[:1] in "+-" else ""
        text = sign + text[len(sign) :].rjust(int(width) - len(sign), "0")
    text = format(text, f"{align}{width}")
    return text.upper() if conv.isupper() else text


class JString(str):
    """A Java string: a ``str`` with ``length()``, ``charAt`` and friends."""

    def length(self) -> int:
        """The length."""
        return len(self)

    def charAt(self, index: int) -> str:
        """The character at ``index``."""
        if not 0 <= index < len(self):
            raise StringIndexOutOfBoundsException(f"String index out of range: {index}")
        return self[index]

    def isEmpty(self) -> bool:
        """Whether empty."""
        return not self

    def equals(self, other: object) -> bool:
        """Same text."""
        return isinstance(other, str) and str(self) == other

    def equalsIgnoreCase(self, other: object) -> bool:
        """Same text ignoring case."""
        return isinstance(other, str) and self.lower() == other.lower()

    def substring(self, begin: int, end: int | None = None) -> JString:
        """``[begin, end)``."""
        stop = len(self) if end is None else end
        if not 0 <= begin <= stop <= len(self):
            raise StringIndexOutOfBoundsException(
                f"begin {begin}, end {stop}, length {len(self)}"
            )
        return JString(self[begin:stop])

    def indexOf(self, text: str, start: int = 0) -> int:
        """First index of ``text`` or -1."""
        return self.find(text, start)

    def lastIndexOf(self, text: str) -> int:
        """Last index of ``text`` or -1."""
        return self.rfind(text)

    def contains(self, text: str) -> bool:
        """Whether ``text`` occurs."""
        return text in self

    def toUpperCase(self) -> JString:
        """Upper case."""
        return JString(self.upper())

    def toLowerCase(self) -> JString:
        """Lower case."""
        return JString(self.lower())

    def trim(self) -> JString:
        """Without leading and trailing spaces and control characters."""
        return JString(self.strip("".join(map(chr, range(33)))))

    def split(self, regex: str | None = None, limit: int = 0) -> JavaArray:  # type: ignore[override]
        """Java's ``split(regex)``: a ``String[]``, trailing empty strings dropped."""
        if regex is None:
            return JavaArray(str(self).split(), "java.lang.String")
        parts = re.split(regex, self, maxsplit=max(limit - 1, 0))
        if limit == 0:
            while parts and parts[-1] == "":
                parts.pop()
        return JavaArray(parts, "java.lang.String")

    def startsWith(self, prefix: str) -> bool:
        """Whether it starts with ``prefix``."""
        return self.startswith(prefix)

    def endsWith(self, suffix: str) -> bool:
        """Whether it ends with ``suffix``."""
        return self.endswith(suffix)

    def replaceAll(self, regex: str, replacement: str) -> JString:
        """Regex replace (``$1`` groups)."""
        return JString(re.sub(regex, re.sub(r"\$(\d)", r"\\\1", replacement), self))

    def matches(self, regex: str) -> bool:
        """Whether the whole string matches ``regex``."""
        return re.fullmatch(regex, self) is not None

    def getBytes(self, charset: str = "UTF-8") -> JavaArray:
        """The encoded bytes, a Java ``byte[]``."""
        return byte_array(self.encode(charset))

    def toCharArray(self) -> list[str]:
        """The characters."""
        return list(self)

    def compareTo(self, other: str) -> int:
        """Java's ordering: difference of the first differing characters."""
        for a, b in zip(self, other, strict=False):
            if a != b:
                return ord(a) - ord(b)
        return len(self) - len(other)

    def hashCode(self) -> int:
        """Java's string hash."""
        return hash_code(str(self))

    def toString(self) -> str:
        """The text."""
        return str(self)


class String:
    """``java.lang.String``: the statics, and ``String(x)`` for a Java string."""

    def __new__(cls, value: object = "") -> JString:  # type: ignore[misc]
        """A Java string of ``value`` (text, bytes or characters)."""
        if isinstance(value, bytes | bytearray):
            return JString(bytes(value).decode("utf-8"))
        if isinstance(value, list):
            return JString("".join(value))
        return JString(value)

    @staticmethod
    def valueOf(value: object) -> JString:
        """Java's text for ``value`` (``null``, ``true``, ``1.0``)."""
        return JString(primitive_text(value))

    @staticmethod
    def format(fmt: str, *args: object) -> JString:
        """Java's ``String.format``."""
        return JString(java_format(fmt, *args))

    @staticmethod
    def join(delimiter: str, *items: Any) -> JString:
        """``String.join(",", list)`` or ``String.join(",", "a", "b")``."""
        if len(items) == 1 and not isinstance(items[0], str):
            items = tuple(items[0])
        return JString(str(delimiter).join(to_string(i) for i in items))


class StringBuilder:
    """``java.lang.StringBuilder`` (also ``StringBuffer``)."""

    def __init__(self, initial: object = "") -> None:
        self._parts = "" if isinstance(initial, int) else str(initial)

    def append(self, value: object) -> StringBuilder:
        """Append Java's text for ``value``; returns this builder."""
        self._parts += primitive_text(value)
        return self

    def insert(self, offset: int, value: object) -> StringBuilder:
        """Insert at ``offset``."""
        text = primitive_text(value)
        self._parts = self._parts[:offset] + text + self._parts[offset:]
        return self

    def reverse(self) -> StringBuilder:
        """Reverse in place."""
        self._parts = self._parts[::-1]
        return self

    def delete(self, start: int, end: int) -> StringBuilder:
        """Remove ``[start, end)``."""
        self._parts = self._parts[:start] + self._parts[end:]
        return self

    def deleteCharAt(self, index: int) -> StringBuilder:
        """Remove one character."""
        self._check(index)
        return self.delete(index, index + 1)

    def _check(self, index: int) -> None:
        if not 0 <= index < len(self._parts):
            raise StringIndexOutOfBoundsException(
                f"index {index}, length {len(self._parts)}"
            )

    def setLength(self, length: int) -> None:
        """Truncate (or pad with NUL)."""
        self._parts = self._parts[:length].ljust(length, "\0")

    def length(self) -> int:
        """The length."""
        return len(self._parts)

    def charAt(self, index: int) -> str:
        """The character at ``index``."""
        self._check(index)
        return self._parts[index]

    def indexOf(self, text: str) -> int:
        """First index of ``text`` or -1."""
        return self._parts.find(text)

    def toString(self) -> JString:
        """The text."""
        return JString(self._parts)

    def __str__(self) -> str:
        return self._parts

    __repr__ = __str__
