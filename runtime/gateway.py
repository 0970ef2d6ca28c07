"""The simulated gateway: hosts projects, runs gateway scripts and handlers.

A gateway has its own worker pool for ``invokeAsynchronous`` (its tasks appear
on its own Running Scripts list), a bounded Shared pool for message handlers
(FIFO: once every thread is busy the rest queue, as in Ignition), a thread per
Dedicated handler, a thread for request callbacks, and one gateway scripting
scope per project. Timer scripts run at a fixed delay on the shared pool. Its
tags (:class:`~visionsim.runtime.tags.gateway_tags.GatewayTags`) have threads
of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from visionsim.runtime.context import GATEWAY
from visionsim.runtime.db import Databases, TagQueries
from visionsim.runtime.ignition import ScopeServices, ScopeState, build_modules
from visionsim.runtime.messaging import HandlerSet, ScopeMessenger
from visionsim.runtime.scripting import ScriptScope
from visionsim.runtime.tags.gateway_tags import GatewayTags
from visionsim.runtime.workers import FifoPool, Task, Workers, new_pool

if TYPE_CHECKING:
    from PySide6.QtCore import QThreadPool

    from visionsim.runtime.client import ClientSession
    from visionsim.runtime.project import HandlerSpec, Project, TimerSpec
    from visionsim.runtime.simulation import Simulation
    from visionsim.runtime.tags import TagAccess
    from visionsim.runtime.workers import TimerHandle

DEFAULT_SHARED_THREADS = 4


class Gateway:
    """A named gateway in the simulation.

    Parameters
    ----------
    sim
        The simulation it belongs to (shared sinks, tracer, activity).
    name
        The gateway's name on the Gateway Network.
    pool
        Thread pool for ``invokeAsynchronous``; a fresh one by default.
    shared_threads
        Size of the Shared message-handler pool.
    """

    def __init__(
        self,
        sim: Simulation,
        name: str,
        pool: QThreadPool | None = None,
        shared_threads: int = DEFAULT_SHARED_THREADS,
    ) -> None:
        self.name = name
        self._sim = sim
        process = f"Gateway {name}"
        self.workers = Workers(
            pool or new_pool(),
            sim.activity,
            sim.errors,
            sim.tracer,
            process=process,
            scope=GATEWAY,
            thread_prefix=f"gateway-{name}",
        )
        self.shared_pool = self._fifo(f"gateway-{name}-shared", shared_threads)
        self.callback_pool = self._fifo(f"gateway-{name}-callbacks", 1)
        self.dedicated: dict[tuple[str, str], FifoPool] = {}
        self.projects: dict[str, Project] = {}
        self.scopes: dict[str, ScriptScope] = {}
        self.handlers: dict[str, HandlerSet] = {}
        self._timers: list[TimerHandle] = []
        self._running = False
        #: Globals and log levels shared by every project on this gateway.
        self.script_state = ScopeState()
        #: The gateway's tags: providers, tag threads, tag scripts.
        self.tags = GatewayTags(name, self._fifo, sim.timers, sim.stall, sim.tracer)
        #: Datasources of the projects it hosts (``system.db``).
        self.databases = Databases(sim.timers)
        self.tags.engine.query_runner = TagQueries(
            self.databases, lambda: next(iter(self.projects), "")
        )

    def _fifo(self, name: str, size: int) -> FifoPool:
        sim = self._sim
        return FifoPool(
            name,
            size,
            sim.activity,
            sim.errors,
            sim.tracer,
            process=f"Gateway {self.name}",
            scope=GATEWAY,
        )

    def add_project(self, project: Project) -> ScriptScope:
        """Host ``project``: its gateway scope and compiled message handlers.

        Raises :class:`~visionsim.runtime.project.ProjectError` for a handler that does
        not compile, a bad database URL or a seed statement that fails.
        Thread: GUI only.
        """
        self.databases.add_project(project)
        scope = self._scope(project, self.tags.access())
        self.tags.add_project(
            project, scope, lambda: self._scope(project, self.tags.access(None))
        )
        events = project.gateway_events
        self.handlers[project.name] = HandlerSet(
            self._sim,
            scope,
            events.message_handlers,
            label=f"{project.name}/gateway-events",
            yaml_path=events.path,
            executor_for=lambda spec: self._executor(project.name, spec),
        )
        self.projects[project.name] = project
        self.scopes[project.name] = scope
        return scope

    def _scope(self, project: Project, tags: TagAccess) -> ScriptScope:
        """A gateway scripting scope of ``project`` seeing ``tags``."""
        messenger = ScopeMessenger(self._sim, self, self._run_callback)
        svc = ScopeServices(
            GATEWAY,
            project.name,
            self.workers,
            self._sim.stall,
            messenger=messenger,
            sessions=self.sessions,
            gui_ident=self._sim.dispatcher.gui_ident,
            output=self._sim.output,
            state=self.script_state,
            tags=tags,
            databases=self.databases,
        )
        return ScriptScope(
            GATEWAY,
            project.name,
            build_modules(svc),
            self._sim.output,
            self._sim.errors,
            library=project.library,
            dialect=project.config.script_dialect,
        )

    def _executor(self, project: str, spec: HandlerSpec) -> FifoPool:
        if spec.threading == "Dedicated":
            pool = self._fifo(f"gateway-{self.name}-{spec.name}", 1)
            self.dedicated[(project, spec.name)] = pool
            return pool
        return self.shared_pool

    def _run_callback(self, fn: object, argument: object, source: str) -> None:
        """Run a request callback on the gateway's callback thread."""
        assert callable(fn)
        self.callback_pool.submit(lambda: fn(argument), source)

    def run_script(
        self, project: str, source: str, name: str, description: str | None = None
    ) -> Task:
        """Run a script on a new gateway thread in ``project``'s gateway scope.

        Thread: any.
        """
        scope = self.scopes[project]
        return self.workers.start(
            scope.run, (source, name), None, description or name, source="script"
        )

    def start(self) -> list[Task]:
        """Run startup scripts (each on a thread) and start timer scripts."""
        self._running = True
        self.tags.start()
        tasks = []
        for project in self.projects.values():
            events = project.gateway_events
            if events.startup.strip():
                tasks.append(
                    self.run_script(
                        project.name,
                        events.startup,
                        f"{project.name}/gateway-events/startup",
                        "Gateway startup script",
                    )
                )
            for timer in events.timers:
                self._schedule_timer(project.name, timer)
        return tasks

    def _schedule_timer(self, project: str, timer: TimerSpec) -> None:
        scope = self.scopes[project]
        name = f"{project}/gateway-events/timers/{timer.name}"

        def tick() -> None:
            if not self._running:
                return
            self.shared_pool.submit(lambda: run_and_reschedule(), f"timer {name}")

        def run_and_reschedule() -> None:
            try:
                scope.run(timer.script, name)
            finally:  # fixed delay: the next run is counted from this end
                if self._running:
                    self._timers.append(
                        self._sim.timers.call_later(timer.delay_ms / 1000, tick)
                    )

        self._timers.append(self._sim.timers.call_later(timer.delay_ms / 1000, tick))

    def stop_timers(self) -> None:
        """Stop running timer scripts (a tick already running finishes)."""
        self._running = False
        self.tags.stop()
        for handle in self._timers:
            handle.cancel()
        self._timers.clear()

    def run_shutdown_scripts(self, timeout: float) -> None:
        """Stop timers and run each project's shutdown script (bounded wait)."""
        self.stop_timers()
        for project in self.projects.values():
            script = project.gateway_events.shutdown
            if script.strip():
                task = self.run_script(
                    project.name,
                    script,
                    f"{project.name}/gateway-events/shutdown",
                    "Gateway shutdown script",
                )
                task.wait_done(timeout)

    def sessions(self) -> list[ClientSession]:
        """The client sessions connected to this gateway."""
        return [c for c in self._sim.clients if c.gateway is self]

    def pools(self) -> list[FifoPool]:
        """Every handler pool: shared, callbacks, dedicated."""
        return [
            self.shared_pool,
            self.callback_pool,
            *self.dedicated.values(),
            *self.tags.pools(),
        ]

    def shutdown(self, timeout: float) -> bool:
        """Interrupt gateway tasks and wait up to ``timeout`` s for all threads."""
        self.stop_timers()
        ended = self.workers.shutdown(timeout)
        for pool in self.pools():
            ended = pool.shutdown(timeout) and ended
        self.databases.close()
        return ended
