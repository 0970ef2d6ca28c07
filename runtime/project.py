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
import textwrap
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from visionsim.runtime.gateway_config import GatewayConfig, load_gateway_config
from visionsim.runtime.jython.compiler import compile_script
from visionsim.runtime.library import find_modules
from visionsim.runtime.project_io import (
    ProjectError,
    YamlDoc,
    check_syntax,
    entry,
    item_node,
    key_node,
    load_yaml,
    read_text,
    read_yaml,
    short,
    value_node,
)
from visionsim.runtime.resources.lazy import (
    binary_resource,
    load_templates,
    loaded,
    merge,
)
from visionsim.runtime.resources.model import TagChangeSpec
from visionsim.runtime.windows import (
    ComponentSpec,
    CustomProperty,
    WindowSpec,
    load_windows,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    import yaml

    from visionsim.runtime.resources.model import (
        KeystrokeSpec,
        MenuSpec,
        ScheduledSpec,
        TemplateSpec,
    )

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
    #: Ignition's timer options (decoded projects): fixed rate instead of
    #: fixed delay, the shared timer thread or a dedicated one, enabled.
    fixed_rate: bool = False
    shared_thread: bool = True
    enabled: bool = True


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
    #: Scripts that do not compile (they fail when they run).
    script_errors: tuple[ProjectError, ...] = ()
    scheduled: tuple[ScheduledSpec, ...] = ()  # gateway only
    keystrokes: tuple[KeystrokeSpec, ...] = ()  # client only
    menu: tuple[MenuSpec, ...] = ()  # client only


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
    windows: Mapping[str, WindowSpec] = field(default_factory=dict)
    library: dict[str, Path] = field(default_factory=dict)
    #: The simulated gateway's settings (``visionsim.yaml``, docs/DESIGN.md 10).
    config: GatewayConfig = field(default_factory=GatewayConfig)
    #: Vision templates by path (decoded when first looked up).
    templates: Mapping[str, TemplateSpec] = field(default_factory=dict)

    @property
    def script_errors(self) -> list[ProjectError]:
        """Scripts that do not compile, found at load (they fail when run).

        Event scripts, timers and message handlers of both event files, then
        the event scripts of the windows loaded so far (YAML windows; binary
        ones decode when opened, and ``check`` compiles them all); each names
        its file and line.
        """
        events = (*self.client_events.script_errors, *self.gateway_events.script_errors)
        windows = loaded(self.windows).values()
        return [*events, *(e for w in windows for e in w.script_errors)]


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
    config = load_gateway_config(root)
    own = Project(
        name=root.resolve().name,
        path=root,
        title=str(meta.get("title") or ""),
        description=str(meta.get("description") or ""),
        parent=parent_name,
        client_events=_read_events(
            root / CLIENT_EVENTS, CLIENT_THREADING, config.script_dialect
        ),
        gateway_events=_read_events(
            root / GATEWAY_EVENTS, GATEWAY_THREADING, config.script_dialect
        ),
        windows=load_windows(root, config.script_dialect),
        library=find_modules(root),
        config=config,
        templates=load_templates(root),
    )
    if parent_name is None or _is_missing_global(root, parent_name):
        return own
    parent = _load_parent(root, parent_name, text, children)
    return _inherit(own, parent)


def _is_missing_global(root: Path, name: str) -> bool:
    """Ignition's ``global`` parent (every 7.9 upgrade makes one) may be absent.

    Exports rarely carry it; without it a project still loads, with only
    its own resources. Any other missing parent is an error.
    """
    return name.lower() == "global" and not (root.resolve().parent / name).is_dir()


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
        windows=merge(parent.windows, own.windows),
        library={**parent.library, **own.library},
        config=own.config if own.config.path is not None else parent.config,
        templates=merge(parent.templates, own.templates),
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


def _read_events(path: Path, threadings: tuple[str, ...], dialect: str) -> EventScripts:
    binary = binary_resource(path.parent, path.name, "data.bin")
    if binary is not None:
        from visionsim.runtime.resources.decode_events import decode_events

        return decode_events(binary, threadings)
    if not path.exists():
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
    events = EventScripts(
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
    return replace(events, script_errors=_event_errors(doc, events, dialect))


def _event_errors(
    doc: YamlDoc, events: EventScripts, dialect: str
) -> tuple[ProjectError, ...]:
    """The syntax errors of a YAML file's scripts (they do not stop a load)."""
    label = doc.path.stem
    found = [
        check_syntax(doc, value_node(doc.node, key), f"{label}/{key}", script, dialect)
        for key, script in (("startup", events.startup), ("shutdown", events.shutdown))
    ]
    timers = value_node(doc.node, "timers")
    for index, timer in enumerate(events.timers):
        node = value_node(item_node(timers, index), "script")
        found.append(
            check_syntax(
                doc, node, f"{label}/timers/{timer.name}", timer.script, dialect
            )
        )
    for spec in events.message_handlers.values():
        body = "def handleMessage(payload):\n" + textwrap.indent(spec.script, "    ")
        try:
            compile_script(body, spec.name, dialect, line_offset=-1, register=False)
        except SyntaxError as exc:
            found.append(
                ProjectError(
                    doc.path,
                    f"syntax error in {label}/messageHandlers/{spec.name}: "
                    f"{exc.msg} (script line {exc.lineno})",
                    spec.line,
                )
            )
    return tuple(error for error in found if error is not None)


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
