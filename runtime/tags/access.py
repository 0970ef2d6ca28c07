"""One scope's view of the tags: its providers, default provider and round trip.

A gateway scope sees the gateway's providers. A Vision client also has its
own ``[client]`` provider and its own ``[System]Client/...`` tags, and every
blocking call it makes crosses the (simulated) network to the gateway:
:meth:`TagAccess.round_trip` waits there on the calling thread, marked as a
blocking wait so a stall on the GUI thread says what it was waiting for.
Resolved paths are cached until the tag tree changes shape (the engine's
``generation``), so a hot ``readBlocking`` loop parses each path once.
"""

from __future__ import annotations

import collections
import contextlib
import threading
import time
from typing import TYPE_CHECKING, Any

from visionsim.runtime.tags.loader import load_tag_file, new_provider
from visionsim.runtime.tags.model import (
    NOT_FAST,
    AtomicTag,
    Folder,
    Node,
    coerce_fast,
)
from visionsim.runtime.tags.paths import TagPath, TagPathError, parse_path
from visionsim.runtime.tags.quality import QualifiedValue, QualityCode
from visionsim.runtime.tags.values import CLIENT_PROVIDER, SYSTEM_PROVIDER, read_node
from visionsim.runtime.workers import interruptible_sleep

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence
    from pathlib import Path

    from visionsim.runtime.stall import StallMonitor
    from visionsim.runtime.tags.engine import TagEngine
    from visionsim.runtime.tags.paths import ParsedPath
    from visionsim.runtime.workers import FifoPool

    Listener = Callable[[AtomicTag, QualifiedValue, QualifiedValue], None]

__all__ = ["DEFAULT_PROVIDER", "AsyncLane", "TagAccess", "client_providers"]

DEFAULT_PROVIDER = "default"
#: Simulated client-to-gateway round trip of a blocking tag call (seconds).
DEFAULT_ROUND_TRIP_S = 0.001
_CACHE_SIZE = 10_000
_GOOD = QualityCode.Good


