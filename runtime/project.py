"""Loading a project folder (Ignition 8 layout, YAML where Ignition has binary).

This module reads ``project.json`` and the client and gateway event scripts
(DESIGN.md section 5). Every problem is a :class:`ProjectError` that names the
file and the line (and column, for YAML), never a crash or a bare traceback.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CLIENT_EVENTS = Path(
    "com.inductiveautomation.vision/client-event-scripts/client-events.yaml"
)
GATEWAY_EVENTS = Path("ignition/event-scripts/gateway-events.yaml")
_EVENT_KEYS = {"startup", "shutdown", "timers", "messageHandlers"}


class ProjectError(Exception):
    """A project that cannot be loaded, with the file and line at fault."""

    def __init__(
        self,
        path: Path | str,
        message: str,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.column = column
        self.message = message
        where = str(path)
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


GATEWAY_THREADING = ("Shared", "Dedicated")
CLIENT_THREADING = ("Shared", "Dedicated", "EDT")


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
class EventScripts:
    """Startup/shutdown scripts, timers and message handlers of one scope."""

    startup: str = ""
    shutdown: str = ""
    timers: tuple[TimerSpec, ...] = ()
    message_handlers: dict[str, HandlerSpec] = field(default_factory=dict)
    path: Path | None = None


@dataclass(frozen=True, slots=True)
class Project:
    """A loaded project."""

    name: str
    path: Path
    title: str
    description: str
    parent: str | None
    client_events: EventScripts
    gateway_events: EventScripts


def load_project(path: str | Path) -> Project:
    """Load the project folder at ``path``; raises :class:`ProjectError`."""
    root = Path(path)
    if not root.is_dir():
        raise ProjectError(root, "project folder not found")
    meta = _read_project_json(root / "project.json")
    return Project(
        name=root.resolve().name,
        path=root,
        title=str(meta.get("title") or ""),
        description=str(meta.get("description") or ""),
        parent=meta.get("parent") or None,
        client_events=_read_events(root / CLIENT_EVENTS, CLIENT_THREADING),
        gateway_events=_read_events(root / GATEWAY_EVENTS, GATEWAY_THREADING),
    )


def _read_project_json(path: Path) -> dict[str, Any]:
    if not path.exists():
        raise ProjectError(path, "missing project.json (every project folder has one)")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ProjectError(path, exc.msg, exc.lineno, exc.colno) from None
    except UnicodeDecodeError:
        raise ProjectError(path, "not UTF-8 text") from None
    if not isinstance(data, dict):
        raise ProjectError(path, "must be a JSON object", 1)
    return data


class _StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader, except a repeated mapping key is an error."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> Any:
    seen: dict[object, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if isinstance(key, str) and key in seen:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping",
                node.start_mark,
                f"duplicate key {key!r} (first at line {seen[key]})",
                key_node.start_mark,
            )
        if isinstance(key, str):
            seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


def read_yaml(path: Path) -> Any:
    """Parse a YAML resource; a binary Ignition resource is a clear error."""
    binary = [p for p in ("data.bin", "window.bin") if (path.parent / p).exists()]
    if not path.exists() and binary:
        raise ProjectError(
            path.parent / binary[0],
            "binary Ignition resource, not readable by visionsim "
            f"(expected {path.name})",
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ProjectError(path, "binary or non-UTF-8 file, expected YAML") from None
    try:
        return yaml.load(text, Loader=_StrictLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        raise ProjectError(
            path, f"YAML error: {exc.problem or exc}", line, col
        ) from None
    except yaml.YAMLError as exc:
        raise ProjectError(path, f"YAML error: {exc}") from None


def _read_events(path: Path, threadings: tuple[str, ...]) -> EventScripts:
    if not path.exists() and not (path.parent / "data.bin").exists():
        return EventScripts()
    data = read_yaml(path)
    if data is None:
        return EventScripts(path=path)
    if not isinstance(data, dict):
        raise ProjectError(
            path, "must be a mapping of startup/shutdown/timers/messageHandlers", 1
        )
    unknown = sorted(set(data) - _EVENT_KEYS)
    if unknown:
        raise ProjectError(
            path,
            f"unknown key {unknown[0]!r} (expected one of "
            f"{', '.join(sorted(_EVENT_KEYS))})",
            _line_of(path, unknown[0]),
        )
    for key in ("startup", "shutdown"):
        if not isinstance(data.get(key) or "", str):
            raise ProjectError(
                path, f"{key} must be a script (text)", _line_of(path, key)
            )
    return EventScripts(
        startup=data.get("startup") or "",
        shutdown=data.get("shutdown") or "",
        timers=_read_timers(path, data.get("timers") or []),
        message_handlers=_read_handlers(
            path, data.get("messageHandlers") or {}, threadings
        ),
        path=path,
    )


def _read_timers(path: Path, timers: object) -> tuple[TimerSpec, ...]:
    if not isinstance(timers, list):
        raise ProjectError(path, "timers must be a list", _line_of(path, "timers"))
    out = []
    for index, timer in enumerate(timers):
        line = _node_line(path, "timers", index)
        if not isinstance(timer, dict) or not isinstance(timer.get("script"), str):
            raise ProjectError(path, "a timer needs name, delayMs and script", line)
        delay = timer.get("delayMs")
        if isinstance(delay, bool) or not isinstance(delay, int) or delay <= 0:
            raise ProjectError(
                path, f"timer delayMs must be a positive integer, not {delay!r}", line
            )
        out.append(
            TimerSpec(str(timer.get("name") or f"timer{index}"), delay, timer["script"])
        )
    return tuple(out)


def _read_handlers(
    path: Path, handlers: object, threadings: tuple[str, ...]
) -> dict[str, HandlerSpec]:
    if not isinstance(handlers, dict):
        raise ProjectError(
            path, "messageHandlers must be a mapping", _line_of(path, "messageHandlers")
        )
    out: dict[str, HandlerSpec] = {}
    for name, spec in handlers.items():
        line = _node_line(path, "messageHandlers", name)
        if isinstance(spec, str):
            spec = {"script": spec}
        if not isinstance(spec, dict) or not isinstance(spec.get("script", ""), str):
            raise ProjectError(path, f"handler {name!r} needs a script (text)", line)
        threading = spec.get("threading", "Shared")
        if threading not in threadings:
            raise ProjectError(
                path,
                f"handler {name!r}: threading must be one of "
                f"{', '.join(threadings)}, not {threading!r}",
                line,
            )
        out[str(name)] = HandlerSpec(str(name), threading, spec.get("script", ""), line)
    return out


def _node_line(path: Path, *keys: object) -> int | None:
    """The 1-based line of the YAML node at ``keys`` (mapping keys, list indexes)."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
    except yaml.YAMLError:
        return None
    for depth, key in enumerate(keys, 1):
        if isinstance(node, yaml.MappingNode):
            found = [(k, v) for k, v in node.value if k.value == key]
            if not found:
                return None
            key_node, node = found[0]
            if depth == len(keys):  # point at the key: "name:" starts the entry
                return int(key_node.start_mark.line) + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            node = node.value[key]
        else:
            return None
    return node.start_mark.line + 1 if node is not None else None


def _line_of(path: Path, key: str) -> int | None:
    """The 1-based line where a top-level ``key:`` appears, if found."""
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text.startswith(f"{key}:"):
            return number
    return None
