"""Vision windows: ``window.yaml`` files checked against the component catalog.

A window lives at ``com.inductiveautomation.vision/windows/<folders>/<Window>/``
and its path is the folder path (``Main``, ``Popups/Confirm``). Every
component type, property, custom property and event name is checked against
:mod:`runtime.vision_catalog`, values are coerced to the catalog's types, and
event scripts are syntax-checked, so a typo is a :class:`ProjectError` naming
``window.yaml``, the line and column, and the nearest valid name — not a
widget that silently ignores it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from visionsim.runtime.colors import COLOR_PROPERTIES, is_color
from visionsim.runtime.project_io import (
    ProjectError,
    YamlDoc,
    bad_value,
    check_keys,
    check_syntax,
    coerce,
    entry,
    is_int,
    item_node,
    key_node,
    load_yaml,
    short,
    value_node,
)
from visionsim.runtime.vision_catalog import CATALOG, CUSTOM_TYPES, PLACEABLE, nearest
from visionsim.runtime.window_bindings import (  # re-exported: specs live here
    BINDING_KINDS,
    BindingSpec,
    read_bindings,
)

if TYPE_CHECKING:
    import yaml

    from visionsim.runtime.vision_catalog import ComponentType

__all__ = [
    "BINDING_KINDS",
    "DEFAULT_SIZE",
    "ROOT_NAME",
    "WINDOWS",
    "BindingSpec",
    "ComponentSpec",
    "CustomProperty",
    "WindowSpec",
    "load_windows",
]

WINDOWS = Path("com.inductiveautomation.vision/windows")
DEFAULT_SIZE = (640, 400)
#: Limits on what reaches Qt (it takes 32-bit ints, and a window's pixels are
#: memory): far beyond any real Vision window, far below an overflow.
MAX_WINDOW_PX = 8192
MAX_POSITION_PX = 1_000_000
MAX_SIZE_PX = 100_000
#: Containers nested deeper than this are a mistake (or a generated attack).
MAX_DEPTH = 64
ROOT_NAME = "Root Container"
_RESOURCE_FILES = ("window.yaml", "window.bin", "data.bin")
_WINDOW_KEYS = ("title", "openOnStartup", "startMaximized", "size", "rootContainer")
_ROOT_KEYS = ("props", "customProperties", "components", "events", "bindings")
_COMPONENT_KEYS = ("type", "name", "bounds", *_ROOT_KEYS)
_CUSTOM_KINDS: dict[str, type] = {
    "str": str,
    "int": int,
    "float": float,
    "bool": bool,
    "dataset": object,  # a raw {columns, rows} dict; widgets make the Dataset
}
_CUSTOM_DEFAULTS: dict[str, object] = {
    "str": "",
    "int": 0,
    "float": 0.0,
    "bool": False,
    "dataset": None,
}


@dataclass(frozen=True, slots=True)
class CustomProperty:
    """A custom (dynamic) property: ``type`` is one of ``CUSTOM_TYPES``."""

    name: str
    type: str
    value: object


@dataclass(frozen=True, slots=True)
class ComponentSpec:
    """One component of a window, as written in ``window.yaml``.

    ``path`` names it from the root down (``"Root Container/Group/Start"``);
    ``props`` holds the built-in properties the file sets, coerced to the
    catalog's types (a Table's ``data`` stays a raw ``{columns, rows}`` dict);
    ``components`` are the children (containers only), in z-order; ``line``
    is where it is defined in ``window.yaml``.
    """

    type: str
    name: str
    path: str
    bounds: tuple[int, int, int, int]
    props: dict[str, object]
    custom_properties: dict[str, CustomProperty]
    events: dict[str, str]
    components: tuple[ComponentSpec, ...]
    line: int | None
    #: Property bindings by the property they set.
    bindings: dict[str, BindingSpec] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class WindowSpec:
    """A Vision window; its root container's custom properties are parameters."""

    path: str
    title: str
    open_on_startup: bool
    size: tuple[int, int]
    root: ComponentSpec
    file: Path
    #: Opens filling the client's desktop (Ignition's Start Maximized).
    start_maximized: bool = False


def load_windows(project_root: Path) -> dict[str, WindowSpec]:
    """Every window of the project at ``project_root``, by window path."""
    base = project_root / WINDOWS
    if not base.is_dir():
        return {}
    windows: dict[str, WindowSpec] = {}
    for folder in _window_folders(base):
        path = folder.relative_to(base).as_posix()
        windows[path] = _load_window(folder / "window.yaml", path)
    return windows


def _window_folders(base: Path) -> list[Path]:
    def fail(exc: OSError) -> None:
        where = exc.filename or base
        raise ProjectError(where, f"cannot read folder: {exc.strerror or exc}")

    found = []
    for folder, dirs, files in os.walk(base, onerror=fail):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if any(name in files for name in _RESOURCE_FILES):
            found.append(Path(folder))
    return sorted(found)


