"""The object graph of a binary resource: Java objects, calls, shared values.

:func:`build` turns the element tree of :mod:`~visionsim.runtime.resources.binary`
into Python values (reference section 8-9): ``o``/``c``/``s`` elements become
:class:`JavaObject` (class, constructor arguments, method calls in order),
lists and arrays become lists, enum constants :class:`JavaEnum`, leaves their
typed value. Every element with an id is registered *before* its children,
so a ``<ref>`` to an ancestor still being built resolves to the same object
(the graph may be cyclic).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from visionsim.runtime.resources.binary import MAX_DEPTH, Elem
from visionsim.runtime.resources.payloads import FormatError
from visionsim.runtime.resources.values import JavaEnum

if TYPE_CHECKING:
    from collections.abc import Iterator

_LITERALS: dict[str, object] = {"null": None, "true": True, "false": False}
_OBJECTS = ("o", "c", "s")


@dataclass(eq=False, slots=True)
class Call:
    """One method call on an object: name and arguments."""

    method: str
    args: list[object]


@dataclass(eq=False, slots=True)
class JavaObject:
    """A serialized Java object; identity matters (``eq`` is ``is``).

    ``kind`` is ``o`` (bean), ``c`` (Swing component) or ``s`` (shape);
    ``comm`` is a component's common block (preferred size, bounds, name,
    layout constraint); ``attrs`` the element's own attributes (a shape's
    ``name``).
    """

    cls: str
    kind: str = "o"
    ctor: list[object] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    comm: list[object] | None = None
    attrs: dict[str, object] = field(default_factory=dict)

    def first(self, method: str, default: object = None) -> object:
        """The single argument of the first call to ``method``, or ``default``."""
        for call in self.calls:
            if call.method == method and call.args:
                return call.args[0]
        return default

    def all(self, method: str) -> Iterator[list[object]]:
        """The arguments of every call to ``method``, in order."""
        return (call.args for call in self.calls if call.method == method)

    def short_class(self) -> str:
        """The class name without its package (``PMILabel``)."""
        return self.cls.rsplit(".", 1)[-1]


def build(root: Elem) -> object:
    """The value of the document root's single child (the resource's object)."""
    if root.name != "objects" or not root.children:
        raise FormatError("the root element must be <objects> with one child")
    builder = _Builder()
    try:
        return builder.value(root.children[0], 1)
    except FormatError as exc:
        raise FormatError(f"{exc} (element {'/'.join(builder.stack)})") from None


def map_items(obj: object) -> list[tuple[object, object]]:
    """The ``put`` pairs of a serialized HashMap/TreeMap (empty otherwise)."""
    if not isinstance(obj, JavaObject):
        return []
    return [(a[0], a[1]) for a in obj.all("put") if len(a) == 2]


def list_items(obj: object) -> list[object]:
    """Items of a list, array or serialized ArrayList/LinkedList (``add``)."""
    if isinstance(obj, list):
        return obj
    if isinstance(obj, JavaObject):
        return [a[0] for a in obj.all("add") if len(a) == 1]
    return []


class _Builder:
    """One pass over the element tree with the id -> value table."""

    def __init__(self) -> None:
        self.ids: dict[int, object] = {}
        #: Where the builder is, for errors (``o[FPMIWindow]/o-c[setTitle]``).
        self.stack: list[str] = ["objects"]

    def register(self, elem: Elem, value: object) -> None:
        if elem.id is not None:
            self.ids[elem.id] = value

    def value(self, elem: Elem, depth: int) -> object:
        if depth > MAX_DEPTH:
            raise FormatError(f"elements nested deeper than {MAX_DEPTH}")
        if elem.ref is not None:
            if elem.ref not in self.ids:
                raise FormatError(f"reference to id {elem.ref}, not defined before")
            return self.ids[elem.ref]
        if elem.has_payload:
            self.register(elem, elem.value)
            return elem.value
        if elem.name in _LITERALS and not elem.children:
            return _LITERALS[elem.name]
        if elem.name in _OBJECTS:
            return self.java_object(elem, depth)
        if elem.name == "enum":
            found = JavaEnum(str(elem.attr("cls")), str(elem.attr("n")))
            self.register(elem, found)
            return found
        items: list[object] = []  # array, arraylist, enumset, unknown holders
        self.register(elem, items)
        items.extend(self.value(child, depth + 1) for child in elem.children or ())
        return items

    def java_object(self, elem: Elem, depth: int) -> JavaObject:
        cls = elem.attr("cls")
        obj = JavaObject(cls if isinstance(cls, str) else "", elem.name)
        obj.attrs = {k: a.value for k, a in (elem.attrs or {}).items() if k != "cls"}
        self.register(elem, obj)
        self.stack.append(f"{elem.name}[{obj.cls}]")
        for child in elem.children or ():
            part = child.name.partition("-")[2]
            method = child.attr("m")
            self.stack.append(f"{child.name}[{method}]" if method else child.name)
            args = [self.value(arg, depth + 2) for arg in child.children or ()]
            self.stack.pop()
            if part == "c":
                obj.calls.append(Call(str(child.attr("m")), args))
            elif part == "ctor":
                obj.ctor = args
            elif part == "comm":
                obj.comm = args
            else:
                raise FormatError(f"unexpected <{child.name}> inside <{elem.name}>")
        self.stack.pop()
        return obj
