"""``java.io``: ``File``, byte-array streams, ``StringWriter`` and ``PrintWriter``.

``File`` works on the real file system (as in a client, which runs on the
user's machine). Byte arrays are Java ``byte[]`` (:mod:`.jarray`).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from visionsim.runtime.jython.java.errors import (
    FileNotFoundException,
    IOException,
)
from visionsim.runtime.jython.java.jarray import JavaArray, as_bytes, byte_array
from visionsim.runtime.jython.java.strings import java_format
from visionsim.runtime.jython.java.values import to_string

if TYPE_CHECKING:
    import builtins


class File:
    """``java.io.File``: a path, and questions about what is there."""

    separator = os.sep
    pathSeparator = os.pathsep

    def __init__(self, parent: object, child: str | None = None) -> None:
        base = str(parent.getPath() if isinstance(parent, File) else parent)
        self._path = base if child is None else os.path.join(base, str(child))

    def getPath(self) -> str:
        """The path as given."""
        return self._path

    def getName(self) -> str:
        """The last path element."""
        return os.path.basename(self._path)

    def getParent(self) -> str | None:
        """The parent path, or None."""
        parent = os.path.dirname(self._path)
        return parent or None

    def getParentFile(self) -> File | None:
        """The parent as a File, or None."""
        parent = self.getParent()
        return None if parent is None else File(parent)

    def getAbsolutePath(self) -> str:
        """The absolute path."""
        return os.path.abspath(self._path)

    def getAbsoluteFile(self) -> File:
        """The absolute path as a File."""
        return File(self.getAbsolutePath())

    def exists(self) -> bool:
        """Whether something is there."""
        return os.path.exists(self._path)

    def isFile(self) -> bool:
        """Whether it is a file."""
        return os.path.isfile(self._path)

    def isDirectory(self) -> bool:
        """Whether it is a directory."""
        return os.path.isdir(self._path)

    def length(self) -> int:
        """The size in bytes (0 when missing)."""
        return os.path.getsize(self._path) if self.isFile() else 0

    def lastModified(self) -> int:
        """Modification time in epoch milliseconds (0 when missing)."""
        return int(os.path.getmtime(self._path) * 1000) if self.exists() else 0

    def canRead(self) -> bool:
        """Whether it can be read."""
        return os.access(self._path, os.R_OK)

    def canWrite(self) -> bool:
        """Whether it can be written."""
        return os.access(self._path, os.W_OK)

    def delete(self) -> bool:
        """Delete a file or empty directory; whether it did."""
        try:
            if self.isDirectory():
                os.rmdir(self._path)
            else:
                os.remove(self._path)
        except OSError:
            return False
        return True

    def mkdir(self) -> bool:
        """Create the directory; whether it did."""
        try:
            os.mkdir(self._path)
        except OSError:
            return False
        return True

    def mkdirs(self) -> bool:
        """Create the directory and its parents; whether it did."""
        if self.exists():
            return False
        os.makedirs(self._path, exist_ok=True)
        return True

    def createNewFile(self) -> bool:
        """Create an empty file when none exists; whether it did."""
        try:
            with open(self._path, "x"):
                return True
        except FileExistsError:
            return False
        except OSError as exc:
            raise IOException(str(exc)) from None

    def list(self) -> builtins.list[str] | None:
        """The names in a directory (None when not a directory)."""
        return sorted(os.listdir(self._path)) if self.isDirectory() else None

    def listFiles(self) -> builtins.list[File] | None:
        """The entries of a directory as Files."""
        names = self.list()
        return None if names is None else [File(self, n) for n in names]

    def toString(self) -> str:
        """The path."""
        return self._path

    __str__ = toString
    __repr__ = toString

    def __eq__(self, other: object) -> bool:
        return isinstance(other, File) and other._path == self._path

    def __hash__(self) -> int:
        return hash(self._path)

    name = property(getName)
    path = property(getPath)
    parent = property(getParent)
    absolutePath = property(getAbsolutePath)
    file = property(isFile)
    directory = property(isDirectory)


class ByteArrayInputStream:
    """``java.io.ByteArrayInputStream`` over a ``byte[]`` (or bytes, or text)."""

    def __init__(self, data: object, offset: int = 0, length: int | None = None):
        raw = as_bytes(data)
        end = len(raw) if length is None else offset + length
        self._data = raw[offset:end]
        self._pos = 0

    def read(self, buffer: JavaArray | None = None, off: int = 0, n: int = -1) -> int:
        """One byte (0-255, -1 at the end), or fill ``buffer``: the count."""
        if buffer is None:
            if self._pos >= len(self._data):
                return -1
            self._pos += 1
            return self._data[self._pos - 1]
        n = len(buffer) - off if n < 0 else n
        chunk = self._data[self._pos : self._pos + n]
        if not chunk and n:
            return -1
        buffer[off : off + len(chunk)] = [(b + 128) % 256 - 128 for b in chunk]
        self._pos += len(chunk)
        return len(chunk)

    def readAllBytes(self) -> JavaArray:
        """The rest as a ``byte[]``."""
        rest = self._data[self._pos :]
        self._pos = len(self._data)
        return byte_array(rest)

    def available(self) -> int:
        """Bytes left."""
        return len(self._data) - self._pos

    def skip(self, n: int) -> int:
        """Skip up to ``n`` bytes; the count skipped."""
        skipped = min(n, self.available())
        self._pos += skipped
        return skipped

    def reset(self) -> None:
        """Back to the start."""
        self._pos = 0

    def close(self) -> None:
        """Nothing to release."""


class ByteArrayOutputStream:
    """``java.io.ByteArrayOutputStream``: collects bytes."""

    def __init__(self, size: int = 32) -> None:
        self._data = bytearray()

    def write(self, data: object, off: int = 0, n: int | None = None) -> None:
        """One byte (an int) or a ``byte[]`` (a slice of it)."""
        if isinstance(data, int):
            self._data.append(data & 0xFF)
            return
        raw = as_bytes(data)
        self._data += raw[off : len(raw) if n is None else off + n]

    def toByteArray(self) -> JavaArray:
        """The bytes as a ``byte[]``."""
        return byte_array(self._data)

    def size(self) -> int:
        """The number of bytes."""
        return len(self._data)

    def reset(self) -> None:
        """Discard the bytes."""
        self._data.clear()

    def toString(self, charset: str = "UTF-8") -> str:
        """The bytes decoded (UTF-8)."""
        return self._data.decode(charset, "replace")

    __str__ = toString

    def flush(self) -> None:
        """Nothing is buffered."""

    def close(self) -> None:
        """Nothing to release."""


class StringWriter:
    """``java.io.StringWriter``: collects text."""

    def __init__(self, size: int = 16) -> None:
        self._text = ""

    def write(self, text: object, off: int = 0, n: int | None = None) -> None:
        """Text, or one character given as an int."""
        value = chr(text) if isinstance(text, int) else str(text)
        self._text += value[off : len(value) if n is None else off + n]

    def append(self, text: object) -> StringWriter:
        """Append Java's text for ``text``."""
        self._text += to_string(text)
        return self

    def getBuffer(self) -> str:
        """The text so far."""
        return self._text

    def toString(self) -> str:
        """The text so far."""
        return self._text

    __str__ = toString

    def flush(self) -> None:
        """Nothing is buffered."""

    def close(self) -> None:
        """Nothing to release."""


