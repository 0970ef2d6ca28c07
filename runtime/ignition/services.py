"""What the ``system.*`` facade needs from the simulation, per scope."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from visionsim.runtime.ignition.logger import ScopeState

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from visionsim.runtime.db import Databases
    from visionsim.runtime.dispatch import GuiDispatcher
    from visionsim.runtime.ignition.diagnostics import SessionLike
    from visionsim.runtime.messaging import ScopeMessenger
    from visionsim.runtime.output import OutputSink
    from visionsim.runtime.stall import StallMonitor
    from visionsim.runtime.tags import TagAccess
    from visionsim.runtime.thread_guard import ThreadGuard
    from visionsim.runtime.vision_port import VisionPort
    from visionsim.runtime.workers import Workers


@dataclass(frozen=True, slots=True)
class ScopeServices:
    """The simulation objects one scripting scope talks to.

    ``dispatcher`` and ``client_id`` exist in client scope only;
    ``messenger`` wherever messaging is wired (every scope a gateway or
    client session builds).
    """

    kind: str
    project: str
    workers: Workers
    stall: StallMonitor
    dispatcher: GuiDispatcher | None = None
    client_id: str | None = None
    messenger: ScopeMessenger | None = None
    guard: ThreadGuard | None = None
    vision: VisionPort | None = None
    #: The client sessions connected to this scope's gateway (getSessionInfo).
    sessions: Callable[[], Sequence[SessionLike]] | None = None
    #: ``threading.get_ident()`` of the GUI thread (threadDump).
    gui_ident: int = 0
    #: Where loggers print (the simulation's output sink).
    output: OutputSink | None = None
    #: Globals and log levels: one per client session, one per gateway.
    state: ScopeState = field(default_factory=ScopeState)
    #: The scope's tags (``system.tag``).
    tags: TagAccess | None = None
    #: The gateway's datasources (``system.db``); None: no ``system.db``.
    databases: Databases | None = None
