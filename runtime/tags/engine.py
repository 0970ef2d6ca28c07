"""The gateway's tag engine: providers, reads, writes and the tags that run.

One :class:`TagEngine` per gateway holds the realtime providers loaded from
tag export JSON and ``[System]Gateway``. It makes the live tags live:
reference tags follow their source, Generic Simulator OPC tags move on each
tick of the runtime's timer thread, and query tags poll their SQL through a
:class:`QueryRunner` on the gateway's query thread (never on the timer
thread: a query may be slow). Writes are applied on the calling thread;
listeners (bindings, event scripts) only queue work. ``_lock`` protects the
provider table against a ``configure`` racing a lookup.
"""

from __future__ import annotations

import contextlib
import threading
import time
from typing import TYPE_CHECKING, Any, Protocol

from visionsim.runtime import context
from visionsim.runtime.tags.loader import TYPES_FOLDER, load_tag_file, new_provider
from visionsim.runtime.tags.model import AtomicTag, Folder, Node, coerce_value
from visionsim.runtime.tags.paths import join_relative, parse_path
from visionsim.runtime.tags.quality import QualifiedValue, QualityCode
from visionsim.runtime.tags.simulator import SimulatedSignal, signal_for
from visionsim.runtime.tags.values import (
    CLIENT_PROVIDER,
    SYSTEM_PROVIDER,
    UNSUPPORTED_SOURCES,
    read_node,
    write_node,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence
    from pathlib import Path

    from visionsim.runtime.tags.paths import ParsedPath
    from visionsim.runtime.workers import FifoPool, TimerHandle, TimerThread

    Finder = Callable[[ParsedPath], Node | None]

__all__ = ["DatasourceNotConnected", "QueryRunner", "TagEngine"]

DEFAULT_SIM_PERIOD_S = 1.0
DEFAULT_QUERY_RATE_MS = 10_000


class DatasourceNotConnected(LookupError):
    """A query tag's datasource is not configured on this gateway."""


class QueryRunner(Protocol):
    """Runs a query tag's SQL on a datasource (the database layer implements it)."""

    def run_query(self, datasource: str, sql: str) -> Sequence[Sequence[Any]]:
        """The result rows of ``sql`` on ``datasource`` (``""``: the default).

        Raises :class:`DatasourceNotConnected` for a datasource the gateway
        does not have, anything else on a database error. Thread: any (called
        on a gateway thread).
        """
        ...


class TagEngine:
    """The realtime tag providers of one gateway.

    Parameters
    ----------
    gateway_name
        Shown as ``[System]Gateway/SystemName``.
    sim_period_s
        How often simulated OPC tags change (seconds).
    """

    def __init__(
        self, gateway_name: str = "local", sim_period_s: float = DEFAULT_SIM_PERIOD_S
    ) -> None:
        self.gateway_name = gateway_name
        self.sim_period_s = sim_period_s
        self.providers: dict[str, Folder] = {}
        self.query_runner: QueryRunner | None = None
        self._lock = threading.Lock()
        self._signals: dict[AtomicTag, SimulatedSignal] = {}
        self._queries: list[AtomicTag] = []
        self._tick_handle: TimerHandle | None = None
        self._query_handles: dict[AtomicTag, TimerHandle] = {}
        #: Seconds between changes of simulated tags by tag group (lower-case
        #: name); a group not listed changes every ``sim_period_s``.
        self.group_rates: dict[str, float] = {}
        self._due: dict[AtomicTag, float] = {}
        self._timers: TimerThread | None = None
        self._query_pool: FifoPool | None = None
        self._t0 = time.monotonic()
        #: Bumped whenever the tree changes shape (cached lookups go stale).
        self.generation = 0
        #: Who the timer thread is while it scans simulated tags (the name
        #: their changes carry on the timeline); set by the gateway.
        self.scan_context: context.ExecContext | None = None
        self.add_provider(self._system_provider())

    # -- providers -------------------------------------------------------------

    def load(self, files: Mapping[str, Path]) -> None:
        """Load each provider's export JSON (``[client]`` is per client).

        A root's ``tagGroups`` set :attr:`group_rates` (shared by providers).

        Raises :class:`~visionsim.runtime.project_io.ProjectError`.
        """
        for name, path in files.items():
            if name.lower() != CLIENT_PROVIDER:
                root = load_tag_file(name, path)
                for group, rate_ms in root.config.get("tagGroups", {}).items():
                    self.group_rates[group.lower()] = rate_ms / 1000
                self.add_provider(root)

    def add_provider(self, root: Folder) -> None:
        """Register (or replace) a provider and make its tags live."""
        with self._lock:
            self.providers[root.provider.lower()] = root
        self.activate(root.walk(), self.find)

    def _system_provider(self) -> Folder:
        root = new_provider(SYSTEM_PROVIDER)
        gateway = root.add(
            Folder(SYSTEM_PROVIDER, "Gateway", root, {"name": "Gateway"})
        )
        assert isinstance(gateway, Folder)
        network = gateway.add(Folder(SYSTEM_PROVIDER, "Network", gateway, {}))
        assert isinstance(network, Folder)
        _constant(gateway, "SystemName", self.gateway_name)
        _constant(network, "Hostname", "localhost")
        _constant(gateway, "Timezone", time.strftime("%Z"))
        return root

    def find(self, parsed: ParsedPath) -> Node | None:
        """The node a parsed path names (provider required). Thread: any."""
        if parsed.provider is None:
            return None
        root = self.providers.get(parsed.provider.lower())
        return root.find(parsed.key) if root is not None else None

    def activate(self, nodes: Iterable[Node], find: Finder) -> None:
        """Link reference tags, attach simulator signals, register query tags."""
        self.generation += 1
        for node in nodes:
            if not isinstance(node, AtomicTag) or _in_types(node):
                continue
            source = node.value_source
            if source == "reference":
                self._link_reference(node, find)
            elif source == "opc":
                signal = signal_for(node.config.get("opcItemPath"))
                if signal is not None:
                    initial = signal.initial()
                    if initial is not None:
                        node.qv = QualifiedValue(initial)
                    self._signals[node] = signal
            elif source == "db":
                self._queries.append(node)
                if self._timers is not None:
                    self._schedule_query(node, 0.0)
            elif source in UNSUPPORTED_SOURCES:
                node.qv = QualifiedValue(
                    node.qv.value,
                    QualityCode.Bad_Unsupported.derive(
                        f"{source} tags are not simulated by visionsim"
                    ),
                )

    def _link_reference(self, tag: AtomicTag, find: Finder) -> None:
        path = str(tag.config.get("sourceTagPath", ""))
        try:
            target = find(parse_path(join_relative(tag.folder_path, path)))
        except ValueError:
            target = None
        if not isinstance(target, AtomicTag) or target is tag:
            tag.qv = QualifiedValue(None, QualityCode.Bad_ReferenceNotFound)
            return
        if _refers_to(target, tag):
            tag.qv = QualifiedValue(
                None, QualityCode.Error_CycleDetected.derive(f"{path} refers back")
            )
            return
        tag.config["_source"] = target  # writes go there (not exported)

        def follow(_src: AtomicTag, _old: QualifiedValue, new: QualifiedValue) -> None:
            tag.set(new)

        target.listeners.append(follow)
        tag.qv = target.qv

    def remove(self, node: Node) -> None:
        """Take ``node`` (and what is under it) out of the tree; it stops running."""
        parent = node.parent
        if parent is None:
            raise ValueError(f"{node.full_path} is a provider: it cannot be deleted")
        parent.children.pop(node.name.lower(), None)
        gone = [node, *(node.walk() if isinstance(node, Folder) else ())]
        for tag in gone:
            if isinstance(tag, AtomicTag):
                self._signals.pop(tag, None)
                self._due.pop(tag, None)
                handle = self._query_handles.pop(tag, None)
                if handle is not None:
                    handle.cancel()
                if tag in self._queries:
                    self._queries.remove(tag)
                tag.config["_deleted"] = True  # a scheduled poll skips it
        self.generation += 1

    # -- reading and writing -----------------------------------------------------

    def read(self, node: Node | None, prop: str = "Value") -> QualifiedValue:
        """The value (or property) of ``node``; Bad_NotFound when missing."""
        return read_node(node, prop)

    def write(
        self, node: Node | None, value: object, prop: str = "Value"
    ) -> QualityCode:
        """Write ``value`` to ``node``; the quality says how it went."""
        return write_node(node, value, prop, self._signals.get)

    # -- running ------------------------------------------------------------------

    def start(self, timers: TimerThread, query_pool: FifoPool) -> None:
        """Start simulator ticks and query polling on the runtime's threads."""
        self._timers = timers
        self._query_pool = query_pool
        self._t0 = time.monotonic()
        self._tick_handle = timers.call_later(self._base_period(), self._tick)
        for tag in self._queries:
            self._schedule_query(tag, 0.0)

    @property
    def is_running(self) -> bool:
        """Whether ticks and polls are scheduled."""
        return self._timers is not None

    def stop(self) -> None:
        """Stop ticking and polling (a query already running finishes)."""
        self._timers = None
        handles = [self._tick_handle, *self._query_handles.values()]
        for handle in handles:
            if handle is not None:
                handle.cancel()
        self._tick_handle = None
        self._query_handles.clear()

    def _tick(self) -> None:
        timers = self._timers
        if timers is None:
            return
        now = time.monotonic()
        seconds = now - self._t0
        if self.scan_context is not None:
            context.bind(self.scan_context)
        try:
            for tag, signal in list(self._signals.items()):
                if signal.changes and self._due.get(tag, 0.0) <= now + 1e-4:
                    self._due[tag] = now + self.rate_of(tag)
                    value: object = signal.value_at(seconds)
                    with contextlib.suppress(TypeError, ValueError):
                        value = coerce_value(tag.data_type, value)
                    tag.set(QualifiedValue(value))
        finally:
            if self.scan_context is not None:
                context.bind(None)  # the timer thread serves others too
        self._tick_handle = timers.call_later(self._base_period(), self._tick)

    def rate_of(self, tag: AtomicTag) -> float:
        """Seconds between changes of a simulated tag (its tag group's rate)."""
        group = str(tag.config.get("tagGroup", "Default")).lower()
        return self.group_rates.get(group, self.sim_period_s)

    def _base_period(self) -> float:
        return min([self.sim_period_s, *self.group_rates.values()])

    def _schedule_query(self, tag: AtomicTag, delay_s: float) -> None:
        timers, pool = self._timers, self._query_pool
        if timers is None or pool is None:
            return

        def due() -> None:
            if self._timers is not None:
                pool.submit(lambda: self._poll(tag), f"query tag {tag.full_path}")

        self._query_handles[tag] = timers.call_later(delay_s, due)

    def _poll(self, tag: AtomicTag) -> None:
        """Run a query tag's SQL and store its first cell (gateway thread)."""
        if tag.config.get("_deleted"):
            return
        try:
            tag.set(self.run_query_tag(tag))
        finally:
            rate = tag.config.get("executionRate", DEFAULT_QUERY_RATE_MS)
            mode = tag.config.get("executionMode", "FixedRate")
            if mode != "Manual" and isinstance(rate, int | float) and rate > 0:
                self._schedule_query(tag, rate / 1000)

    def run_query_tag(self, tag: AtomicTag) -> QualifiedValue:
        """The value a query tag's SQL gives now (its first row's first column)."""
        runner = self.query_runner
        if runner is None:
            return QualifiedValue(
                tag.qv.value,
                QualityCode.Bad_DatabaseNotConnected.derive(
                    "no database is configured"
                ),
            )
        try:
            rows = runner.run_query(
                str(tag.config.get("datasource", "")), str(tag.config.get("query", ""))
            )
        except DatasourceNotConnected as exc:
            return QualifiedValue(
                tag.qv.value, QualityCode.Bad_DatabaseNotConnected.derive(str(exc))
            )
        except BaseException as exc:  # a Java SQLException is no Exception
            return QualifiedValue(
                tag.qv.value, QualityCode.Error_DatabaseQuery.derive(str(exc))
            )
        value = rows[0][0] if rows and len(rows[0]) else None
        try:
            return QualifiedValue(coerce_value(tag.data_type, value))
        except (TypeError, ValueError) as exc:
            return QualifiedValue(
                value, QualityCode.Error_TypeConversion.derive(str(exc))
            )


def _refers_to(start: AtomicTag, tag: AtomicTag) -> bool:
    """Whether following references from ``start`` reaches ``tag``."""
    seen: set[int] = set()
    node: object = start
    while isinstance(node, AtomicTag) and id(node) not in seen:
        if node is tag:
            return True
        seen.add(id(node))
        node = node.config.get("_source")
    return False


def _constant(folder: Folder, name: str, value: object) -> None:
    config = {"name": name, "valueSource": "memory", "value": value, "readOnly": True}
    folder.add(AtomicTag(folder.provider, name, folder, config))


def _in_types(node: Node) -> bool:
    return node.path.split("/", 1)[0].lower() == TYPES_FOLDER
