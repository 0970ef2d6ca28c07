"""A gateway's tag system: its engine, its tag threads and its tag scripts.

The threads are :class:`~visionsim.runtime.workers.FifoPool` s made by the
gateway: ``gateway-tags-eventscripts`` (3 threads, the tags' value-changed
scripts), one thread per gateway Tag Change script, one for query tags and
one for ``readAsync``/``writeAsync`` completions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from visionsim.runtime import context
from visionsim.runtime.tags.access import AsyncLane, TagAccess
from visionsim.runtime.tags.engine import TagEngine
from visionsim.runtime.tags.events import TagChangeScripts, ValueChangedScripts
from visionsim.runtime.workers import next_thread_id

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime.project import Project
    from visionsim.runtime.scripting import ScriptScope
    from visionsim.runtime.stall import StallMonitor
    from visionsim.runtime.trace import Tracer
    from visionsim.runtime.workers import FifoPool, TimerThread

    PoolFactory = Callable[[str, int], FifoPool]

__all__ = ["TAG_EVENT_THREADS", "GatewayTags"]

#: Ignition's pool for tag event scripts (``-Dignition.tags.scriptthreads``).
TAG_EVENT_THREADS = 3


class GatewayTags:
    """The tags of one gateway and the threads they run on.

    Parameters
    ----------
    name
        The gateway's name.
    make_pool
        ``make_pool(thread_name, size)``: a gateway FifoPool.
    timers, stall, tracer
        The runtime's timer thread (simulator ticks, query polls), the
        stall monitor (blocking waits) and the timeline.
    """

    def __init__(
        self,
        name: str,
        make_pool: PoolFactory,
        timers: TimerThread,
        stall: StallMonitor,
        tracer: Tracer,
    ) -> None:
        self.engine = TagEngine(name)
        lane = next_thread_id()
        scan = f"gateway-{name}-tag-scan"
        self.engine.scan_context = context.ExecContext(lane, scan, context.GATEWAY)
        tracer.name_lane(lane, f"Gateway {name}", scan)
        self._name = name
        self._make_pool = make_pool
        self._timers = timers
        self._stall = stall
        self.async_pool = make_pool(f"gateway-{name}-tag-callbacks", 1)
        self.async_lane = AsyncLane(self.async_pool)
        self.event_pool = make_pool("gateway-tags-eventscripts", TAG_EVENT_THREADS)
        self.query_pool = make_pool(f"gateway-{name}-tag-queries", 1)
        self.script_pools: dict[str, FifoPool] = {}
        self.value_changed: ValueChangedScripts | None = None
        self._tag_change: list[TagChangeScripts] = []
        self._started = 0

    def access(self, default_provider: str | None = "default") -> TagAccess:
        """Gateway-scope tag access (no round trip: the tags are here)."""
        return TagAccess(
            self.engine,
            self._stall,
            self.async_lane,
            default_provider=default_provider,
        )

    def add_project(
        self,
        project: Project,
        scope: ScriptScope,
        event_scope: Callable[[], ScriptScope],
    ) -> None:
        """Load ``project``'s providers, its tags' scripts, its Tag Change scripts.

        ``event_scope()`` builds the gateway-global scope tag event scripts
        run in (once). Raises
        :class:`~visionsim.runtime.project_io.ProjectError`.
        """
        files = {
            name: path
            for name, path in project.config.tags.items()
            if name.lower() not in self.engine.providers
        }
        self.engine.load(files)
        if self.value_changed is None:
            self.value_changed = ValueChangedScripts(event_scope(), self.event_pool)
        for name, path in files.items():
            root = self.engine.providers.get(name.lower())
            if root is not None:
                self.value_changed.attach(root.walk(), path)
        events = project.gateway_events
        scripts = TagChangeScripts(
            self.access(),
            scope,
            lambda spec: self._script_pool(project.name, spec.name),
            f"{project.name}/gateway-events",
            events.path,
        )
        scripts.add(events.tag_change)
        self._tag_change.append(scripts)

    def _script_pool(self, project: str, script: str) -> FifoPool:
        pool = self._make_pool(f"gateway-{self._name}-tagchange-{script}", 1)
        self.script_pools[f"{project}/{script}"] = pool
        return pool

    def start(self) -> None:
        """Start the live tags, then deliver each new script's initial event.

        Starting again (another project hosted later) only starts what is new.
        """
        if not self.engine.is_running:
            self.engine.start(self._timers, self.query_pool)
        if self.value_changed is not None:
            self.value_changed.start()
        for scripts in self._tag_change[self._started :]:
            scripts.start()
        self._started = len(self._tag_change)

    def stop(self) -> None:
        """Stop ticking, polling and listening."""
        self.engine.stop()
        for scripts in self._tag_change:
            scripts.stop()

    def pools(self) -> list[FifoPool]:
        """Every tag thread pool (to shut down)."""
        return [
            self.async_pool,
            self.event_pool,
            self.query_pool,
            *self.script_pools.values(),
        ]
