"""``java.lang``: ``System``, ``Object``, ``Runnable`` and ``java.util.Comparator``.

``System.out.println`` prints through the calling script's ``print``, so the
text lands in the scope's console in order with the script's own output.
Strings are in :mod:`.strings`, numbers in :mod:`.numbers`.
"""

from __future__ import annotations

import os
import time
from typing import Any

from visionsim.runtime.jython.java.errors import JavaClass
from visionsim.runtime.jython.java.strings import java_format
from visionsim.runtime.jython.java.values import primitive_text, print_for_caller


class Object:
    """``java.lang.Object``: ``toString``, ``equals``, ``hashCode``, ``getClass``."""

    java_name = "java.lang.Object"

    def toString(self) -> str:
        """``ClassName@hash`` unless a subclass says otherwise."""
        return f"{type(self).java_name}@{id(self) & 0xFFFFFFF:x}"

    def equals(self, other: object) -> bool:
        """Identity, unless a subclass says otherwise."""
        return self == other

    def hashCode(self) -> int:
        """A hash consistent with ``equals``."""
        return hash(self) & 0x7FFFFFFF

    def getClass(self) -> JavaClass:
        """The Java class (``getName()``, ``getSimpleName()``)."""
        return JavaClass(type(self).java_name)

    def __str__(self) -> str:
        return self.toString()

    __repr__ = __str__


class Runnable:
    """``java.lang.Runnable``: subclass it and define ``run``."""

    def run(self) -> None:
        """What runs."""


class Comparator:
    """``java.util.Comparator``: subclass it and define ``compare(a, b)``."""

    def compare(self, a: Any, b: Any) -> int:
        """Negative, zero or positive, as ``a`` sorts before, with or after ``b``."""
        raise NotImplementedError("a Comparator defines compare(a, b)")

    def reversed(self) -> Comparator:
        """The opposite order."""
        outer = self

        class _Reversed(Comparator):
            def compare(self, a: Any, b: Any) -> int:
                return outer.compare(b, a)

        return _Reversed()


class _PrintStream:
    """``System.out``/``System.err``: prints through the calling script's print."""

    def _write(self, text: str, end: str) -> None:
        print_for_caller(text, end, depth=3)

    def println(self, value: object = "") -> None:
        """Print Java's text for ``value`` and a newline."""
        self._write(primitive_text(value), "\n")

    def print(self, value: object) -> None:
        """Print without a newline."""
        self._write(primitive_text(value), "")

    def printf(self, fmt: str, *args: object) -> _PrintStream:
        """``String.format`` then print."""
        self._write(java_format(fmt, *args), "")
        return self

    format = printf

    def flush(self) -> None:
        """Nothing is buffered."""


_PROPERTIES = {
    "line.separator": "\n",
    "file.separator": os.sep,
    "path.separator": os.pathsep,
    "java.version": "17.0.15",
    "java.vendor": "Azul Systems, Inc.",
    "os.arch": "amd64",
}


class System:
    """``java.lang.System``: clocks, properties, ``out``/``err``."""

    out = _PrintStream()
    err = _PrintStream()

    @staticmethod
    def currentTimeMillis() -> int:
        """Milliseconds since the epoch."""
        return time.time_ns() // 1_000_000

    @staticmethod
    def nanoTime() -> int:
        """A monotonic clock in nanoseconds."""
        return time.perf_counter_ns()

    @staticmethod
    def lineSeparator() -> str:
        r"""``"\\n"``."""
        return "\n"

    @staticmethod
    def getProperty(key: str, default: str | None = None) -> str | None:
        """A JVM system property (OS, user, directories, ``line.separator``)."""
        dynamic = {
            "os.name": {"posix": "Linux", "nt": "Windows 10"}.get(os.name, os.name),
            "user.name": os.environ.get("USER") or os.environ.get("USERNAME"),
            "user.home": os.path.expanduser("~"),
            "user.dir": os.getcwd(),
            "java.io.tmpdir": os.environ.get("TMPDIR", "/tmp"),
        }
        value = _PROPERTIES.get(key, dynamic.get(key))
        return default if value is None else value

    @staticmethod
    def getenv(name: str | None = None) -> object:
        """An environment variable (or all of them)."""
        return dict(os.environ) if name is None else os.environ.get(name)

    @staticmethod
    def identityHashCode(value: object) -> int:
        """A per-object hash."""
        return id(value) & 0x7FFFFFFF

    @staticmethod
    def arraycopy(src: Any, src_pos: int, dest: Any, dest_pos: int, n: int) -> None:
        """Copy ``n`` items between arrays or lists."""
        dest[dest_pos : dest_pos + n] = src[src_pos : src_pos + n]
