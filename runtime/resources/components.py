"""Decoded Vision components: Ignition classes and setters to ComponentSpec.

Reference sections 11.2 and 13: a component's name, bounds and children come
from its common block, constructor or ``privateAdd``/``setChildren`` calls;
every ``setX(value)`` call is a stored property ``x`` (only values that differ
from Ignition's defaults are stored, so the rest keep the catalog defaults).
Classes visionsim simulates map to catalog types; every other class becomes
a ``Placeholder`` that keeps its class name and all its stored properties.
"""

from __future__ import annotations

import dataclasses
import datetime
import math
from typing import TYPE_CHECKING

from visionsim.runtime.resources.graph import JavaObject, list_items, map_items
from visionsim.runtime.resources.values import (
    ClassName,
    Color,
    Floats,
    Font,
    GeneralPath,
    JavaDate,
    JavaEnum,
    Point,
    Rect,
)
from visionsim.runtime.vision_catalog import CATALOG
from visionsim.runtime.vision_classes import catalog_type, font_text
from visionsim.runtime.windows import ComponentSpec, CustomProperty

if TYPE_CHECKING:
    from collections.abc import Iterator

    from visionsim.runtime.windows import BindingSpec

#: Ignition component classes (short names) simulated by visionsim's types.
CLASS_MAP = {
    "PMILabel": "Label",
    "PMIButton": "Button",
    "BasicContainer": "Container",
    "PMITextField": "TextField",
    "PMITextArea": "TextArea",
    "PMINumericTextField": "NumericTextField",
    "PMICheckBox": "CheckBox",
    "PMIProgressBar": "ProgressBar",
    "VisionAdvancedTable": "Table",
    "PMITable": "Table",
}
PLACEHOLDER = "Placeholder"
#: Catalog types the decoder does not hand whole classes to yet: a template
#: holder stays a placeholder until its template is expanded into it, and a
#: shape's geometry (its constructor's delegate) is not decoded into
#: ``shapeType``/``path`` yet, so it stays a placeholder drawn at its bounds.
_NOT_FROM_CLASS = frozenset(
    {"TemplateHolder", "Shape", "ShapeGroup"}
    # and what the catalog has only as a stand-in holding data (not drawn):
    | {"Chart", "EasyChart", "PieChart", "TemplateRepeater"}
)


def _simulating(java_class: str, short: str) -> str:
    """The catalog type for a decoded component's class (or a placeholder)."""
    kind = catalog_type(java_class) or CLASS_MAP.get(short)
    if kind is None or kind in _NOT_FROM_CLASS or kind not in CATALOG:
        return PLACEHOLDER
    return kind


#: Coordinates beyond this are clamped (Qt geometry is int32; real windows
#: stay within a few thousand pixels).
MAX_COORDINATE = 1_000_000
ROOT_NAME = "Root Container"
#: Setters that carry structure, not a property value.
_STRUCTURE = frozenset(
    (
        "setDynamicProps",
        "setChildren",
        "setChildrenForSerialization",
        "setBoundsEx",
        "setPreferredBoundsEx",
        "setInteractionController",
        "setContentPane",
    )
)
_RENAMES = {"componentEnabled": "enabled"}
_INT_TYPES = frozenset("iIlLsS") | {"java.lang.Integer", "java.lang.Long", "int"}
_FLOAT_TYPES = frozenset("dDfF") | {"java.lang.Double", "java.lang.Float"}


class Tree:
    """Component paths of one resource, by object identity, found before building.

    Parameters
    ----------
    root
        The root container (or template root) object.
    """

    def __init__(self, root: JavaObject) -> None:
        self.paths: dict[int, str] = {}
        self._walk(root, ROOT_NAME)

    def _walk(self, obj: JavaObject, path: str) -> None:
        stack = [(obj, path)]
        while stack:
            node, where = stack.pop()
            if id(node) in self.paths:
                continue
            self.paths[id(node)] = where
            for child in children_of(node):
                stack.append((child, f"{where}/{name_of(child)}"))

    def path(self, obj: object) -> str | None:
        """The path of a component of this tree (None for anything else)."""
        return self.paths.get(id(obj))


def children_of(obj: JavaObject) -> Iterator[JavaObject]:
    """The child components, in z-order."""
    for args in obj.all("privateAdd"):
        if args and isinstance(args[0], JavaObject):
            yield args[0]
    for method in ("setChildrenForSerialization", "setChildren"):
        for item in list_items(obj.first(method)):
            if isinstance(item, JavaObject):
                yield item


