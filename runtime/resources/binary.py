"""The byte-level reader of Ignition's binary resources (``window.bin``, ``data.bin``).

Follows ``reference/ignition-binary-resources.md`` sections 2-7: gzip, the
16-byte magic and header, the string table, then one element tree. Every
count and length is checked against the bytes that remain before anything
is allocated, nesting is capped, and decompression stops at a size limit, so
a truncated, hostile or huge file is a :class:`ProjectError` naming the file
and the element path — never a hang, a RecursionError or a runaway
allocation. Back-references stay :class:`Elem` ``ref`` nodes here;
:mod:`~visionsim.runtime.resources.graph` resolves them.
"""

from __future__ import annotations

import os
import stat
import struct
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from visionsim.runtime.project_io import ProjectError
from visionsim.runtime.resources.payloads import FormatError, decode_payload

if TYPE_CHECKING:
    from pathlib import Path

MAGIC = bytes.fromhex("98298faa43f74a4fb28dca3c4896afc9")
VERSION = 2
HEADER_SIZE = 0x30
#: Largest resource file read (gzipped) and largest decompressed stream.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DATA_BYTES = 128 * 1024 * 1024
#: Deepest element nesting accepted (real windows stay near 100): the reader
#: and the graph builder recurse, and must stay far from Python's limit.
MAX_DEPTH = 200
FLAG_SPLIT, FLAG_ID, FLAG_ATTRS, FLAG_CHILDREN, FLAG_PAYLOAD = 2, 4, 8, 16, 32
TAG_EMPTY, TAG_REF = 0x00, 0x01
_KNOWN_FLAGS = FLAG_SPLIT | FLAG_ID | FLAG_ATTRS | FLAG_CHILDREN | FLAG_PAYLOAD
#: Attribute value types: string, class name, signature, int.
ATTR_STRING, ATTR_CLASS, ATTR_SIGNATURE, ATTR_INT = 8, 9, 10, 2


@dataclass(slots=True)
class Attr:
    """One attribute value: ``kind`` is one of the ``ATTR_*`` codes."""

    kind: int
    value: str | int | tuple[str, ...]


@dataclass(slots=True)
class Elem:
    """One element: a name, optional id, attributes, payload or children.

    ``ref`` is set on back-references (``<ref>N</ref>``); ``split`` says the
    name was written in two parts (``o`` + ``c`` = ``o-c``); ``has_payload``
    says ``value`` came from a typed payload.
    """

    name: str
    split: bool = False
    id: int | None = None
    attrs: dict[str, Attr] | None = None
    has_payload: bool = False
    value: object = None
    children: list[Elem] | None = None
    ref: int | None = None

    def attr(self, name: str) -> object:
        """The value of attribute ``name``, or None."""
        found = (self.attrs or {}).get(name)
        return None if found is None else found.value


@dataclass(slots=True)
class Document:
    """A decoded file: header fields and the root element (``objects``)."""

    version: int
    timestamp: int
    root: Elem


def read_file(path: Path) -> Document:
    """Read and parse the resource at ``path``; raises :class:`ProjectError`."""
    return parse(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, after checking it is a regular file of sane size."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise ProjectError(path, f"cannot read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise ProjectError(path, "not a regular file (a device, FIFO or folder)")
    if info.st_size > MAX_FILE_BYTES:
        raise ProjectError(
            path, f"{info.st_size} bytes: larger than the {MAX_FILE_BYTES} limit"
        )
    try:
        with open(path, "rb") as file:
            return file.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ProjectError(path, f"cannot read: {exc.strerror or exc}") from None


def parse(data: bytes, path: Path) -> Document:
    """Parse a resource's bytes (gzipped or not); errors name ``path``."""
    reader = _Reader(b"", path)
    try:
        reader.data = gunzip(data)
        return reader.document()
    except FormatError as exc:
        where = reader.where()
        raise ProjectError(path, f"{exc}{where}") from None
    except RecursionError:  # only when called from an already deep stack
        raise ProjectError(path, f"elements nested too deep{reader.where()}") from None


def gunzip(data: bytes) -> bytes:
    """``data`` decompressed when it is gzip, at most ``MAX_DATA_BYTES``."""
    if data[:2] != b"\x1f\x8b":
        return data
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, MAX_DATA_BYTES + 1)
    except zlib.error as exc:
        raise FormatError(f"broken gzip stream: {exc}") from None
    if len(out) > MAX_DATA_BYTES:
        raise FormatError(f"decompresses to more than {MAX_DATA_BYTES} bytes")
    if not inflater.eof:
        raise FormatError("gzip stream is truncated")
    return out


