"""The simulated gateway: hosts projects and runs gateway-scope scripts.

A gateway has its own worker pool (its threads are the gateway's, and its
``invokeAsynchronous`` tasks appear on its own Running Scripts list) and one
gateway scripting scope per project. Message handlers and the Gateway Network
build on this (the gateway issue).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from runtime.context import GATEWAY
from runtime.ignition import ScopeServices, build_modules
from runtime.scripting import ScriptScope
from runtime.workers import Task, Workers, new_pool

if TYPE_CHECKING:
    from PySide6.QtCore import QThreadPool

    from runtime.project import Project
    from runtime.simulation import Simulation


class Gateway:
    """A named gateway in the simulation.

    Parameters
    ----------
    sim
        The simulation it belongs to (shared sinks, tracer, activity).
    name
        The gateway's name on the Gateway Network.
    pool
        Thread pool for gateway threads; a fresh one by default.
    """

    def __init__(
        self, sim: Simulation, name: str, pool: QThreadPool | None = None
    ) -> None:
        self.name = name
        self._sim = sim
        self.workers = Workers(
            pool or new_pool(),
            sim.activity,
            sim.errors,
            sim.tracer,
            process=f"Gateway {name}",
            scope=GATEWAY,
            thread_prefix=f"gateway-{name}",
        )
        self.projects: dict[str, Project] = {}
        self.scopes: dict[str, ScriptScope] = {}

    def add_project(self, project: Project) -> ScriptScope:
        """Host ``project``; returns its gateway scripting scope."""
        svc = ScopeServices(GATEWAY, project.name, self.workers, self._sim.stall)
        scope = ScriptScope(
            GATEWAY,
            project.name,
            build_modules(svc),
            self._sim.output,
            self._sim.errors,
        )
        self.projects[project.name] = project
        self.scopes[project.name] = scope
        return scope

    def run_script(
        self, project: str, source: str, name: str, description: str | None = None
    ) -> Task:
        """Run a script on a new gateway thread in ``project``'s gateway scope.

        Thread: any.
        """
        scope = self.scopes[project]
        return self.workers.start(
            scope.run,
            (source, name),
            None,
            description or name,
            source="script",
        )

    def start(self) -> list[Task]:
        """Run every hosted project's gateway startup script (each on a thread)."""
        tasks = []
        for project in self.projects.values():
            script = project.gateway_events.startup
            if script.strip():
                tasks.append(
                    self.run_script(
                        project.name,
                        script,
                        f"{project.name}/gateway-events/startup",
                        "Gateway startup script",
                    )
                )
        return tasks

    def shutdown(self, timeout: float) -> bool:
        """Interrupt gateway tasks and wait up to ``timeout`` s for them."""
        return self.workers.shutdown(timeout)
