"""Building binary Ignition resources for tests: windows, templates, event scripts.

Everything is written with the test encoder, shaped as Ignition writes it
(reference sections 11-12): the interaction controller before the content
pane, components first serialized inside it and referenced afterwards.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tests.runtime.resources.encoder import (
    Calls,
    array,
    arraylist,
    b,
    document,
    encode,
    enum,
    hashmap,
    klass,
    leaf,
    lng,
    obj,
    ref,
    s,
)
from visionsim.runtime.resources.values import Floats, MethodRef, Point, Raw, Rect

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from visionsim.runtime.resources.binary import Elem

FPMI = "com.inductiveautomation.factorypmi.application"
VISION = "com.inductiveautomation.vision"
COMPONENT = {
    "Label": f"{FPMI}.components.PMILabel",
    "Button": f"{FPMI}.components.PMIButton",
    "Container": f"{FPMI}.components.BasicContainer",
    "TextField": f"{FPMI}.components.PMITextField",
    "Holder": f"{FPMI}.components.template.TemplateHolder",
    "Chart": f"{FPMI}.components.PMIChart",
}
_LISTENERS = {
    "action": "java.awt.event.ActionListener",
    "mouse": "java.awt.event.MouseListener",
    "visionWindow": f"{FPMI}.components.event.VisionWindowListener",
    "propertyChange": "java.beans.PropertyChangeListener",
}


@dataclass
class Comp:
    """One component to write: class key or full class, name, bounds, setters."""

    cls: str
    name: str
    bounds: tuple[float, float, float, float] = (0, 0, 100, 20)
    calls: Calls = field(default_factory=list)
    children: list[Comp] = field(default_factory=list)
    events: dict[str, str] = field(default_factory=dict)  # "action.actionPerformed"
    id: int = 0


class Ids:
    """Element ids, handed out in order."""

    def __init__(self) -> None:
        self.next = 100

    def take(self) -> int:
        self.next += 1
        return self.next


def component(comp: Comp, ids: Ids) -> Elem:
    """The full element of ``comp`` (its first serialization)."""
    comp.id = ids.take()
    cls = COMPONENT.get(comp.cls, comp.cls)
    x, y, w, h = comp.bounds
    calls = list(comp.calls)
    if comp.cls == "Container":
        calls.append(("setBoundsEx", [leaf("r2dd", Floats((x, y, w, h)))]))
        calls += [("privateAdd", [child_ref(c, ids)]) for c in comp.children]
        return obj(cls, calls, kind="c", ctor=[s(comp.name)], id=comp.id)
    comm = [
        leaf("p2df", Floats((w, h))),
        leaf("r2dd", Floats((x, y, w, h))),
        s(comp.name),
        leaf("lc", Raw(b"\x13\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x10\x01")),
    ]
    return obj(cls, calls, kind="c", comm=comm, id=comp.id)


def child_ref(comp: Comp, ids: Ids) -> Elem:
    """A ``<ref>`` when already written (in the controller), else the element."""
    return ref(comp.id) if comp.id else component(comp, ids)


def _descriptors(items: list[Elem]) -> Elem:
    return array("java.beans.MethodDescriptor", items)


def controller(
    comps: list[Comp],
    window_id: int | None,
    window_events: dict[str, str],
    ids: Ids,
    bindings: Sequence[tuple[Comp, str, Elem]] = (),
) -> Elem:
    """The interaction controller: components with events are written here first."""
    pairs = []
    for comp in _flatten(comps):
        if not comp.events:
            continue
        key = child_ref(comp, ids)
        adapters = [
            adapter(e, code, ref(comp.id), ids) for e, code in comp.events.items()
        ]
        pairs.append((key, arraylist(adapters)))
    if window_id is not None and window_events:
        adapters = [
            adapter(e, c, ref(window_id), ids) for e, c in window_events.items()
        ]
        pairs.append((ref(window_id), arraylist(adapters)))
    prop_pairs = []
    for comp, prop, binding in bindings:
        key = obj(
            f"{FPMI}.binding.PropertyKey",
            [("setComponent", [child_ref(comp, ids)]), ("setPropertyName", [s(prop)])],
        )
        prop_pairs.append((key, binding))
    calls: Calls = [("setGeneralAdapters", [hashmap(pairs)])]
    if prop_pairs:
        calls.append(("setPropertyAdapters", [hashmap(prop_pairs)]))
    return obj(f"{FPMI}.binding.DefaultInteractionController", calls)


def adapter(event: str, code: str, target: Elem, ids: Ids) -> Elem:
    """An ActionAdapter whose method descriptor is shared by reference."""
    event_set, method = event.split(".")
    listener = _LISTENERS.get(event_set, f"java.awt.event.{event_set}Listener")
    descriptor = obj(
        "java.beans.MethodDescriptor",
        ctor=[leaf("method", MethodRef(listener, method, ("java.util.EventObject",)))],
        id=ids.take(),
    )
    esd = obj(
        "java.beans.EventSetDescriptor",
        ctor=[s(event_set), klass(listener), _descriptors([descriptor])],
    )
    return obj(
        f"{FPMI}.binding.action.ActionAdapter",
        [
            ("setEventSet", [esd]),
            ("setJythonCode", [s(code)]),
            ("setMethodDescriptor", [ref(descriptor.id)]),  # type: ignore[arg-type]
            ("setScopeStyle", [enum("ScriptScopeStyle", "Python25")]),
            ("setTarget", [target]),
        ],
    )


def _flatten(comps: list[Comp]) -> list[Comp]:
    out = []
    for comp in comps:
        out.append(comp)
        out += _flatten(comp.children)
    return out


def window(
    name: str,
    comps: list[Comp],
    *,
    title: str = "",
    size: tuple[int, int] = (400, 300),
    root_calls: Sequence[tuple[str, list[Elem]]] = (),
    window_calls: Sequence[tuple[str, list[Elem]]] = (),
    window_events: dict[str, str] | None = None,
    bindings: Sequence[tuple[Comp, str, Elem]] = (),
) -> Elem:
    """A whole ``window.bin`` document (root ``objects``)."""
    ids = Ids()
    window_id = 1
    ic = controller(comps, window_id, window_events or {}, ids, bindings)
    root = obj(
        COMPONENT["Container"],
        [
            ("setPreferredBoundsEx", [leaf("rect", Rect(0, 0, *size))]),
            *root_calls,
            *[("privateAdd", [child_ref(c, ids)]) for c in comps],
        ],
        kind="c",
        ctor=[s("Root Container")],
    )
    calls: Calls = [
        ("setTitle", [s(title or name)]),
        ("setSize", [leaf("dim", Point(*size))]),
        ("setStartingLocation", [leaf("point", Point(0, 0))]),
        *window_calls,
        ("setInteractionController", [ic]),
        ("setContentPane", [root]),
    ]
    return document(obj(f"{FPMI}.FPMIWindow", calls, ctor=[s(name)], id=window_id))


def custom_props(props: dict[str, tuple[str, Elem | None]], cls: str = "") -> Elem:
    """``setDynamicProps``: a TreeMap name -> DynamicPropertyDescriptor."""
    cls = cls or f"{FPMI}.binding.DynamicPropertyDescriptor"
    pairs = []
    for name, (kind, value) in props.items():
        calls: Calls = [("setName", [s(name)]), ("setPropertyType", [klass(kind)])]
        if value is not None:
            calls.append(("setValue", [value]))
        pairs.append((s(name), obj(cls, calls)))
    return hashmap(pairs, "java.util.TreeMap")


def gateway_events(
    startup: str = "",
    timers: Sequence[tuple[str, int, str]] = (),
    handlers: dict[str, tuple[str | None, str]] | None = None,
    tag_change: Sequence[tuple[str, list[str], str]] = (),
) -> Elem:
    """A gateway ``ScriptConfig`` document."""
    base = "com.inductiveautomation.ignition.common.script"
    timer_pairs = [
        (
            obj(
                f"{base}.TimerKey",
                [
                    ("setName", [s(n)]),
                    ("setDelay", [lng(d)]),
                    ("setSharedThread", [b(False)]),
                ],
            ),
            s(code),
        )
        for n, d, code in timers
    ]
    handler_pairs = []
    for name, (threading, code) in (handlers or {}).items():
        calls: Calls = [("setName", [s(name)])]
        if threading:
            calls.append(("setThreadType", [s(threading)]))
        handler_pairs.append((obj(f"{base}.message.MessageHandlerKey", calls), s(code)))
    tags = [
        obj(
            f"{base}.TagChangeScript",
            [
                ("setName", [s(n)]),
                ("setPaths", [arraylist([s(p) for p in paths])]),
                ("setScript", [s(code)]),
            ],
        )
        for n, paths, code in tag_change
    ]
    calls = [
        ("setStartupScript", [s(startup)]),
        ("setTimerScripts", [hashmap(timer_pairs)]),
        ("setMessageHandlerScripts", [hashmap(handler_pairs)]),
        ("setTagChangeScripts", [arraylist(tags)]),
    ]
    return document(obj(f"{base}.ScriptConfig", calls))


def write_project(root: Path, resources: dict[str, Elem], parent: str = "") -> Path:
    """A project folder: ``project.json`` and each resource, gzipped as Ignition does.

    ``resources`` maps a path under the project (``…/windows/Main/window.bin``)
    to its document.
    """
    root.mkdir(parents=True, exist_ok=True)
    meta = {"title": "", "description": "", "enabled": True}
    if parent:
        meta["parent"] = parent
    (root / "project.json").write_text(json.dumps(meta))
    for rel, doc in resources.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(encode(doc))
    return root


def window_path(name: str) -> str:
    """Where the window ``name`` lives in a project."""
    return f"{VISION}/windows/{name}/window.bin"


def template_path(name: str) -> str:
    """Where the template ``name`` lives in a project."""
    return f"{VISION}/templates/{name}/template.bin"


GATEWAY_EVENTS = "ignition/event-scripts/data.bin"
CLIENT_EVENTS = f"{VISION}/client-event-scripts/data.bin"
