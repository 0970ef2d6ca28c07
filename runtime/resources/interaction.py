"""A resource's interaction controller: event handlers and property bindings.

Reference section 11.3: ``setGeneralAdapters`` maps a component (or the
window itself) to its ``ActionAdapter`` list — event set and method name give
the event (``actionPerformed``), ``setJythonCode`` the script;
``setPropertyAdapters`` maps a ``PropertyKey`` (component, property) to a
binding adapter, whose class says the binding kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from visionsim.runtime.resources.graph import JavaObject, list_items, map_items
from visionsim.runtime.resources.values import MethodRef, TagPath
from visionsim.runtime.windows import BindingSpec

if TYPE_CHECKING:
    from visionsim.runtime.resources.components import Tree

#: Binding adapter classes visionsim simulates -> BindingSpec kind.
SIMULATED_ADAPTERS = {
    "ExpressionPropertyAdapter": "expression",
    "SimpleBoundPropertyAdapter": "property",
    "SimpleBoundTagAdapter": "tag",
    "IndirectTagBindingAdapter": "indirect",
    "SQLPropertyAdapter": "query",
    "NamedQueryAdapter": "namedQuery",
}
#: Other adapters, by the kind Ignition's binding dialog names them.
OTHER_ADAPTERS = {
    "SimpleBoundColorAdapter": "numberToColor",
    "UDTTagAdapter": "udt",
    "IndirectUDTTagAdapter": "indirectUdt",
    "TagHistoryAdapter": "tagHistory",
    "CellUpdateAdapter": "cellUpdate",
    "ExtensibleBinding": "function",
}

Events = dict[int, dict[str, str]]
Bindings = dict[int, dict[str, BindingSpec]]


def read_controller(controller: object, tree: Tree) -> tuple[Events, Bindings]:
    """Events and bindings by component identity (``id(obj)``)."""
    events: Events = {}
    bindings: Bindings = {}
    if not isinstance(controller, JavaObject):
        return events, bindings
    for target, adapters in map_items(controller.first("setGeneralAdapters")):
        for adapter in list_items(adapters):
            found = _handler(adapter)
            if found is not None:
                scripts = events.setdefault(id(target), {})
                name, code = found
                scripts[name] = f"{scripts[name]}\n{code}" if name in scripts else code
    for key, adapter in map_items(controller.first("setPropertyAdapters")):
        if isinstance(key, JavaObject) and isinstance(adapter, JavaObject):
            prop = str(key.first("setPropertyName", ""))
            binding = binding_of(adapter, prop, tree)
            bindings.setdefault(id(key.first("setComponent")), {})[prop] = binding
    return events, bindings


def _handler(adapter: object) -> tuple[str, str] | None:
    """``(event name, script)`` of one ActionAdapter."""
    if not isinstance(adapter, JavaObject):
        return None
    code = adapter.first("setJythonCode")
    descriptor = adapter.first("setMethodDescriptor")
    if not isinstance(code, str) or not isinstance(descriptor, JavaObject):
        return None
    method = descriptor.ctor[0] if descriptor.ctor else None
    if not isinstance(method, MethodRef):
        return None
    return method.name, code


def binding_of(adapter: JavaObject, prop: str, tree: Tree) -> BindingSpec:
    """The BindingSpec of one property adapter (kind from its class)."""
    short = adapter.short_class()
    kind = SIMULATED_ADAPTERS.get(short) or OTHER_ADAPTERS.get(short, short)
    bidirectional = adapter.first("setBidirectional") is True
    refs: dict[str, str] = {}
    params: dict[str, object] = {}
    poll = adapter.first("setUpdateRate")
    database = adapter.first("setDatasource")
    if kind == "expression":
        source = _text(adapter.first("setExpressionSource"))
    elif kind == "property":
        source = _listener(adapter.first("setInteraction"), tree)
    elif kind in ("tag", "udt"):
        source = _text(adapter.first("setTagPathString"))
    elif kind in ("indirect", "indirectUdt"):
        source, refs = _indirect(adapter, tree)
    elif kind == "query":
        source = _query(adapter.first("setPullQuery"), tree)
    elif kind == "namedQuery":
        source = _text(adapter.first("setPullPath"))
        params = {str(k): v for k, v in map_items(adapter.first("setPullArguments"))}
        for name, holder in map_items(adapter.first("setPullBoundArguments")):
            if isinstance(holder, JavaObject):
                params[str(name)] = "{" + _text(holder.first("setProperty")) + "}"
    else:
        source = ""
    return BindingSpec(
        kind=kind,
        target=prop,
        source=source,
        bidirectional=bidirectional,
        poll_ms=poll if isinstance(poll, int) and not isinstance(poll, bool) else None,
        refs=refs,
        params=params,
        database=database if isinstance(database, str) else None,
    )


def _text(value: object) -> str:
    if isinstance(value, TagPath):
        return value.path
    return value if isinstance(value, str) else ""


def _listener(descriptor: object, tree: Tree) -> str:
    """``Root Container.Group.Slider.value`` for a (source, property) descriptor."""
    if not isinstance(descriptor, JavaObject):
        return ""
    path = tree.path(descriptor.first("setSource")) or ""
    prop = _text(descriptor.first("setSourceProperty"))
    return ".".join(p for p in (path.replace("/", "."), prop) if p)


def _indirect(adapter: JavaObject, tree: Tree) -> tuple[str, dict[str, str]]:
    parts = []
    for node in list_items(adapter.first("setPathParts")):
        if isinstance(node, JavaObject):
            index = node.first("setRefIdx")
            parts.append(
                f"{{{index}}}" if index is not None else _text(node.first("setString"))
            )
    refs = {
        str(index): _listener(listener, tree)
        for index, listener in map_items(adapter.first("setReferences"))
    }
    return "".join(parts), refs


def _query(holder: object, tree: Tree) -> str:
    """A query's SQL: literal parts, and ``{property}`` references."""
    if not isinstance(holder, JavaObject):
        return ""
    parts = []
    for node in list_items(holder.first("setNodes")):
        if not isinstance(node, JavaObject):
            continue
        literal = node.first("setString")
        if isinstance(literal, str):
            parts.append(literal)
        elif (prop := node.first("setProperty")) is not None:
            text = (
                _listener(prop, tree) if isinstance(prop, JavaObject) else _text(prop)
            )
            parts.append("{" + text + "}")
        elif isinstance(tag := node.first("setTagListener"), JavaObject):
            parts.append("{" + _text(tag.first("setTagPathString")) + "}")
    return "".join(parts)