class _Reader:
    """A cursor over the decompressed bytes, with the open element path."""

    def __init__(self, data: bytes, path: Path) -> None:
        self.data = data
        self.path = path
        self.pos = 0
        self.table: dict[int, str] = {}
        self.stack: list[str] = []

    def where(self) -> str:
        if not self.stack:
            return f" (at byte {self.pos})"
        return f" (at byte {self.pos}, element {'/'.join(self.stack)})"

    def take(self, size: int) -> bytes:
        end = self.pos + size
        if size < 0 or end > len(self.data):
            raise FormatError(
                f"unexpected end of data: needs {size} bytes, "
                f"{len(self.data) - self.pos} left"
            )
        chunk = self.data[self.pos : end]
        self.pos = end
        return chunk

    def u8(self) -> int:
        return self.take(1)[0]

    def i32(self) -> int:
        value: int = struct.unpack(">i", self.take(4))[0]
        return value

    def count(self, what: str, min_size: int) -> int:
        """A count that must fit in the bytes left, ``min_size`` bytes each."""
        value = self.i32()
        left = len(self.data) - self.pos
        if value < 0 or value * min_size > left:
            raise FormatError(f"{what} count {value} does not fit in {left} bytes")
        return value

    def string(self, index: int) -> str:
        try:
            return self.table[index]
        except KeyError:
            raise FormatError(f"string id {index} is not in the string table") from None

    def document(self) -> Document:
        if self.data[:16] != MAGIC:
            raise FormatError("not an Ignition binary resource (wrong magic bytes)")
        self.take(16)
        version = self.i32()
        if version != VERSION:
            raise FormatError(f"format version {version} (only {VERSION} is known)")
        (timestamp,) = struct.unpack(">q", self.take(8))
        self.take(HEADER_SIZE - self.pos)
        self.strings()
        root = self.element(0)
        if self.pos != len(self.data):
            raise FormatError(f"{len(self.data) - self.pos} bytes after the root")
        return Document(version, int(timestamp), root)

    def strings(self) -> None:
        for _ in range(self.count("string table", 7)):
            index, kind = self.i32(), self.u8()
            if kind == 0:
                size = struct.unpack(">H", self.take(2))[0]
            elif kind == 1:
                size = self.i32()
            else:
                raise FormatError(f"string {index}: unknown string kind {kind}")
            if index in self.table:
                raise FormatError(f"string id {index} appears twice")
            self.table[index] = java_utf8(self.take(size))

    def element(self, depth: int) -> Elem:
        if depth > MAX_DEPTH:
            raise FormatError(f"elements nested deeper than {MAX_DEPTH}")
        tag = self.u8()
        if tag == TAG_EMPTY:
            return Elem(self.string(self.i32()))
        if tag == TAG_REF:
            return Elem("ref", ref=self.i32())
        if tag & ~_KNOWN_FLAGS or (tag & FLAG_CHILDREN and tag & FLAG_PAYLOAD):
            raise FormatError(f"unknown element tag {tag:#04x}")
        elem = self.head(tag)
        self.stack.append(_label(elem))
        if tag & FLAG_PAYLOAD:
            size = self.i32()
            count = elem.attr("len")
            elem.has_payload = True
            elem.value = decode_payload(
                elem.name,
                self.take(size),
                self.table,
                count if isinstance(count, int) else None,
            )
        if tag & FLAG_CHILDREN:
            elem.children = [
                self.element(depth + 1) for _ in range(self.count("child", 5))
            ]
        self.stack.pop()
        return elem

    def head(self, tag: int) -> Elem:
        name = self.string(self.i32())
        if tag & FLAG_SPLIT:
            name = f"{name}-{self.string(self.i32())}"
        elem = Elem(name, split=bool(tag & FLAG_SPLIT))
        if tag & FLAG_ID:
            elem.id = self.i32()
        if tag & FLAG_ATTRS:
            elem.attrs = {}
            for _ in range(self.u8()):
                key = self.string(self.i32())
                elem.attrs[key] = self.attribute(key)
        return elem

    def attribute(self, key: str) -> Attr:
        kind = self.u8()
        if kind in (ATTR_STRING, ATTR_CLASS):
            return Attr(kind, self.string(self.i32()))
        if kind == ATTR_SIGNATURE:
            return Attr(kind, tuple(self.string(self.i32()) for _ in range(self.u8())))
        if kind == ATTR_INT:
            flag = self.u8()
            if flag != 0xFF:
                raise FormatError(f"attribute {key}: presence byte {flag:#04x}")
            return Attr(kind, self.i32())
        raise FormatError(f"attribute {key}: unknown value type {kind}")


def _label(elem: Elem) -> str:
    detail = elem.attr("m") or elem.attr("cls")
    return f"{elem.name}[{detail}]" if isinstance(detail, str) else elem.name


def java_utf8(raw: bytes) -> str:
    """Decode Java's modified UTF-8 (``c0 80`` NUL, surrogate pairs as 6 bytes)."""
    try:
        text = raw.replace(b"\xc0\x80", b"\x00").decode("utf-8", "surrogatepass")
    except UnicodeDecodeError as exc:
        raise FormatError(f"string is not modified UTF-8: {exc.reason}") from None
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        # Join surrogate pairs into the characters they encode; a lone one
        # (Java allows it) becomes U+FFFD, so the text can still be printed.
        raw16 = text.encode("utf-16-le", "surrogatepass")
        return raw16.decode("utf-16-le", "replace")
    return text