class PrintWriter:
    """``java.io.PrintWriter`` over a ``StringWriter``, a stream or a file path."""

    def __init__(self, target: Any, auto_flush: bool = False) -> None:
        self._file = None
        if isinstance(target, str | File):
            path = str(target)
            try:
                self._file = open(path, "w", encoding="utf-8")  # noqa: SIM115
            except OSError as exc:
                raise FileNotFoundException(f"{path} ({exc.strerror})") from None
        self._target = target

    def write(self, text: object) -> None:
        """Write text as it is."""
        value = chr(text) if isinstance(text, int) else str(text)
        if self._file is not None:
            self._file.write(value)
        elif isinstance(self._target, ByteArrayOutputStream):
            self._target.write(value.encode("utf-8"))
        else:
            self._target.write(value)

    def print(self, value: object) -> None:
        """Java's text for ``value``."""
        self.write(to_string(value))

    def println(self, value: object = "") -> None:
        """Java's text for ``value`` and a line separator."""
        self.write(to_string(value) + "\n")

    def printf(self, fmt: str, *args: object) -> PrintWriter:
        """``String.format`` then write."""
        self.write(java_format(fmt, *args))
        return self

    format = printf

    def flush(self) -> None:
        """Flush a file."""
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        """Close a file."""
        if self._file is not None:
            self._file.close()