def _load_window(file: Path, path: str) -> WindowSpec:
    doc = load_yaml(file)
    data = {} if doc.data is None else doc.data
    if not isinstance(data, dict):
        raise doc.error(doc.node, "a window must be a mapping (title, size, ...)")
    check_keys(doc, data, doc.node, _WINDOW_KEYS, "window")
    title = data.get("title", path.rsplit("/", 1)[-1])
    if not isinstance(title, str):
        raise bad_value(doc, value_node(doc.node, "title"), "title", title, str)
    is_open = data.get("openOnStartup", False)
    if not isinstance(is_open, bool):
        node = value_node(doc.node, "openOnStartup")
        raise bad_value(doc, node, "openOnStartup", is_open, bool)
    maximized = data.get("startMaximized", False)
    if not isinstance(maximized, bool):
        node = value_node(doc.node, "startMaximized")
        raise bad_value(doc, node, "startMaximized", maximized, bool)
    size = _size(doc, data.get("size", list(DEFAULT_SIZE)))
    found = entry(doc.node, "rootContainer")
    key, root_node = found if found else (None, None)
    root_data = {} if data.get("rootContainer") is None else data["rootContainer"]
    if not isinstance(root_data, dict):
        raise doc.error(root_node, "rootContainer must be a mapping")
    check_keys(doc, root_data, root_node, _ROOT_KEYS, "rootContainer")
    root = _build(
        _Component(doc, path, CATALOG["RootContainer"], ROOT_NAME, root_node),
        (0, 0, *size),
        root_data,
        key.start_mark.line + 1 if key is not None else None,
    )
    return WindowSpec(path, title, is_open, size, root, file, maximized)


@dataclass(frozen=True, slots=True)
class _Component:
    """What the checks of one component need: its file, type, names and node."""

    doc: YamlDoc
    window: str
    ctype: ComponentType
    path: str
    node: yaml.Node | None

    @property
    def name(self) -> str:
        return self.path.rpartition("/")[2]

    def node_of(self, key: str) -> yaml.Node | None:
        return value_node(self.node, key)


def _size(doc: YamlDoc, size: object) -> tuple[int, int]:
    if (
        not isinstance(size, list)
        or len(size) != 2
        or not all(is_int(n) and 0 < n <= MAX_WINDOW_PX for n in size)
    ):
        raise doc.error(
            value_node(doc.node, "size"),
            f"size must be [width, height], two integers from 1 to {MAX_WINDOW_PX}, "
            f"not {short(size)}",
        )
    return size[0], size[1]


def _component(
    parent: _Component, data: object, node: yaml.Node | None
) -> ComponentSpec:
    doc = parent.doc
    if not isinstance(data, dict):
        raise doc.error(node, "a component must be a mapping (type, name, bounds...)")
    check_keys(doc, data, node, _COMPONENT_KEYS, "component")
    if "type" not in data:
        raise doc.error(node, f"a component needs a type (one of {_names(PLACEABLE)})")
    kind = data["type"]
    if kind not in PLACEABLE:
        hint = nearest(str(kind), PLACEABLE) or f" (one of {_names(PLACEABLE)})"
        if kind == "RootContainer":
            hint = " (a window has one root container: rootContainer:)"
        raise doc.error(
            value_node(node, "type"), f"unknown component type {short(kind)}{hint}"
        )
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        where = value_node(node, "name") if "name" in data else node
        raise doc.error(where, f"a {kind} needs a name (text), not {short(name)}")
    if "/" in name or "." in name:
        raise doc.error(
            value_node(node, "name"),
            f"component name {short(name)} cannot contain '/' or '.'",
        )
    if "bounds" not in data:
        raise doc.error(node, f"{short(name)} needs bounds: [x, y, width, height]")
    if parent.path.count("/") >= MAX_DEPTH:
        raise doc.error(node, f"containers nested more than {MAX_DEPTH} deep")
    comp = _Component(doc, parent.window, CATALOG[kind], f"{parent.path}/{name}", node)
    line = node.start_mark.line + 1 if node is not None else None
    return _build(comp, _bounds(comp, data["bounds"]), data, line)


def _bounds(comp: _Component, bounds: object) -> tuple[int, int, int, int]:
    node = comp.node_of("bounds")
    if not isinstance(bounds, list) or len(bounds) != 4 or not all(map(is_int, bounds)):
        raise comp.doc.error(
            node,
            f"bounds must be 4 integers [x, y, width, height], not {short(bounds)}",
        )
    x, y, width, height = bounds
    if width < 0 or height < 0:
        raise comp.doc.error(
            node, f"bounds: width and height cannot be negative, not {width}x{height}"
        )
    if max(abs(x), abs(y)) > MAX_POSITION_PX or max(width, height) > MAX_SIZE_PX:
        raise comp.doc.error(
            node,
            f"bounds out of range: x and y within +-{MAX_POSITION_PX}, width and "
            f"height up to {MAX_SIZE_PX}, not {short(bounds)}",
        )
    return x, y, width, height