class TagAccess:
    """The tags one scripting scope reads and writes.

    Parameters
    ----------
    engine
        The gateway's tag engine.
    stall
        Marks blocking waits on the GUI thread.
    async_pool
        Where ``readAsync``/``writeAsync`` and legacy writes complete (and
        their callbacks run).
    local
        Providers of this scope only (a client's ``[client]`` and
        ``[System]``), by lower-case name.
    default_provider
        Used for a path without ``[provider]``; ``None`` refuses such paths
        (gateway-global scope: tag event scripts).
    round_trip_s
        The wait of each blocking call (a client's RPC); 0 in gateway scope.
    """

    def __init__(
        self,
        engine: TagEngine,
        stall: StallMonitor,
        async_pool: AsyncLane,
        *,
        local: Mapping[str, Folder] | None = None,
        default_provider: str | None = DEFAULT_PROVIDER,
        round_trip_s: float = 0.0,
    ) -> None:
        self.engine = engine
        self.stall = stall
        self.async_pool = async_pool
        self.local = dict(local or {})
        self.default_provider = default_provider
        self.round_trip_s = round_trip_s
        # path -> (parsed, node, quality, engine generation, the atomic tag
        # when the path names its value, else None); a dict's get and set are
        # atomic under the GIL, so threads may share it.
        self._cache: dict[str, tuple[Any, ...]] = {}
        # tuple of paths -> (engine generation, their atomic tags)
        self._batches: dict[tuple[object, ...], tuple[int, tuple[AtomicTag, ...]]] = {}

    def with_default(self, provider: str | None) -> TagAccess:
        """The same tags with another default provider (None: refuse)."""
        return TagAccess(
            self.engine,
            self.stall,
            self.async_pool,
            local=self.local,
            default_provider=provider,
            round_trip_s=self.round_trip_s,
        )

    def parse(self, path: object) -> ParsedPath:
        """Parse ``path``, filling in the default provider.

        Raises :class:`~visionsim.runtime.tags.paths.TagPathError` for a bad
        path, and ``ValueError`` for a path without provider where there is
        no default (gateway-global scope).
        """
        parsed = parse_path(path)
        if parsed.provider is None:
            if self.default_provider is None:
                raise ValueError(
                    f"tag path {path!r} names no provider: in gateway-global scope "
                    "(tag event scripts) write it as [provider]path"
                )
            parsed = type(parsed)(self.default_provider, parsed.parts, parsed.prop)
        return parsed

    def find(self, parsed: ParsedPath) -> Node | None:
        """The node at ``parsed`` (this scope's own providers first). Thread: any."""
        assert parsed.provider is not None
        root = self.local.get(parsed.provider.lower())
        if root is not None:
            return root.find(parsed.key)
        return self.engine.find(parsed)

    def providers(self) -> dict[str, Folder]:
        """Every provider this scope sees, by name."""
        found = {root.provider: root for root in self.engine.providers.values()}
        found.update({root.provider: root for root in self.local.values()})
        return found

    def lookup(
        self, path: object
    ) -> tuple[ParsedPath | None, Node | None, QualityCode]:
        """Parse and resolve ``path``: (parsed, node, Good or why not). Thread: any."""
        if isinstance(path, TagPath):
            path = str(path)
        if not isinstance(path, str):
            return self._resolve(path)
        hit = self._cache.get(path)
        if hit is not None and hit[3] == self.engine.generation:
            return hit[0], hit[1], hit[2]
        found = self._resolve(path)
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        parsed, node, _ = found
        plain = (
            node
            if type(node) is AtomicTag and parsed and parsed.prop == "Value"
            else None
        )
        self._cache[path] = (*found, self.engine.generation, plain)
        return found

    def _resolve(
        self, path: object
    ) -> tuple[ParsedPath | None, Node | None, QualityCode]:
        try:
            parsed = self.parse(path)
        except TagPathError as exc:
            return None, None, QualityCode.Error_InvalidPathSyntax.derive(str(exc))
        node = self.find(parsed)
        return parsed, node, QualityCode.Good if node else QualityCode.Bad_NotFound

    def read(self, path: object) -> QualifiedValue:
        """One path's qualified value; never raises for a bad path."""
        parsed, node, quality = self.lookup(path)
        if parsed is None:
            return QualifiedValue(None, quality)
        if type(node) is AtomicTag and parsed.prop == "Value":
            return node.qv  # the common case, without read_node's dispatch
        return read_node(node, parsed.prop)

    def plain_tags(self, paths: Iterable[object]) -> tuple[AtomicTag, ...] | None:
        """The atomic tags whose values ``paths`` name, or None if one does not.

        Cached by the whole list of paths until the tree changes shape, so a
        script reading the same paths again pays one dict lookup. Thread: any.
        """
        generation = self.engine.generation
        try:
            key = tuple(paths)
            hit = self._batches.get(key)
        except TypeError:  # an unhashable "path": the slow path says why
            return None
        if hit is not None and hit[0] == generation:
            return hit[1]
        get, tags = self._cache.get, []
        for path in key:
            if type(path) is not str:
                return None
            self.lookup(path)  # resolves it into the per-path cache
            entry = get(path)
            if entry is None or entry[4] is None:
                return None
            tags.append(entry[4])
        found = tuple(tags)
        if len(self._batches) >= _CACHE_SIZE:
            self._batches.clear()
        self._batches[key] = (generation, found)
        return found

    def read_all(self, paths: Iterable[object]) -> list[QualifiedValue]:
        """Each path's qualified value, in order; never raises for a bad path."""
        tags = self.plain_tags(paths)
        if tags is not None:
            return [tag.qv for tag in tags]
        return [self.read(path) for path in paths]

    def write_all(
        self, paths: Sequence[object], values: Sequence[object]
    ) -> list[QualityCode]:
        """Write each path its value, in order; a quality code each.

        A memory tag given a value of its own type is set right here, all of
        them with one timestamp; anything else takes the general write.
        """
        tags = self.plain_tags(paths)
        if tags is None:
            return [self.write(p, v) for p, v in zip(paths, values, strict=True)]
        millis, out = time.time_ns() // 1_000_000, []
        for tag, value, path in zip(tags, values, paths, strict=True):
            if (
                tag.value_source == "memory"
                and not tag.read_only
                and tag.provider != SYSTEM_PROVIDER
            ):
                coerced = coerce_fast(tag.data_type, value)
                if coerced is not NOT_FAST:
                    tag.set(QualifiedValue(coerced, _GOOD, millis))
                    out.append(_GOOD)
                    continue
            out.append(self.write(path, value))
        return out

    def write(self, path: object, value: object) -> QualityCode:
        """Write one path; never raises for a bad path."""
        parsed, node, quality = self.lookup(path)
        if parsed is None:
            return quality
        return self.engine.write(node, value, parsed.prop)

    def subscribe(self, path: object, listener: Listener) -> Callable[[], None]:
        """Call ``listener(tag, old, new)`` on each change of ``path``'s tag.

        Returns the unsubscribe function. A path naming no atomic tag is
        subscribed to nothing. Thread: any.
        """
        _, node, _ = self.lookup(path)
        if not isinstance(node, AtomicTag):
            return lambda: None
        node.listeners.append(listener)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                node.listeners.remove(listener)

        return unsubscribe

    def round_trip(self, call: str) -> None:
        """Wait the simulated gateway round trip (a blocking wait on the GUI thread).

        ``call`` names the wait in stall reports. Thread: any.
        """
        if self.round_trip_s > 0:
            with self.stall.blocking(call):
                interruptible_sleep(self.round_trip_s)


