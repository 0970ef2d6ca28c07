"""Tag events: value-changed scripts on tags, and Tag Change event scripts.

Threads as in reference/ignition-tags-db.md section 8:

- a tag's ``valueChanged`` script (its JSON's ``eventScripts``) runs in the
  gateway on a pool of 3 threads shared by all tags; each tag queues at most
  5 events, one at a time, in order; an event arriving at a full queue is
  dropped and the next delivered one has ``missedEvents`` set;
- a gateway Tag Change script has its own thread and an unbounded queue: its
  tags' events run one at a time, in order, none dropped;
- a client Tag Change script runs on the GUI thread of each client.

Both kinds of Tag Change script run once per path at start with
``initialChange`` set. ``_lock`` of a :class:`_TagQueue` guards its queue.
"""

from __future__ import annotations

import ast
import collections
import re
import textwrap
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from visionsim.runtime import sources
from visionsim.runtime.project_io import ProjectError
from visionsim.runtime.tags.model import AtomicTag, Node
from visionsim.runtime.tags.paths import TagPath

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path

    from visionsim.runtime.messaging import Executor
    from visionsim.runtime.project import TagChangeSpec
    from visionsim.runtime.scripting import ScriptScope
    from visionsim.runtime.tags.access import TagAccess
    from visionsim.runtime.tags.quality import QualifiedValue

__all__ = ["EVENT_QUEUE_SIZE", "TagChangeScripts", "ValueChangedScripts"]

EVENT_QUEUE_SIZE = 5
_LEADING = re.compile(r"^[ \t]+", re.M)
VALUE_CHANGED_ARGS = (
    "tag",
    "tagPath",
    "previousValue",
    "currentValue",
    "initialChange",
    "missedEvents",
)
TAG_CHANGE_ARGS = (
    "event",
    "initialChange",
    "newValue",
    "previousValue",
    "executionCount",
)


def compile_function(
    scope: ScriptScope,
    fn_name: str,
    args: tuple[str, ...],
    body: str,
    name: str,
    where: tuple[Path | str, int | None],
) -> Callable[..., object]:
    """``def fn_name(*args):`` around ``body``, compiled in ``scope``.

    Line numbers in errors are the body's own. Raises
    :class:`~visionsim.runtime.project_io.ProjectError` at ``where`` (file,
    line) for a syntax error.
    """
    # Ignition stores the body tab-indented; only the indentation is expanded.
    body = _LEADING.sub(lambda m: m.group(0).expandtabs(4), body)
    text = textwrap.dedent(body) if body.strip() else "pass"
    source = f"def {fn_name}({', '.join(args)}):\n" + textwrap.indent(
        text, "    ", lambda line: True
    )
    try:
        tree = ast.parse(source, name)
    except SyntaxError as exc:
        raise ProjectError(
            where[0],
            f"{name}: {exc.msg} (script line {(exc.lineno or 1) - 1})",
            where[1],
        ) from None
    ast.increment_lineno(tree, -1)
    sources.register(name, text)
    namespace = scope.namespace()
    exec(compile(tree, name, "exec", dont_inherit=True), namespace)
    function: Callable[..., object] = namespace[fn_name]
    return function


@dataclass(frozen=True, slots=True)
class ScriptTag:
    """The ``tag`` argument of a value-changed script: the tag as it is now."""

    name: str
    path: str
    value: Any
    quality: Any
    timestamp: Any


class _TagQueue:
    """One tag's pending value-changed events (at most 5)."""

    def __init__(
        self, tag: AtomicTag, fn: Callable[..., object], pool: Executor, label: str
    ) -> None:
        self.tag = tag
        self._fn = fn
        self._pool = pool
        self._label = label
        self._lock = threading.Lock()
        self._events: collections.deque[tuple[Any, Any, bool]] = collections.deque()
        self._missed = False
        self._scheduled = False
        self.dropped = 0
        self.started = False

    def on_change(
        self, _tag: AtomicTag, old: QualifiedValue, new: QualifiedValue
    ) -> None:
        self.push(old, new, False)

    def push(self, previous: Any, current: Any, initial: bool) -> None:
        """Queue an event, or drop it (``missedEvents``) when 5 wait. Thread: any."""
        with self._lock:
            if len(self._events) >= EVENT_QUEUE_SIZE:
                self._missed = True
                self.dropped += 1
                return
            self._events.append((previous, current, initial))
            if self._scheduled:
                return
            self._scheduled = True
        self._pool.submit(self._run_one, self._label)

    def _run_one(self) -> None:
        with self._lock:
            previous, current, initial = self._events.popleft()
            missed, self._missed = self._missed, False
        tag = self.tag
        try:
            self._fn(
                ScriptTag(
                    tag.name,
                    tag.full_path,
                    current.value,
                    current.quality,
                    current.timestamp,
                ),
                tag.full_path,
                previous,
                current,
                initial,
                missed,
            )
        finally:
            with self._lock:
                more = bool(self._events)
                self._scheduled = more
            if more:  # back of the pool's line: other tags get their turn
                self._pool.submit(self._run_one, self._label)


