"""A test-only encoder of Ignition binary resources, and a tiny builder DSL.

``encode(root)`` writes an element tree (:class:`Elem`) in the format the
decoder reads (header, string table in any order, elements, typed payloads).
The helpers below (``obj``, ``s``, ``i`` …) build the trees the tests need:
windows, templates and event-script configs as Ignition would serialize them.
"""

from __future__ import annotations

import gzip
import random
import struct

from visionsim.runtime.resources.binary import (
    ATTR_CLASS,
    ATTR_INT,
    ATTR_SIGNATURE,
    ATTR_STRING,
    FLAG_ATTRS,
    FLAG_CHILDREN,
    FLAG_ID,
    FLAG_PAYLOAD,
    FLAG_SPLIT,
    MAGIC,
    TAG_EMPTY,
    TAG_REF,
    Attr,
    Elem,
)
from visionsim.runtime.resources.values import (
    ClassName,
    Color,
    Floats,
    Font,
    GeneralPath,
    JavaDate,
    MethodRef,
    Point,
    Raw,
    Rect,
    TagPath,
)

_FLOATS = {"p2df": "2f", "p2dd": "2d", "r2df": "4f", "r2dd": "4d", "e2df": "4f"}
_FLOATS["rndrect2df"] = "6f"
_PRESENT = {"int": "i", "qc": "i", "shrt": "h", "lng": "q", "flt": "f", "dbl": "d"}
_ARRAYS = {"clr_arr": "I", "pflt_arr": "f", "qc_arr": "i", "plng_arr": "q"}


def java_utf8(text: str) -> bytes:
    """Java's modified UTF-8 (DataOutputStream.writeUTF without the length)."""
    out = bytearray()
    for ch in text:
        code = ord(ch)
        if code == 0:
            out += b"\xc0\x80"
        elif code >= 0x10000:
            code -= 0x10000
            for unit in (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)):
                out += chr(unit).encode("utf-8", "surrogatepass")
        else:
            out += ch.encode("utf-8", "surrogatepass")
    return bytes(out)


class _Writer:
    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.body = bytearray()

    def sid(self, text: str) -> int:
        return self.ids.setdefault(text, len(self.ids))

    def i32(self, value: int) -> None:
        self.body += struct.pack(">i", value)

    def element(self, elem: Elem) -> None:
        if elem.ref is not None:
            self.body.append(TAG_REF)
            self.i32(elem.ref)
            return
        tag = (
            (FLAG_SPLIT if elem.split else 0)
            | (FLAG_ID if elem.id is not None else 0)
            | (FLAG_ATTRS if elem.attrs is not None else 0)
            | (FLAG_PAYLOAD if elem.has_payload else 0)
            | (FLAG_CHILDREN if elem.children is not None else 0)
        )
        self.body.append(tag if tag else TAG_EMPTY)
        if elem.split:
            prefix, _, local = elem.name.partition("-")
            self.i32(self.sid(prefix))
            self.i32(self.sid(local))
        else:
            self.i32(self.sid(elem.name))
        if not tag:
            return
        if elem.id is not None:
            self.i32(elem.id)
        if elem.attrs is not None:
            self.body.append(len(elem.attrs))
            for key, attr in elem.attrs.items():
                self.attribute(key, attr)
        if elem.has_payload:
            data = self.payload(elem)
            self.i32(len(data))
            self.body += data
        if elem.children is not None:
            self.i32(len(elem.children))
            for child in elem.children:
                self.element(child)

    def attribute(self, key: str, attr: Attr) -> None:
        self.i32(self.sid(key))
        self.body.append(attr.kind)
        if attr.kind in (ATTR_STRING, ATTR_CLASS):
            self.i32(self.sid(str(attr.value)))
        elif attr.kind == ATTR_SIGNATURE:
            assert isinstance(attr.value, tuple)
            self.body.append(len(attr.value))
            for part in attr.value:
                self.i32(self.sid(part))
        else:
            assert isinstance(attr.value, int)
            self.body.append(0xFF)
            self.i32(attr.value)

    def payload(self, elem: Elem) -> bytes:
        name, value = elem.name, elem.value
        if name in ("str", "class", "tagpath"):
            text = value.name if isinstance(value, ClassName) else value
            text = text.path if isinstance(text, TagPath) else text
            return struct.pack(">i", self.sid(str(text)))
        if value is None:
            return b"\x00"
        if name in _PRESENT:
            return struct.pack(">B" + _PRESENT[name], 0xFF, value)
        if name == "date":
            assert isinstance(value, JavaDate)
            return struct.pack(">Bq", 0xFF, value.millis)
        if name == "clr":
            assert isinstance(value, Color)
            return struct.pack(">BI", 0xFF, value.argb)
        if name == "uuid":
            return b"\xff" + bytes(value)  # type: ignore[arg-type]
        if isinstance(value, Point):
            return struct.pack(">ii", value.x, value.y)
        if isinstance(value, Rect):
            return struct.pack(">iiii", value.a, value.b, value.c, value.d)
        if isinstance(value, Floats):
            return struct.pack(">" + _FLOATS[name], *value.values)
        if isinstance(value, Font):
            return struct.pack(">iii", self.sid(value.family), value.style, value.size)
        if isinstance(value, MethodRef):
            head = struct.pack(
                ">iiB", self.sid(value.owner), self.sid(value.name), len(value.params)
            )
            return head + b"".join(struct.pack(">i", self.sid(p)) for p in value.params)
        if isinstance(value, GeneralPath):
            out = bytearray([value.winding])
            for seg in value.segments:
                out.append(seg.kind)
                out += struct.pack(f">{len(seg.coords)}f", *seg.coords)
            return bytes(out + b"\xff")
        if name == "gzbarr":
            assert isinstance(value, bytes)
            return struct.pack(">i", len(value)) + value
        if name in _ARRAYS:
            assert isinstance(value, tuple)
            fmt = ">B" + _ARRAYS[name]
            return b"".join(struct.pack(fmt, 0xFF, v) for v in value)
        assert isinstance(value, Raw), (name, value)
        return value.data