class AsyncLane:
    """Runs async tag work (``readAsync``, ``writeAsync``…) on a pool, batched.

    Jobs queue here and one pool job runs every job queued (in order) before
    it ends, so a burst of ``readAsync`` calls costs one thread hand-over, not
    one each. A job that raises ends its batch (the pool reports the error)
    and the rest continue in a new one. ``_lock`` guards the queue and flag.
    """

    def __init__(self, pool: FifoPool, source: str = "system.tag callback") -> None:
        self.pool = pool
        self._source = source
        self._lock = threading.Lock()
        self._jobs: collections.deque[Callable[[], object]] = collections.deque()
        self._scheduled = False

    def submit(self, job: Callable[[], object], source: str = "") -> None:
        """Queue ``job()``; it runs on the pool's thread. Thread: any."""
        with self._lock:
            self._jobs.append(job)
            if self._scheduled:
                return
            self._scheduled = True
        self.pool.submit(self._drain, source or self._source)

    def _drain(self) -> None:
        jobs, lock = self._jobs, self._lock
        while True:
            with lock:
                if not jobs:
                    self._scheduled = False
                    return
                job = jobs.popleft()
            try:
                job()
            except BaseException:
                with lock:
                    more = self._scheduled = bool(jobs)
                if more:
                    self.pool.submit(self._drain, self._source)
                raise


def client_providers(
    engine: TagEngine,
    files: Mapping[str, Path],
    *,
    user_name: str,
    host_name: str,
    project: str,
    client_id: str,
) -> dict[str, Folder]:
    """A client's own providers: ``[client]`` (from its file) and ``[System]``.

    ``[System]Gateway`` is the gateway's, shared; ``[System]Client`` is this
    client's. Raises :class:`~visionsim.runtime.project_io.ProjectError` for
    a bad ``[client]`` file.
    """
    client_file = next(
        (p for n, p in files.items() if n.lower() == CLIENT_PROVIDER), None
    )
    client = (
        load_tag_file(CLIENT_PROVIDER, client_file)
        if client_file is not None
        else new_provider(CLIENT_PROVIDER)
    )
    system = new_provider(SYSTEM_PROVIDER)
    gateway_system = engine.providers[SYSTEM_PROVIDER.lower()]
    for child in gateway_system.children.values():
        system.add(child)
    folder = system.add(Folder(SYSTEM_PROVIDER, "Client", system, {"name": "Client"}))
    assert isinstance(folder, Folder)
    values: dict[str, dict[str, object]] = {
        "User": {"Username": user_name},
        "Network": {
            "Hostname": host_name,
            "GatewayAddress": "http://localhost:8088",
            "IPAddress": _address(host_name),
        },
        "System": {
            "ProjectName": project,
            "ClientId": client_id,
            "DefaultTagProvider": DEFAULT_PROVIDER,
            "SystemFlags": 4,  # a Vision client (getSystemFlags' bit 4)
        },
    }
    for name, tags in values.items():
        sub = folder.add(Folder(SYSTEM_PROVIDER, name, folder, {"name": name}))
        assert isinstance(sub, Folder)
        for tag, value in tags.items():
            config = {"name": tag, "value": value, "readOnly": True}
            sub.add(AtomicTag(SYSTEM_PROVIDER, tag, sub, config))
    engine.activate(client.walk(), _finder(engine, client))
    return {CLIENT_PROVIDER: client, SYSTEM_PROVIDER.lower(): system}


def _finder(engine: TagEngine, client: Folder) -> Callable[[ParsedPath], Node | None]:
    def find(parsed: ParsedPath) -> Node | None:
        if parsed.provider and parsed.provider.lower() == CLIENT_PROVIDER:
            return client.find(parsed.key)
        return engine.find(parsed)

    return find


def _address(host: str) -> str:
    import socket  # here: 3 ms of every start otherwise

    return "127.0.0.1" if host in ("localhost", socket.gethostname()) else host