def name_of(obj: JavaObject) -> str:
    """A component's name: common block, constructor (containers) or attribute."""
    for candidates in (obj.comm[2:3] if obj.comm else [], obj.ctor[:1]):
        if candidates and isinstance(candidates[0], str):
            return candidates[0]
    name = obj.attrs.get("name")
    return name if isinstance(name, str) else obj.short_class()


def bounds_of(obj: JavaObject) -> tuple[int, int, int, int]:
    """x, y, width, height from the common block, setBoundsEx or a shape."""
    box: object = obj.comm[1] if obj.comm and len(obj.comm) > 1 else None
    if box is None:
        box = obj.first("setBoundsEx")
    if box is None and obj.kind == "s" and obj.ctor:
        delegate = obj.ctor[0]
        if isinstance(delegate, JavaObject) and delegate.calls:
            box = delegate.calls[0].args[0] if delegate.calls[0].args else None
    if isinstance(box, GeneralPath):
        box = _path_box(box)
    if isinstance(box, Rect):
        box = Floats((box.a, box.b, box.c, box.d))
    if isinstance(box, Floats) and len(box.values) >= 4:
        x, y, w, h = (_coordinate(v) for v in box.values[:4])
        return x, y, max(0, w), max(0, h)
    return 0, 0, 0, 0


def _path_box(path: GeneralPath) -> Floats | None:
    """The bounding box of a path's points (x, y, width, height)."""
    xs = [c for seg in path.segments for c in seg.coords[0::2]]
    ys = [c for seg in path.segments for c in seg.coords[1::2]]
    if not xs or not ys:
        return None
    return Floats((min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))


def _coordinate(value: float) -> int:
    """A float coordinate as pixels, finite and within what Qt accepts."""
    if not math.isfinite(value):
        return 0
    return max(-MAX_COORDINATE, min(MAX_COORDINATE, round(value)))


def union(bounds: list[tuple[int, int, int, int]]) -> tuple[int, int, int, int]:
    """The smallest box holding all ``bounds`` (a shape group's)."""
    left = min(b[0] for b in bounds)
    top = min(b[1] for b in bounds)
    right = max(b[0] + b[2] for b in bounds)
    bottom = max(b[1] + b[3] for b in bounds)
    return left, top, right - left, bottom - top


class Builder:
    """Builds the ComponentSpecs of one resource from its decoded objects.

    Parameters
    ----------
    tree
        The resource's component paths.
    events
        Event scripts by component identity (``id(obj)`` -> event -> script).
    bindings
        Bindings by component identity.
    """

    def __init__(
        self,
        tree: Tree,
        events: dict[int, dict[str, str]],
        bindings: dict[int, dict[str, BindingSpec]],
    ) -> None:
        self.tree = tree
        self.events = events
        self.bindings = bindings
        self._done: set[int] = set()

    def build(
        self, obj: JavaObject, path: str, bounds: tuple[int, int, int, int] | None
    ) -> ComponentSpec:
        """The spec of ``obj`` (at ``path``) and, recursively, its children."""
        self._done.add(id(obj))
        short = obj.short_class()
        kind = "RootContainer" if path == ROOT_NAME else _simulating(obj.cls, short)
        children = []
        for child in children_of(obj):
            if id(child) not in self._done:  # a cycle or a shared child: once
                child_path = f"{path}/{name_of(child)}"
                children.append(self.build(child, child_path, None))
        if bounds is None and obj.kind == "s" and children and not obj.ctor:
            # A shape group: as big as its shapes, whose geometry is in the
            # group's parent's coordinates.
            bounds = union([c.bounds for c in children])
            dx, dy = bounds[0], bounds[1]
            children = [
                dataclasses.replace(
                    c, bounds=(c.bounds[0] - dx, c.bounds[1] - dy, *c.bounds[2:])
                )
                for c in children
            ]
        return ComponentSpec(
            type=kind,
            name=path.rpartition("/")[2],
            path=path,
            bounds=bounds or bounds_of(obj),
            props=properties(obj, kind),
            custom_properties=custom_properties(obj.first("setDynamicProps")),
            events=self.events.get(id(obj), {}),
            components=tuple(children),
            line=None,
            bindings=self.bindings.get(id(obj), {}),
            ignition_class=obj.cls,
            custom_methods=custom_methods(obj),
        )


def properties(obj: JavaObject, kind: str) -> dict[str, object]:
    """Stored properties: catalog ones coerced, others kept as plain values."""
    ctype = CATALOG.get(kind)
    out: dict[str, object] = {}
    for call in obj.calls:
        method = call.method
        if not method.startswith("set") or len(call.args) != 1:
            continue
        if method in _STRUCTURE or len(method) < 4:
            continue
        name = method[3].lower() + method[4:]
        name = _RENAMES.get(name, name)
        value = plain(call.args[0])
        spec = ctype.property(name) if ctype is not None else None
        if spec is None or kind == PLACEHOLDER:
            out[name] = value
        elif isinstance(value, Font) and spec.kind is str:  # Dialog-BOLD-20
            out[name] = font_text(value.family, value.style, value.size)
        elif (fit := fit_value(value, spec.kind)) is not None:
            out[name] = fit
    if kind == PLACEHOLDER:
        out.pop("name", None)
    return out


