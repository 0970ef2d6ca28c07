"""Decoding event-script ``data.bin`` files (gateway and client) into EventScripts.

Reference section 12: gateway ``ScriptConfig`` and client
``ClientScriptConfig`` hold startup/shutdown scripts, timers (``TimerKey`` ->
script), message handlers (``MessageHandlerKey`` -> the full
``def handleMessage(payload):`` source), tag change and scheduled scripts,
keystrokes and the client menu. Handlers keep only the body, as the YAML
files do; the ``def`` line becomes an empty line so every line number stays.
"""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

from visionsim.runtime.project import EventScripts, HandlerSpec, TimerSpec
from visionsim.runtime.project_io import ProjectError
from visionsim.runtime.resources.decode_window import decode_object
from visionsim.runtime.resources.graph import JavaObject, list_items, map_items
from visionsim.runtime.resources.model import (
    KeystrokeSpec,
    MenuSpec,
    ScheduledSpec,
    TagChangeSpec,
)
from visionsim.runtime.resources.values import JavaEnum

if TYPE_CHECKING:
    from pathlib import Path

_CONFIGS = ("ScriptConfig", "ClientScriptConfig")
_DEFAULT_DELAY_MS = 10_000
_MAX_MENU_DEPTH = 16
_DEF_LINE = re.compile(r"\s*def\s+handleMessage\s*\(")


def decode_events(file: Path, threadings: tuple[str, ...]) -> EventScripts:
    """The event scripts of one scope from its ``data.bin``."""
    config = decode_object(file)
    if config.short_class() not in _CONFIGS:
        raise ProjectError(file, f"not an event-script config: {config.cls}")
    startup = config.first("setStartupScript", "")
    shutdown = config.first("setShutdownScript", "")
    return EventScripts(
        startup=startup if isinstance(startup, str) else "",
        shutdown=shutdown if isinstance(shutdown, str) else "",
        timers=_timers(config.first("setTimerScripts")),
        message_handlers=_handlers(
            file, config.first("setMessageHandlerScripts"), threadings
        ),
        path=file,
        tag_change=_tag_changes(config.first("setTagChangeScripts")),
        scheduled=_scheduled(config.first("setScheduledScripts")),
        keystrokes=_keystrokes(config.first("setKeyScripts")),
        menu=_menu(config.first("setMenuRoot"), 0),
    )


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _timers(timers: object) -> tuple[TimerSpec, ...]:
    out: list[TimerSpec] = []
    for key, script in map_items(timers):
        if not isinstance(key, JavaObject):
            continue
        delay = key.first("setDelay", _DEFAULT_DELAY_MS)
        ok = isinstance(delay, int) and not isinstance(delay, bool) and delay > 0
        out.append(
            TimerSpec(
                name=_text(key.first("setName")) or f"timer{len(out)}",
                delay_ms=delay if ok else _DEFAULT_DELAY_MS,  # type: ignore[arg-type]
                script=_text(script),
                fixed_rate=key.first("setFixedDelay", True) is False,
                shared_thread=key.first("setSharedThread", True) is not False,
                enabled=key.first("setEnabled", True) is not False,
            )
        )
    return tuple(out)


def handler_body(source: str) -> str:
    """The body of a ``def handleMessage(payload):`` source (line numbers kept)."""
    lines = source.split("\n")
    if not lines or not _DEF_LINE.match(lines[0]):
        return source
    return "\n" + textwrap.dedent("\n".join(lines[1:]))


def _handlers(
    file: Path, handlers: object, threadings: tuple[str, ...]
) -> dict[str, HandlerSpec]:
    out: dict[str, HandlerSpec] = {}
    for key, script in map_items(handlers):
        if not isinstance(key, JavaObject):
            continue
        name = _text(key.first("setName"))
        threading = _text(key.first("setThreadType")) or "Shared"
        if threading not in threadings:
            raise ProjectError(
                file,
                f"handler {name!r}: threading {threading!r} "
                f"(expected one of {', '.join(threadings)})",
            )
        out[name] = HandlerSpec(name, threading, handler_body(_text(script)))
    return out


def _tag_changes(scripts: object) -> tuple[TagChangeSpec, ...]:
    out = []
    for item in list_items(scripts):
        if isinstance(item, JavaObject):
            kinds = list_items(item.first("setChangeTypes"))
            out.append(
                TagChangeSpec(
                    name=_text(item.first("setName")),
                    paths=tuple(_text(p) for p in list_items(item.first("setPaths"))),
                    script=_text(item.first("setScript")),
                    enabled=item.first("setEnabled", True) is not False,
                    change_types=tuple(k.name for k in kinds if isinstance(k, JavaEnum))
                    or ("ValueChange",),
                )
            )
    return tuple(out)


def _scheduled(scripts: object) -> tuple[ScheduledSpec, ...]:
    return tuple(
        ScheduledSpec(
            name=_text(item.first("setName")),
            cron=_text(item.first("setCronExpression")),
            # The body of ``def onScheduledEvent():``, stored indented.
            script=textwrap.dedent(_text(item.first("setScript"))),
            enabled=item.first("setEnabled", True) is not False,
        )
        for item in list_items(scripts)
        if isinstance(item, JavaObject)
    )


def _keystrokes(scripts: object) -> tuple[KeystrokeSpec, ...]:
    out: list[KeystrokeSpec] = []
    for key, script in map_items(scripts):
        if isinstance(key, JavaObject):
            text = " ".join(
                f"{c.method.removeprefix('set')}={c.args[0]}"
                for c in key.calls
                if c.args
            )
            key = text or key.short_class()
        out.append(KeystrokeSpec(str(key), _text(script)))
    return tuple(out)


def _menu(node: object, depth: int) -> tuple[MenuSpec, ...]:
    if not isinstance(node, JavaObject) or depth > _MAX_MENU_DEPTH:
        return ()
    return tuple(
        MenuSpec(
            name=_text(child.first("setName")),
            script=_text(child.first("setScript")),
            children=_menu(child, depth + 1),
        )
        for child in list_items(node.first("setChildren"))
        if isinstance(child, JavaObject)
    )