def _build(
    comp: _Component,
    bounds: tuple[int, int, int, int],
    data: dict[object, object],
    line: int | None,
) -> ComponentSpec:
    custom = _custom(comp, _mapping(comp, data, "customProperties"))
    return ComponentSpec(
        type=comp.ctype.name,
        name=comp.name,
        path=comp.path,
        bounds=bounds,
        props=_props(comp, _mapping(comp, data, "props")),
        custom_properties=custom,
        events=_events(comp, _mapping(comp, data, "events")),
        components=_children(comp, data.get("components")),
        line=line,
        bindings=read_bindings(
            comp.doc,
            comp.node_of("bindings"),
            _mapping(comp, data, "bindings"),
            (*comp.ctype.property_names, *custom),
            comp.ctype.name,
        ),
    )


def _mapping(
    comp: _Component, data: dict[object, object], key: str
) -> dict[str, object]:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise comp.doc.error(comp.node_of(key), f"{key} must be a mapping")
    for name in value:
        if not isinstance(name, str):
            raise comp.doc.error(
                comp.node_of(key), f"{key}: {short(name)} is not a name"
            )
    return value


def _props(comp: _Component, props: dict[str, object]) -> dict[str, object]:
    parent = comp.node_of("props")
    out: dict[str, object] = {}
    for name, value in props.items():
        spec = comp.ctype.property(name)
        if name == "name":
            raise comp.doc.error(
                key_node(parent, name),
                "name is set by the component's name:, not props",
            )
        if spec is None:
            hint = nearest(name, comp.ctype.property_names)
            raise comp.doc.error(
                key_node(parent, name),
                f"unknown property {short(name)} of {comp.ctype.name}{hint}",
            )
        node = value_node(parent, name)
        out[name] = coerce(comp.doc, node, name, value, spec.kind)
        if name in COLOR_PROPERTIES and not is_color(str(value)):
            raise comp.doc.error(
                node,
                f"{name} must be a colour (#rrggbb, #rgb or a CSS colour "
                f"name), not {short(value)}",
            )
    return out


def _custom(comp: _Component, custom: dict[str, object]) -> dict[str, CustomProperty]:
    parent = comp.node_of("customProperties")
    out: dict[str, CustomProperty] = {}
    for name, spec in custom.items():
        found = entry(parent, name)
        key, node = found if found else (parent, parent)
        label = f"custom property {short(name)}"
        if not name.isidentifier():
            raise comp.doc.error(key, f"{label}: the name must be an identifier")
        if name in comp.ctype.property_names:
            raise comp.doc.error(
                key, f"{label} clashes with {comp.ctype.name}'s built-in property"
            )
        if not isinstance(spec, dict) or "type" not in spec:
            raise comp.doc.error(
                node, f"{label} needs {{type: {'|'.join(CUSTOM_TYPES)}, value: ...}}"
            )
        check_keys(comp.doc, spec, node, ("type", "value"), label)
        kind = spec["type"]
        if kind not in CUSTOM_TYPES:
            hint = (
                nearest(str(kind), CUSTOM_TYPES) or f" (one of {_names(CUSTOM_TYPES)})"
            )
            raise comp.doc.error(
                value_node(node, "type"), f"{label}: unknown type {short(kind)}{hint}"
            )
        value = _CUSTOM_DEFAULTS[kind]
        if "value" in spec:
            value = coerce(
                comp.doc,
                value_node(node, "value"),
                label,
                spec["value"],
                _CUSTOM_KINDS[kind],
            )
        out[name] = CustomProperty(name, kind, value)
    return out


def _events(comp: _Component, events: dict[str, object]) -> dict[str, str]:
    parent = comp.node_of("events")
    out: dict[str, str] = {}
    for name, script in events.items():
        if name not in comp.ctype.events:
            hint = nearest(name, comp.ctype.events)
            raise comp.doc.error(
                key_node(parent, name),
                f"unknown event {short(name)} for {comp.ctype.name}{hint}",
            )
        node = value_node(parent, name)
        if not isinstance(script, str):
            raise comp.doc.error(node, f"event {name} must be a script (text)")
        check_syntax(comp.doc, node, f"{comp.window}/{comp.path}.{name}", script)
        out[name] = script
    return out


def _children(comp: _Component, children: object) -> tuple[ComponentSpec, ...]:
    if not children:
        return ()
    if not comp.ctype.is_container:
        raise comp.doc.error(
            key_node(comp.node, "components"),
            f"a {comp.ctype.name} cannot have components (only containers can)",
        )
    node = comp.node_of("components")
    if not isinstance(children, list):
        raise comp.doc.error(node, "components must be a list")
    seen: dict[str, int | None] = {}
    out = []
    for index, data in enumerate(children):
        child_node = item_node(node, index)
        name = data.get("name") if isinstance(data, dict) else None
        if isinstance(name, str) and name in seen:
            raise comp.doc.error(
                value_node(child_node, "name"),
                f"duplicate component name {short(name)} in {comp.path} "
                f"(first at line {seen[name]})",
            )
        child = _component(comp, data, child_node)
        seen[child.name] = child.line
        out.append(child)
    return tuple(out)


def _names(names: tuple[str, ...]) -> str:
    return ", ".join(names)