def fit_value(value: object, kind: type) -> object:
    """``value`` as a property of type ``kind`` (object: a dataset), or None."""
    if kind is object:
        return value if isinstance(value, dict) else None
    if kind is bool:
        return value if isinstance(value, bool) else None
    if kind in (int, float):
        if not isinstance(value, int | float) or isinstance(value, bool):
            return None
        return int(value) if kind is int else float(value)
    return value if isinstance(value, str) else None


def plain(value: object, depth: int = 0) -> object:
    """A decoded value as scripts see it: colours as text, datasets as dicts."""
    if isinstance(value, Color):
        return value.css
    if isinstance(value, JavaEnum):
        return value.name
    if isinstance(value, ClassName):
        return value.name
    if isinstance(value, JavaDate):
        try:
            return datetime.datetime.fromtimestamp(value.millis / 1000, datetime.UTC)
        except (OverflowError, ValueError, OSError):
            return None
    if isinstance(value, Point):
        return (value.x, value.y)
    if isinstance(value, JavaObject) and depth < 8:
        if value.short_class() in ("BasicDataset", "OptimizedDataSet"):
            return dataset(value)
        items = map_items(value)
        if items or value.short_class().endswith("Map"):
            return {str(plain(k, depth + 1)): plain(v, depth + 1) for k, v in items}
    return value


def dataset(obj: JavaObject) -> dict[str, object] | None:
    """A BasicDataset's ``{columns, rows}`` (its data is stored by column)."""
    args = obj.ctor
    if len(args) < 3:
        return None
    names = [str(n) for n in list_items(args[0])]
    columns = [
        list_items(c) or list(c if isinstance(c, tuple) else ())
        for c in list_items(args[2])
    ]
    if len(columns) != len(names):
        return {"columns": names, "rows": []}
    count = min((len(c) for c in columns), default=0)
    rows = [[plain(col[r], 8) for col in columns] for r in range(count)]
    return {"columns": names, "rows": rows}


#: Python types of the custom property types that have one.
CUSTOM_KINDS: dict[str, type] = {
    "str": str,
    "int": int,
    "float": float,
    "bool": bool,
    "dataset": object,
}


def custom_value(kind: str, value: object, default: object) -> object:
    """``value`` for a custom property of type ``kind``, or ``default`` if unfit."""
    python = CUSTOM_KINDS.get(kind)
    if python is None:
        return default if value is None else value
    fit = fit_value(value, python)
    return default if fit is None else fit


def custom_properties(props: object) -> dict[str, CustomProperty]:
    """``setDynamicProps`` (name -> descriptor) as custom properties."""
    out: dict[str, CustomProperty] = {}
    for key, descriptor in map_items(props):
        if not isinstance(descriptor, JavaObject):
            continue
        name = descriptor.first("setName", key)
        kind = _custom_type(descriptor.first("setPropertyType"))
        value = custom_value(kind, plain(descriptor.first("setValue")), None)
        if value is None:
            value = _DEFAULTS.get(kind)
        out[str(name)] = CustomProperty(str(name), kind, value)
    return out


_DEFAULTS: dict[str, object] = {"str": "", "int": 0, "float": 0.0, "bool": False}


def _custom_type(cls: object) -> str:
    name = cls.name if isinstance(cls, ClassName) else str(cls)
    if name in ("str", "java.lang.String"):
        return "str"
    if name in _INT_TYPES:
        return "int"
    if name in _FLOAT_TYPES:
        return "float"
    if name in ("b", "B", "java.lang.Boolean"):
        return "bool"
    if name.endswith("Dataset"):
        return "dataset"
    return {"date": "date", "clr": "color"}.get(name, "object")


def custom_methods(obj: JavaObject) -> dict[str, str]:
    """``vision.custom.functions``: custom method name -> its source."""
    for args in obj.all("putClientProperty"):
        if len(args) == 2 and args[0] == "vision.custom.functions":
            return {
                str(k): _method_source(v)
                for k, v in map_items(args[1])
                if isinstance(k, str)
            }
    return {}


def _method_source(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, JavaObject):  # a descriptor object holding the code
        for method in ("setCode", "setSource", "setJythonCode"):
            code = value.first(method)
            if isinstance(code, str):
                return code
    return ""
