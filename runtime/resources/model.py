"""Project model pieces only real Ignition projects have: templates, more event scripts.

Windows use :class:`~visionsim.runtime.windows.WindowSpec` whatever their
format; these value objects hold what ``window.yaml`` and the YAML event
files have no place for yet (templates, tag change, scheduled, keystroke and
menu scripts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from visionsim.runtime.windows import ComponentSpec, CustomProperty


@dataclass(frozen=True, slots=True)
class TemplateSpec:
    """A Vision template: its root component, parameters and internal properties.

    ``root`` is a RootContainer spec named ``Root Container`` (so a template
    builds like a window); ``parameters`` are its public custom properties,
    ``internal`` its private ones (both also on ``root``).
    """

    path: str
    size: tuple[int, int]
    root: ComponentSpec
    parameters: dict[str, CustomProperty]
    internal: dict[str, CustomProperty]
    file: Path


@dataclass(frozen=True, slots=True)
class TagChangeSpec:
    """A Tag Change script: runs on each change of any tag in ``paths``.

    ``threading``: client ``EDT`` (the GUI thread) or ``Shared`` (the client's
    background thread); gateway: always a thread of its own. ``line`` is where
    a YAML event file defines it; decoded projects give ``enabled`` and the
    change kinds.
    """

    name: str
    paths: tuple[str, ...]
    script: str
    line: int | None = None
    threading: str = "Dedicated"
    enabled: bool = True
    change_types: tuple[str, ...] = ("ValueChange",)


@dataclass(frozen=True, slots=True)
class ScheduledSpec:
    """A gateway Scheduled script (cron expression)."""

    name: str
    cron: str
    script: str
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class KeystrokeSpec:
    """A client Keystroke script: the key it answers (as Ignition writes it)."""

    key: str
    script: str


@dataclass(frozen=True, slots=True)
class MenuSpec:
    """A client menu bar entry; ``children`` make a submenu."""

    name: str
    script: str = ""
    children: tuple[MenuSpec, ...] = field(default_factory=tuple)
