"""A simulated Vision client session: one project, the GUI thread, its scope."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from runtime.context import CLIENT
from runtime.ignition import ScopeServices, build_modules
from runtime.scripting import ScriptScope
from runtime.workers import Workers, new_pool

if TYPE_CHECKING:
    from collections.abc import Mapping

    from PySide6.QtCore import QThreadPool

    from runtime.gateway import Gateway
    from runtime.project import Project
    from runtime.simulation import Simulation


class ClientSession:
    """One Vision client running ``project`` against ``gateway``.

    Parameters
    ----------
    sim
        The simulation (GUI dispatcher, sinks, tracer).
    project, gateway
        What it runs and where it is connected.
    host_name, user_name, roles
        The session's identity (message filters use them).
    pool
        Thread pool for the client's async tasks; a fresh one by default.
    """

    def __init__(
        self,
        sim: Simulation,
        project: Project,
        gateway: Gateway,
        *,
        host_name: str = "localhost",
        user_name: str = "admin",
        roles: tuple[str, ...] = ("Administrator",),
        pool: QThreadPool | None = None,
    ) -> None:
        self.client_id = secrets.token_hex(4)
        self.project = project
        self.gateway = gateway
        self.host_name = host_name
        self.user_name = user_name
        self.roles = roles
        self._sim = sim
        self.workers = Workers(
            pool or new_pool(),
            sim.activity,
            sim.errors,
            sim.tracer,
            process=f"Client {self.client_id} ({project.name})",
            scope=CLIENT,
        )
        svc = ScopeServices(
            CLIENT,
            project.name,
            self.workers,
            sim.stall,
            sim.dispatcher,
            self.client_id,
        )
        self.scope = ScriptScope(
            CLIENT, project.name, build_modules(svc), sim.output, sim.errors
        )

    def run_script(
        self, source: str, name: str, extra: Mapping[str, Any] | None = None
    ) -> bool:
        """Run a script now on the GUI thread; returns whether it completed.

        ``extra`` adds names to the script's globals (``event``, for example).

        Thread: GUI only.
        """
        stall = self._sim.stall
        t0 = stall.begin(name, measure_cpu=True)
        try:
            return self.scope.run(source, name, extra)
        finally:
            stall.end(t0)

    def start(self) -> None:
        """Run the client startup script. Thread: GUI only."""
        script = self.project.client_events.startup
        if script.strip():
            self.run_script(script, f"{self.project.name}/client-events/startup")

    def shutdown(self, timeout: float) -> bool:
        """Interrupt the client's tasks and wait up to ``timeout`` s for them."""
        return self.workers.shutdown(timeout)
