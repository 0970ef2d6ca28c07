"""Decoding ``window.bin`` / ``template.bin`` (and v1 ``data.bin``) into specs.

A window becomes the same :class:`~visionsim.runtime.windows.WindowSpec` the
YAML loader builds (reference section 11): title, size, location, dock and
start-maximized settings from the ``FPMIWindow`` setters, the component tree
from ``setContentPane``, events and bindings from the interaction controller
(which Ignition writes *before* the content pane, so the tree is walked
through resolved references, not XML nesting).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from visionsim.runtime.project_io import ProjectError
from visionsim.runtime.resources.binary import parse, read_bytes
from visionsim.runtime.resources.components import (
    ROOT_NAME,
    Builder,
    Tree,
    bounds_of,
    custom_properties,
)
from visionsim.runtime.resources.graph import Call, JavaObject, build, map_items
from visionsim.runtime.resources.interaction import read_controller
from visionsim.runtime.resources.model import TemplateSpec
from visionsim.runtime.resources.payloads import FormatError
from visionsim.runtime.resources.values import Point
from visionsim.runtime.windows import WindowSpec

if TYPE_CHECKING:
    from pathlib import Path

# FPMIWindow dock constants; in real projects headers dock at 1, footers at 4,
# a narrow menu at 3, a details pane at 2.
_DOCK = {0: None, 1: "North", 2: "East", 3: "West", 4: "South"}
_WRAPPERS = {"WindowInfo": "setSerializedCode", "TemplateInfo": "setSerializedBytes"}


def decode_object(file: Path) -> JavaObject:
    """The resource's root object; a v1 wrapper is unwrapped (its nested blob)."""
    return object_from_bytes(read_bytes(file), file)


def object_from_bytes(data: bytes, file: Path) -> JavaObject:
    """The root object of a resource's bytes; errors name ``file``."""
    obj = _root_object(parse(data, file).root, file)
    method = _WRAPPERS.get(obj.short_class())
    if method is not None:
        blob = obj.first(method)
        if not isinstance(blob, bytes):
            raise ProjectError(file, f"{obj.short_class()} without {method}")
        obj = _root_object(parse(blob, file).root, file)
    return obj


def _root_object(root: object, file: Path) -> JavaObject:
    try:
        obj = build(root)  # type: ignore[arg-type]
    except FormatError as exc:
        raise ProjectError(file, str(exc)) from None
    except RecursionError:  # only when called from an already deep stack
        raise ProjectError(file, "objects nested too deep") from None
    if not isinstance(obj, JavaObject):
        raise ProjectError(file, "the resource holds no object")
    return obj


def decode_window(file: Path, path: str) -> WindowSpec:
    """The window at ``file`` (``window.bin`` or v1 ``data.bin``)."""
    window = decode_object(file)
    if window.short_class() != "FPMIWindow":
        raise ProjectError(file, f"not a window: {window.cls or window.kind}")
    root = window.first("setContentPane")
    if not isinstance(root, JavaObject):
        raise ProjectError(file, "window without a root container (setContentPane)")
    size = window.first("setSize")
    width, height = (size.x, size.y) if isinstance(size, Point) else (640, 400)
    width, height = max(1, width), max(1, height)
    tree = Tree(root)
    events, bindings = read_controller(window.first("setInteractionController"), tree)
    spec = Builder(tree, events, bindings).build(root, ROOT_NAME, (0, 0, width, height))
    title = window.first("setTitle")
    name = window.ctor[0] if window.ctor and isinstance(window.ctor[0], str) else path
    location = window.first("setStartingLocation")
    dock = window.first("setDockPosition")
    return WindowSpec(
        path=path,
        title=title if isinstance(title, str) else name.rsplit("/", 1)[-1],
        open_on_startup=False,
        size=(width, height),
        root=spec,
        file=file,
        events=events.get(id(window), {}),
        start_maximized=window.first("setStartMaximized") is True,
        dock_position=_DOCK.get(dock) if isinstance(dock, int) else None,
        location=(location.x, location.y) if isinstance(location, Point) else (0, 0),
        resizable=window.first("setResizable", True) is not False,
        closable=window.first("setClosable", True) is not False,
        maximizable=window.first("setMaximizable", True) is not False,
    )


def decode_template(file: Path, path: str) -> TemplateSpec:
    """The template at ``file`` (``template.bin`` or v1 ``data.bin``)."""
    template = decode_object(file)
    if template.short_class() != "VisionTemplate":
        raise ProjectError(file, f"not a template: {template.cls or template.kind}")
    tree = Tree(template)
    events, bindings = read_controller(template.first("setInteractionController"), tree)
    _x, _y, width, height = bounds_of(template)
    spec = Builder(tree, events, bindings).build(
        template, ROOT_NAME, (0, 0, max(1, width), max(1, height))
    )
    public: dict[str, JavaObject] = {}
    private: dict[str, JavaObject] = {}
    for name, descriptor in map_items(template.first("setDynamicProps")):
        if isinstance(descriptor, JavaObject):
            is_public = descriptor.short_class() != "PrivateCustomProperty"
            (public if is_public else private)[str(name)] = descriptor
    return TemplateSpec(
        path=path,
        size=(max(1, width), max(1, height)),
        root=spec,
        parameters=custom_properties(_as_map(public)),
        internal=custom_properties(_as_map(private)),
        file=file,
    )


def _as_map(descriptors: dict[str, JavaObject]) -> JavaObject:
    """A stand-in TreeMap so :func:`custom_properties` reads a subset."""
    return JavaObject(
        "java.util.TreeMap", calls=[Call("put", [k, v]) for k, v in descriptors.items()]
    )