class ValueChangedScripts:
    """The ``valueChanged`` scripts of tags, on the gateway's pool of 3."""

    def __init__(self, scope: ScriptScope, pool: Executor) -> None:
        self._scope = scope
        self._pool = pool
        self.queues: dict[AtomicTag, _TagQueue] = {}

    def attach(self, nodes: Iterable[Node], file: Path | str) -> None:
        """Compile and subscribe the scripts of ``nodes``; raises ProjectError."""
        for node in nodes:
            if not isinstance(node, AtomicTag) or node in self.queues:
                continue
            for script in node.config.get("eventScripts") or []:
                if (
                    not isinstance(script, dict)
                    or script.get("eventid") != "valueChanged"
                ):
                    continue
                name = f"{node.full_path}/valueChanged"
                fn = compile_function(
                    self._scope,
                    "valueChanged",
                    VALUE_CHANGED_ARGS,
                    str(script.get("script", "")),
                    name,
                    (file, None),
                )
                queue = _TagQueue(node, fn, self._pool, name)
                self.queues[node] = queue
                node.listeners.append(queue.on_change)

    def start(self) -> None:
        """Deliver each new tag's first event (``initialChange``)."""
        for tag, queue in self.queues.items():
            if not queue.started:
                queue.started = True
                queue.push(None, tag.qv, True)


class TagChangeEvent:
    """``event`` of a Tag Change script: ``tagPath``, ``getValue()`` and more."""

    def __init__(self, path: str, value: Any, previous: Any) -> None:
        self.tagPath = TagPath(path)
        self.tagProperty = self.tagPath.property
        self._value = value
        self._previous = previous

    def getTagPath(self) -> TagPath:
        """The tag that changed."""
        return self.tagPath

    def getValue(self) -> Any:
        """The new QualifiedValue."""
        return self._value

    def getPreviousValue(self) -> Any:
        """The QualifiedValue before the change (None at the initial run)."""
        return self._previous

    @property
    def tag(self) -> TagPath:
        """Legacy: the tag (its path)."""
        return self.tagPath


class TagChangeScripts:
    """One scope's Tag Change scripts, each on its own executor.

    Parameters
    ----------
    tags, scope
        Where the paths are resolved and the scripts run.
    executor_for
        The executor of a script: a thread of its own (gateway), the GUI
        thread or the client's shared thread (its ``threading``).
    label, file
        Script names start with ``label``; errors name ``file``.
    """

    def __init__(
        self,
        tags: TagAccess,
        scope: ScriptScope,
        executor_for: Callable[[TagChangeSpec], Executor],
        label: str,
        file: Path | None,
    ) -> None:
        self._tags = tags
        self._scope = scope
        self._executor_for = executor_for
        self._label = label
        self._file = file
        self._unsubscribe: list[Callable[[], None]] = []
        self._initial: list[Callable[[], None]] = []

    def add(self, specs: Iterable[TagChangeSpec]) -> None:
        """Compile and subscribe each script; raises ProjectError."""
        for spec in specs:
            name = f"{self._label}/tagChange/{spec.name}"
            fn = compile_function(
                self._scope,
                "tagChange",
                TAG_CHANGE_ARGS,
                spec.script,
                name,
                (self._file or name, spec.line),
            )
            executor = self._executor_for(spec)
            counter = [0]
            for path in spec.paths:
                try:
                    self._watch(path, fn, executor, name, counter)
                except ValueError as exc:  # a malformed path
                    raise ProjectError(
                        self._file or name, f"tagChange {spec.name!r}: {exc}", spec.line
                    ) from None

    def _watch(
        self,
        path: str,
        fn: Callable[..., object],
        executor: Executor,
        name: str,
        counter: list[int],
    ) -> None:
        full = self._tags.parse(path).full()

        def deliver(previous: Any, current: Any, initial: bool) -> None:
            def job() -> None:
                counter[0] += 1  # only ever on this script's own thread
                event = TagChangeEvent(full, current, previous)
                fn(event, initial, current, previous, counter[0])

            job.__qualname__ = name
            executor.submit(job, name)

        def on_change(_tag: AtomicTag, old: Any, new: Any) -> None:
            deliver(old, new, False)

        self._unsubscribe.append(self._tags.subscribe(path, on_change))
        self._initial.append(lambda: deliver(None, self._tags.read(path), True))

    def start(self) -> None:
        """The initial run of every script, once per path."""
        for initial in self._initial:
            initial()

    def stop(self) -> None:
        """Stop listening to the tags."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
