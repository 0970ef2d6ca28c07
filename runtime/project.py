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


@dataclass(frozen=True, slots=True)
class EventScripts:
    """Startup/shutdown scripts, timers and message handlers of one scope."""

    startup: str = ""
    shutdown: str = ""
    timers: tuple[dict[str, Any], ...] = ()
    message_handlers: dict[str, dict[str, Any]] = field(default_factory=dict)
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
        client_events=_read_events(root / CLIENT_EVENTS),
        gateway_events=_read_events(root / GATEWAY_EVENTS),
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
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        raise ProjectError(
            path, f"YAML error: {exc.problem or exc}", line, col
        ) from None
    except yaml.YAMLError as exc:
        raise ProjectError(path, f"YAML error: {exc}") from None


def _read_events(path: Path) -> EventScripts:
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
        line = _line_of(path, unknown[0])
        raise ProjectError(
            path,
            f"unknown key {unknown[0]!r} (expected one of "
            f"{', '.join(sorted(_EVENT_KEYS))})",
            line,
        )
    for key in ("startup", "shutdown"):
        if not isinstance(data.get(key) or "", str):
            raise ProjectError(
                path, f"{key} must be a script (text)", _line_of(path, key)
            )
    timers = data.get("timers") or []
    handlers = data.get("messageHandlers") or {}
    if not isinstance(timers, list):
        raise ProjectError(path, "timers must be a list", _line_of(path, "timers"))
    if not isinstance(handlers, dict):
        raise ProjectError(
            path, "messageHandlers must be a mapping", _line_of(path, "messageHandlers")
        )
    return EventScripts(
        startup=data.get("startup") or "",
        shutdown=data.get("shutdown") or "",
        timers=tuple(timers),
        message_handlers=handlers,
        path=path,
    )


def _line_of(path: Path, key: str) -> int | None:
    """The 1-based line where a top-level ``key:`` appears, if found."""
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text.startswith(f"{key}:"):
            return number
    return None
