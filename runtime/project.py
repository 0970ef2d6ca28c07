"""Loading a project folder (Ignition 8 layout, YAML where Ignition has binary).

This module reads ``project.json``, the client and gateway event scripts, the
Vision windows (:mod:`runtime.windows`) and the project library
(:mod:`runtime.library`), and applies project inheritance: ``"parent"`` in
``project.json`` names a sibling folder whose resources the child inherits and
may override (docs/DESIGN.md section 5). Every problem is a :class:`ProjectError`
that names the file and the line (and column, for YAML), never a crash or a
bare traceback.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from visionsim.runtime.gateway_config import GatewayConfig, load_gateway_config
from visionsim.runtime.library import find_modules
from visionsim.runtime.project_io import (
    ProjectError,
    YamlDoc,
    binary_instead,
    entry,
    item_node,
    key_node,
    load_yaml,
    read_text,
    read_yaml,
    short,
)
from visionsim.runtime.windows import (
    ComponentSpec,
    CustomProperty,
    WindowSpec,
    load_windows,
)

if TYPE_CHECKING:
    import yaml

__all__ = [
    "CLIENT_EVENTS",
    "GATEWAY_EVENTS",
    "ComponentSpec",
    "CustomProperty",
    "EventScripts",
    "HandlerSpec",
    "Project",
    "ProjectError",
    "TagChangeSpec",
    "TimerSpec",
    "WindowSpec",
    "load_project",
    "read_yaml",
]

CLIENT_EVENTS = Path(
    "com.inductiveautomation.vision/client-event-scripts/client-events.yaml"
)
GATEWAY_EVENTS = Path("ignition/event-scripts/gateway-events.yaml")
_EVENT_KEYS = {"startup", "shutdown", "timers", "messageHandlers", "tagChange"}

GATEWAY_THREADING = ("Shared", "Dedicated")
#: Inheritance deeper than this is a mistake (and would exhaust the stack).
MAX_PARENTS = 32
CLIENT_THREADING = ("Shared", "Dedicated", "EDT")
CLIENT_TAG_CHANGE_THREADING = ("EDT", "Shared")


@dataclass(frozen=True, slots=True)
class HandlerSpec:
    """A message handler: the body of ``def handleMessage(payload):``."""

    name: str
    threading: str
    script: str
    line: int | None = None  # where it is defined in its YAML file


@dataclass(frozen=True, slots=True)
class TimerSpec:
    """A timer script run every ``delay_ms`` (fixed delay)."""

    name: str
    delay_ms: int
    script: str


@dataclass(frozen=True, slots=True)
class TagChangeSpec:
    """A Tag Change script: runs on each change of any tag in ``paths``."""

    name: str
    paths: tuple[str, ...]
    script: str
    line: int | None = None
    #: Client: ``EDT`` (the GUI thread, the default) or ``Shared`` (the
    #: client's background thread); gateway: always a thread of its own.
    threading: str = "Dedicated"


@dataclass(frozen=True, slots=True)
class EventScripts:
    """Startup/shutdown scripts, timers and message handlers of one scope.

    ``path`` is the YAML file they came from; ``None`` when the project (and
    its parents) has no such file.
    """

    startup: str = ""
    shutdown: str = ""
    timers: tuple[TimerSpec, ...] = ()
    message_handlers: dict[str, HandlerSpec] = field(default_factory=dict)
    path: Path | None = None
    tag_change: tuple[TagChangeSpec, ...] = ()


@dataclass(frozen=True, slots=True)
class Project:
    """A loaded project, with everything it inherits from its parents.

    ``windows`` maps window paths (``"Popups/Confirm"``) to their specs;
    ``library`` maps dotted module names (``"shared.util"``) to ``code.py``.
    """

    name: str
    path: Path
    title: str
    description: str
    parent: str | None
    client_events: EventScripts
    gateway_events: EventScripts
    windows: dict[str, WindowSpec] = field(default_factory=dict)
    library: dict[str, Path] = field(default_factory=dict)
    #: The simulated gateway's settings (``visionsim.yaml``, docs/DESIGN.md 10).
    config: GatewayConfig = field(default_factory=GatewayConfig)


def load_project(path: str | Path) -> Project:
    """Load the project folder at ``path``; raises :class:`ProjectError`."""
    root = Path(path)
    try:
        if not root.is_dir():
            raise ProjectError(root, "project folder not found")
        os.listdir(root)
        return _load(root, ())
    except PermissionError as exc:
        where = exc.filename or root
        raise ProjectError(where, f"cannot read: {exc.strerror or exc}") from None


def _load(root: Path, children: tuple[Path, ...]) -> Project:
    meta_path = root / "project.json"
    meta, text = _read_project_json(meta_path)
    parent_name = _parent_name(meta_path, meta.get("parent"), text)
    own = Project(
        name=root.resolve().name,
        path=root,
        title=str(meta.get("title") or ""),
        description=str(meta.get("description") or ""),
        parent=parent_name,
        client_events=_read_events(root / CLIENT_EVENTS, CLIENT_THREADING),
        gateway_events=_read_events(root / GATEWAY_EVENTS, GATEWAY_THREADING),
        windows=load_windows(root),
        library=find_modules(root),
        config=load_gateway_config(root),
    )
    if parent_name is None:
        return own
    parent = _load_parent(root, parent_name, text, children)
    return _inherit(own, parent)


def _load_parent(
    root: Path, name: str, text: str, children: tuple[Path, ...]
) -> Project:
    meta_path = root / "project.json"
    line, column = _parent_position(text)
    chain = (*children, root.resolve())
    folder = root.resolve().parent / name
    if folder.resolve() in chain:
        names = " -> ".join([p.name for p in chain] + [name])
        raise ProjectError(meta_path, f"inheritance cycle: {names}", line, column)
    if len(chain) > MAX_PARENTS:
        raise ProjectError(
            meta_path,
            f"more than {MAX_PARENTS} generations of parent projects",
            line,
            column,
        )
    if not folder.is_dir():
        raise ProjectError(
            meta_path,
            f"parent project {short(name)} not found (no folder {folder})",
            line,
            column,
        )
    return _load(folder, chain)


def _inherit(own: Project, parent: Project) -> Project:
    """``own`` over ``parent``: windows, library modules and event files."""
    return Project(
        name=own.name,
        path=own.path,
        title=own.title,
        description=own.description,
        parent=own.parent,
        client_events=own.client_events
        if own.client_events.path is not None
        else parent.client_events,
        gateway_events=own.gateway_events
        if own.gateway_events.path is not None
        else parent.gateway_events,
        windows={**parent.windows, **own.windows},
        library={**parent.library, **own.library},
        config=own.config if own.config.path is not None else parent.config,
    )


def _read_project_json(path: Path) -> tuple[dict[str, Any], str]:
    if not path.exists():
        raise ProjectError(path, "missing project.json (every project folder has one)")
    text = read_text(path, "project.json")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProjectError(path, exc.msg, exc.lineno, exc.colno) from None
    except RecursionError:  # nested thousands deep
        raise ProjectError(path, "JSON nested too deeply") from None
    except ValueError as exc:  # an integer of thousands of digits
        raise ProjectError(path, f"JSON value out of range: {exc}"[:200]) from None
    if not isinstance(data, dict):
        raise ProjectError(path, "must be a JSON object", 1)
    return data, text


def _parent_name(path: Path, value: object, text: str) -> str | None:
    if value is None or value == "":
        return None
    if (
        not isinstance(value, str)
        or "/" in value
        or "\\" in value
        or value in (".", "..")
    ):
        raise ProjectError(
            path,
            f"parent must be the name of a sibling project folder, not {short(value)}",
            *_parent_position(text),
        )
    return value


def _parent_position(text: str) -> tuple[int | None, int | None]:
    """Line and column of the ``"parent"`` key (json keeps no positions)."""
    match = re.search(r'"parent"\s*:', text)
    if match is None:
        return None, None
    line = text.count("\n", 0, match.start()) + 1
    return line, match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1


def _read_events(path: Path, threadings: tuple[str, ...]) -> EventScripts:
    if not path.exists() and binary_instead(path) is None:
        return EventScripts()
    doc = load_yaml(path)
    data = doc.data
    if data is None:
        return EventScripts(path=path)
    if not isinstance(data, dict):
        raise ProjectError(
            path, "must be a mapping of startup/shutdown/timers/messageHandlers", 1
        )
    unknown = sorted(set(data) - _EVENT_KEYS, key=str)
    if unknown:
        raise _key_error(
            doc,
            unknown[0],
            f"unknown key {short(unknown[0])} (expected one of "
            f"{', '.join(sorted(_EVENT_KEYS))})",
        )
    for key in ("startup", "shutdown"):
        if not isinstance(data.get(key) or "", str):
            raise _key_error(doc, key, f"{key} must be a script (text)")
    return EventScripts(
        startup=data.get("startup") or "",
        shutdown=data.get("shutdown") or "",
        timers=_read_timers(doc, data.get("timers") or []),
        message_handlers=_read_handlers(
            doc, data.get("messageHandlers") or {}, threadings
        ),
        path=path,
        tag_change=_read_tag_change(
            doc, data.get("tagChange") or [], "EDT" in threadings
        ),
    )


def _key_error(doc: YamlDoc, key: object, message: str) -> ProjectError:
    return doc.error(key_node(doc.node, str(key)), message, column=False)


def _read_timers(doc: YamlDoc, timers: object) -> tuple[TimerSpec, ...]:
    if not isinstance(timers, list):
        raise _key_error(doc, "timers", "timers must be a list")
    found = entry(doc.node, "timers")
    out = []
    for index, timer in enumerate(timers):
        line = _line(item_node(found[1], index) if found else None)
        if not isinstance(timer, dict) or not isinstance(timer.get("script"), str):
            raise ProjectError(doc.path, "a timer needs name, delayMs and script", line)
        delay = timer.get("delayMs")
        if isinstance(delay, bool) or not isinstance(delay, int) or delay <= 0:
            raise ProjectError(
                doc.path,
                f"timer delayMs must be a positive integer, not {short(delay)}",
                line,
            )
        out.append(
            TimerSpec(str(timer.get("name") or f"timer{index}"), delay, timer["script"])
        )
    return tuple(out)


def _read_tag_change(
    doc: YamlDoc, scripts: object, is_client: bool
) -> tuple[TagChangeSpec, ...]:
    if not isinstance(scripts, list):
        raise _key_error(doc, "tagChange", "tagChange must be a list")
    found = entry(doc.node, "tagChange")
    out = []
    for index, spec in enumerate(scripts):
        line = _line(item_node(found[1], index) if found else None)
        paths = spec.get("paths") if isinstance(spec, dict) else None
        if (
            not isinstance(spec, dict)
            or not isinstance(spec.get("script"), str)
            or not isinstance(paths, list)
            or not paths
            or not all(isinstance(p, str) and p.strip() for p in paths)
        ):
            raise ProjectError(
                doc.path,
                "a tagChange script needs name, paths (a list of tag paths) and script",
                line,
            )
        name = str(spec.get("name") or f"tagChange{index}")
        threading = spec.get("threading", "EDT" if is_client else "Dedicated")
        allowed = CLIENT_TAG_CHANGE_THREADING if is_client else ("Dedicated",)
        if threading not in allowed:
            raise ProjectError(
                doc.path,
                f"tagChange {name!r}: threading must be one of "
                f"{', '.join(allowed)}, not {threading!r}",
                line,
            )
        out.append(TagChangeSpec(name, tuple(paths), spec["script"], line, threading))
    return tuple(out)


def _read_handlers(
    doc: YamlDoc, handlers: object, threadings: tuple[str, ...]
) -> dict[str, HandlerSpec]:
    if not isinstance(handlers, dict):
        raise _key_error(doc, "messageHandlers", "messageHandlers must be a mapping")
    found = entry(doc.node, "messageHandlers")
    out: dict[str, HandlerSpec] = {}
    for name, spec in handlers.items():
        line = _line(key_node(found[1], str(name)) if found else None)
        if isinstance(spec, str):
            spec = {"script": spec}
        if not isinstance(spec, dict) or not isinstance(spec.get("script", ""), str):
            raise ProjectError(
                doc.path, f"handler {short(name)} needs a script (text)", line
            )
        threading = spec.get("threading", "Shared")
        if threading not in threadings:
            raise ProjectError(
                doc.path,
                f"handler {short(name)}: threading must be one of "
                f"{', '.join(threadings)}, not {short(threading)}",
                line,
            )
        out[str(name)] = HandlerSpec(str(name), threading, spec.get("script", ""), line)
    return out


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None