def encode(
    root: Elem,
    *,
    timestamp: int = 1_590_224_569_714,
    compress: bool = True,
    shuffle: int | None = None,
) -> bytes:
    """The bytes of a resource whose root element is ``root`` (``objects``).

    ``shuffle`` (a seed) writes the string table in a random order, as
    Ignition writes it in hash order.
    """
    writer = _Writer()
    writer.sid("objects")
    writer.element(root)
    entries = list(writer.ids.items())
    if shuffle is not None:
        random.Random(shuffle).shuffle(entries)
    table = bytearray(struct.pack(">i", len(entries)))
    for text, index in entries:
        raw = java_utf8(text)
        if len(raw) < 0x10000:
            table += struct.pack(">iBH", index, 0, len(raw)) + raw
        else:
            table += struct.pack(">iBi", index, 1, len(raw)) + raw
    head = MAGIC + struct.pack(">iq", 2, timestamp) + bytes(20)
    data = head + bytes(table) + bytes(writer.body)
    return gzip.compress(data, mtime=0) if compress else data


# -- the builder DSL ----------------------------------------------------------


def leaf(name: str, value: object, *, id: int | None = None) -> Elem:
    """A typed leaf element (``str``, ``int``, ``clr``, ``r2dd`` …)."""
    attrs = None
    if name in _ARRAYS and isinstance(value, tuple):
        attrs = {"len": Attr(ATTR_INT, len(value))}
    return Elem(name, id=id, attrs=attrs, has_payload=True, value=value)


def s(text: str, *, id: int | None = None) -> Elem:
    """A ``str`` leaf."""
    return leaf("str", text, id=id)


def i(value: int) -> Elem:
    """An ``int`` leaf."""
    return leaf("int", value)


def lng(value: int) -> Elem:
    """A ``lng`` leaf."""
    return leaf("lng", value)


def dbl(value: float) -> Elem:
    """A ``dbl`` leaf."""
    return leaf("dbl", value)


def b(value: bool) -> Elem:
    """``<true/>`` or ``<false/>``."""
    return Elem("true" if value else "false")


def null() -> Elem:
    """``<null/>``."""
    return Elem("null")


def ref(target: int) -> Elem:
    """A back-reference to element id ``target``."""
    return Elem("ref", ref=target)


def clr(argb: int) -> Elem:
    """A colour leaf."""
    return leaf("clr", Color(argb))


def klass(name: str) -> Elem:
    """A ``class`` leaf."""
    return leaf("class", ClassName(name))


def enum(cls: str, name: str) -> Elem:
    """An enum constant."""
    return Elem("enum", attrs={"cls": Attr(ATTR_CLASS, cls), "n": Attr(8, name)})


def array(cls: str, items: list[Elem]) -> Elem:
    """``<array cls=… len=…>``."""
    attrs = {"cls": Attr(ATTR_CLASS, cls), "len": Attr(ATTR_INT, len(items))}
    return Elem("array", attrs=attrs, children=items)


def arraylist(items: list[Elem]) -> Elem:
    """``<arraylist len=…>``."""
    return Elem("arraylist", attrs={"len": Attr(ATTR_INT, len(items))}, children=items)


Calls = list[tuple[str, list[Elem]]]


def obj(
    cls: str,
    calls: Calls | None = None,
    *,
    kind: str = "o",
    ctor: list[Elem] | None = None,
    comm: list[Elem] | None = None,
    id: int | None = None,
    attrs: dict[str, Attr] | None = None,
) -> Elem:
    """An ``o``/``c``/``s`` element with its constructor, common block and calls."""
    children = []
    if ctor is not None:
        sig = Attr(ATTR_SIGNATURE, tuple("O" for _ in ctor))
        children.append(Elem(f"{kind}-ctor", True, attrs={"s": sig}, children=ctor))
    if comm is not None:
        children.append(Elem(f"{kind}-comm", True, children=comm))
    for method, args in calls or []:
        call_attrs = {
            "m": Attr(ATTR_STRING, method),
            "s": Attr(ATTR_SIGNATURE, tuple("O" for _ in args)),
        }
        children.append(Elem(f"{kind}-c", True, attrs=call_attrs, children=args))
    all_attrs = {"cls": Attr(ATTR_CLASS, cls), **(attrs or {})}
    return Elem(kind, id=id, attrs=all_attrs, children=children)


def hashmap(pairs: list[tuple[Elem, Elem]], cls: str = "java.util.HashMap") -> Elem:
    """A serialized map: ``put`` calls."""
    return obj(cls, [("put", [k, v]) for k, v in pairs])


def document(child: Elem) -> Elem:
    """The ``objects`` root around the resource's object."""
    attrs = {"framework.version": Attr(ATTR_STRING, "8.1.26.2023032308")}
    return Elem("objects", attrs=attrs, children=[child])
