"""A simulated Vision client session: one project, the GUI thread, its scope."""

from __future__ import annotations

import os
from datetime import datetime
from typing import TYPE_CHECKING, Any

from visionsim.runtime.context import CLIENT, RunInterrupted
from visionsim.runtime.ignition import ScopeServices, build_modules
from visionsim.runtime.messaging import GuiExecutor, HandlerSet, ScopeMessenger
from visionsim.runtime.resources.lazy import loaded
from visionsim.runtime.scripting import ScriptScope
from visionsim.runtime.tags import (
    DEFAULT_ROUND_TRIP_S,
    AsyncLane,
    TagAccess,
    TagChangeScripts,
    client_providers,
)
from visionsim.runtime.vision_port import VisionPort
from visionsim.runtime.workers import FifoPool, Workers, new_pool

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from types import CodeType

    from PySide6.QtCore import QThreadPool

    from visionsim.runtime.gateway import Gateway
    from visionsim.runtime.messaging import Executor
    from visionsim.runtime.project import HandlerSpec, Project
    from visionsim.runtime.simulation import Simulation


class ClientSession:
    """One Vision client running ``project`` against ``gateway``.

    Parameters
    ----------
    sim
        The simulation (GUI dispatcher, sinks, tracer).
    project, gateway
        What it runs and where it is connected.
    host_name, user_name, roles
        The session's identity (sendMessage filters use them).
    pool
        Thread pool for the client's async tasks; a fresh one by default.
    client_id
        The session id; a new random one by default (a reload keeps the old).
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
        client_id: str | None = None,
    ) -> None:
        # secrets.token_hex, minus its import
        self.client_id = client_id or os.urandom(4).hex()
        self.created_at = datetime.now()
        self.project = project
        self.gateway = gateway
        self.host_name = host_name
        self.user_name = user_name
        self.roles = tuple(roles)
        self._sim = sim
        self._process = f"Client {self.client_id} ({project.name})"
        self.workers = Workers(
            pool or new_pool(),
            sim.activity,
            sim.errors,
            sim.tracer,
            process=self._process,
            scope=CLIENT,
        )
        self.shared_pool = self._fifo(f"client-{self.client_id}-shared")
        #: Where query bindings run their polls (off the GUI thread).
        self.binding_pool = self._fifo(f"client-{self.client_id}-bindings")
        self.dedicated: dict[str, FifoPool] = {}
        messenger = ScopeMessenger(sim, gateway, self._run_callback)
        #: Windows and dialogs, plugged in by the widgets and app layers.
        self.vision = VisionPort()
        self.tag_pool = self._fifo(f"client-{self.client_id}-tag-callbacks")
        #: The client's tags: the gateway's, plus ``[client]`` and ``[System]``.
        self.tags = TagAccess(
            gateway.tags.engine,
            sim.stall,
            AsyncLane(self.tag_pool),
            local=client_providers(
                gateway.tags.engine,
                project.config.tags,
                user_name=user_name,
                host_name=host_name,
                project=project.name,
                client_id=self.client_id,
            ),
            round_trip_s=DEFAULT_ROUND_TRIP_S,
        )
        svc = ScopeServices(
            CLIENT,
            project.name,
            self.workers,
            sim.stall,
            sim.dispatcher,
            self.client_id,
            messenger,
            guard=sim.guard,
            vision=self.vision,
            sessions=gateway.sessions,
            gui_ident=sim.dispatcher.gui_ident,
            output=sim.output,
            tags=self.tags,
            databases=gateway.databases,
        )
        self.scope = ScriptScope(
            CLIENT,
            project.name,
            build_modules(svc),
            sim.output,
            sim.errors,
            library=project.library,
            dialect=project.config.script_dialect,
        )
        events = project.client_events
        self.handlers = HandlerSet(
            sim,
            self.scope,
            events.message_handlers,
            label=f"{project.name}/client-events",
            yaml_path=events.path,
            executor_for=self._executor,
        )
        # Client Tag Change scripts run on the GUI thread unless they say
        # Shared (the reference's default: users open windows from them).
        self.tag_change = TagChangeScripts(
            self.tags,
            self.scope,
            lambda spec: (
                self.shared_pool if spec.threading == "Shared" else GuiExecutor(sim)
            ),
            f"{project.name}/client-events",
            events.path,
        )
        self.tag_change.add(events.tag_change)

    def _fifo(self, name: str) -> FifoPool:
        sim = self._sim
        return FifoPool(
            name,
            1,
            sim.activity,
            sim.errors,
            sim.tracer,
            process=self._process,
            scope=CLIENT,
        )

    def _executor(self, spec: HandlerSpec) -> Executor:
        if spec.threading == "EDT":
            return GuiExecutor(self._sim)
        if spec.threading == "Dedicated":
            pool = self._fifo(f"client-{self.client_id}-{spec.name}")
            self.dedicated[spec.name] = pool
            return pool
        return self.shared_pool

    def _run_callback(
        self, fn: Callable[[object], object], argument: object, source: str
    ) -> None:
        """Request callbacks run on the GUI thread, like invokeLater."""

        def callback() -> None:
            fn(argument)

        # The timeline and reports show the user's function, not this wrapper.
        callback.__qualname__ = getattr(fn, "__qualname__", source)
        self._sim.dispatcher.post(callback, source=source)

    @property
    def project_name(self) -> str:
        """The project this client runs."""
        return self.project.name

    @property
    def sim(self) -> Simulation:
        """The simulation this client belongs to."""
        return self._sim

    def run_code(
        self,
        code: CodeType,
        name: str,
        extra: Mapping[str, Any] | None = None,
        *,
        trace: bool = True,
    ) -> bool:
        """Run compiled script ``code`` (named ``name``) now, on the GUI thread.

        Component event scripts are compiled once per window and run through
        here. Returns whether the script completed. The stall monitor's
        sampler (not a CPU-clock read per run: two system calls cost more
        than a small script) tells GIL waits from script work. ``trace``
        puts the run on the GUI lane of the timeline (a button's
        actionPerformed shows there); propertyChange floods opt out.
        Thread: GUI only.
        """
        sim = self._sim
        stall = sim.stall
        t0 = stall.begin(name)
        try:
            exec(code, self.scope.namespace(extra))
        except RunInterrupted:
            raise
        except BaseException as exc:
            sim.errors.report_exception(exc, "script")
            return False
        finally:
            t1 = stall.end(t0)
            if trace and sim.tracer.enabled:
                sim.tracer.record(
                    "X", stall.gui_lane, "script", name, ts=t0, duration=t1 - t0
                )
        return True

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
        """Run the client startup script, then open the startup windows.

        Thread: GUI only.
        """
        script = self.project.client_events.startup
        if script.strip():
            self.run_script(script, f"{self.project.name}/client-events/startup")
        self.tag_change.start()
        windows = self.vision.windows
        if windows is not None:
            # Loaded windows only: binary ones are decoded when first opened.
            for path, spec in loaded(getattr(self.project, "windows", {})).items():
                if spec.open_on_startup:
                    windows.open_window(path, None)

    def stop(self, timeout: float) -> bool:
        """Run the shutdown script, then stop the client's threads."""
        script = self.project.client_events.shutdown
        if script.strip():
            self.run_script(script, f"{self.project.name}/client-events/shutdown")
        return self.shutdown(timeout)

    def shutdown(self, timeout: float) -> bool:
        """Interrupt the client's tasks and wait up to ``timeout`` s for them."""
        self.tag_change.stop()
        ended = self.workers.shutdown(timeout)
        pools = [self.shared_pool, self.tag_pool, self.binding_pool]
        for pool in [*pools, *self.dedicated.values()]:
            ended = pool.shutdown(timeout) and ended
        return ended
