"""Property bindings of one open window: tag, indirect tag and property bindings.

Tag values arrive on whatever thread changed the tag (a writer, the timer
thread of a simulated OPC tag). They are coalesced per binding and handed to
the GUI thread in one posted batch (latest value wins, so a fast tag never
floods the GUI queue); there each property is set through the component,
which fires ``propertyChange``. A bidirectional binding writes user and script
changes back to the tag in the background (``writeAsync``), never echoing a
value it just received. An indirect binding re-subscribes when a property its
path depends on changes; a property binding copies one property to another
at once (same thread: the GUI thread). Query and named-query bindings are
parsed but run by the database layer. ``_lock`` guards the pending batch.
"""

from __future__ import annotations

import contextlib
import re
import threading
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from visionsim.runtime.dispatch import GuiDispatcher
    from visionsim.runtime.tags.access import TagAccess
    from visionsim.runtime.tags.quality import QualifiedValue
    from visionsim.runtime.windows import BindingSpec

__all__ = ["BindingEngine", "BoundComponent", "resolve_property"]

ROOT = "Root Container"
_UNRESOLVED = ("Bad_NotFound", "Error_InvalidPathSyntax")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class BoundComponent(Protocol):
    """What a binding needs from a component (widgets implement it)."""

    def getPropertyValue(self, name: str) -> Any:
        """A property's value."""
        ...

    def setPropertyValue(self, name: str, value: object) -> None:
        """Set a property (fires propertyChange on a change)."""
        ...

    def watch_properties(self, watcher: Callable[[str, Any], None]) -> None:
        """Call ``watcher(name, value)`` after each property change (GUI thread)."""
        ...


def resolve_property(owner: str, ref: str) -> tuple[str, str]:
    """(component path, property) of a binding's property reference.

    ``ref`` is relative to the owning component (``../Slider.value``,
    ``./text``), absolute with slashes (``Root Container/Group/X.value``) or
    Ignition's dotted form (``Root Container.Group.X.value``). Raises
    ``ValueError`` when it names no property.
    """
    text = ref.strip()
    if text.startswith(ROOT + ".") and "/" not in text:
        *parts, prop = text.split(".")
        return "/".join(parts), prop
    path, dot, prop = text.rpartition(".")
    if not dot or not prop or "/" in prop:
        raise ValueError(f"{ref!r} names no property (write Component.property)")
    if path in (".", "..") or path.startswith(("./", "../")):
        parts = owner.split("/")
        for part in path.split("/"):
            if part == "..":
                if len(parts) <= 1:
                    raise ValueError(f"{ref!r} goes above the root container")
                parts.pop()
            elif part not in (".", ""):
                parts.append(part)
        return "/".join(parts), prop
    if path != ROOT and not path.startswith(ROOT + "/"):
        path = f"{ROOT}/{path}"
    return path, prop


class _Binding:
    """One binding of one property."""

    def __init__(self, engine: BindingEngine, owner: str, spec: BindingSpec) -> None:
        self.engine = engine
        self.owner = owner
        self.spec = spec
        self.component = engine.component(owner)
        self.path: str | None = None
        self.quality: Any = None
        self._applying = False
        self._unsubscribe: Callable[[], None] = lambda: None

    def subscribe(self, path: str) -> None:
        """Follow the tag at ``path`` (dropping the previous one)."""
        self._unsubscribe()
        self.path = path
        tags = self.engine.tags
        self._unsubscribe = tags.subscribe(
            path, lambda _tag, _old, new: self.engine.queue(self, new)
        )
        qv = tags.read(path)
        if qv.quality.getName() in _UNRESOLVED:  # Ignition would show an overlay
            self.engine.report(self, f"{path}: {qv.quality}")
        self.apply(qv)

    def current(self) -> QualifiedValue | None:
        """The bound tag's value now (None when not bound)."""
        return self.engine.tags.read(self.path) if self.path is not None else None

    def apply(self, qv: QualifiedValue) -> None:
        """Set the property from ``qv`` (GUI thread)."""
        self.quality = qv.quality
        if qv.value is None and not qv.quality.isGood():
            return  # a bad tag leaves the property as it is (quality overlay)
        self._applying = True
        try:
            self.component.setPropertyValue(self.spec.target, qv.value)
        except (TypeError, ValueError) as exc:
            self.engine.report(self, f"cannot set {self.spec.target}: {exc}")
        finally:
            self._applying = False

    def on_property(self, name: str, value: Any) -> None:
        """Write a user or script change back to the tag (bidirectional)."""
        if name != self.spec.target or self.path is None or self._applying:
            return  # not ours, or the echo of a value the tag just gave us
        self.engine.write_back(self.path, value)

    def close(self) -> None:
        """Stop following the tag."""
        self._unsubscribe()


class BindingEngine:
    """The live bindings of one window.

    Parameters
    ----------
    tags
        The client's tags.
    dispatcher
        Posts coalesced tag values to the GUI thread.
    components
        The window's components by path (``Root Container/Label``).
    report
        Says what went wrong with a binding (the Output Console).
    """

    def __init__(
        self,
        tags: TagAccess,
        dispatcher: GuiDispatcher,
        components: Mapping[str, BoundComponent],
        report: Callable[[str], None],
    ) -> None:
        self.tags = tags
        self._dispatcher = dispatcher
        self._components = components
        self._report = report
        self._lock = threading.Lock()
        self._pending: dict[_Binding, QualifiedValue] = {}
        self._posted = False
        self._closed = False
        self.bindings: list[_Binding] = []
        self.deferred: list[tuple[str, BindingSpec]] = []

    def component(self, path: str) -> BoundComponent:
        """The component at ``path``; ``KeyError`` naming it when missing."""
        found = self._components.get(path)
        if found is None:
            raise KeyError(f"no component {path!r} in this window")
        return found

    def start(self, specs: Mapping[str, Mapping[str, BindingSpec]]) -> None:
        """Bind every component's bindings (``{component path: {prop: spec}}``).

        Values are applied now, so ``propertyChange`` fires while the window
        opens, as in Ignition. Thread: GUI only.
        """
        for owner, bindings in specs.items():
            for spec in bindings.values():
                try:
                    self._bind(owner, spec)
                except (KeyError, ValueError) as exc:
                    where = f" (window.yaml line {spec.line})" if spec.line else ""
                    self._report(f"binding of {owner}.{spec.target}{where}: {exc}")

    def _bind(self, owner: str, spec: BindingSpec) -> None:
        if spec.kind == "property":
            self._bind_property(owner, spec)
            return
        if spec.kind == "expression":
            raise ValueError("expression bindings are not simulated by visionsim")
        if spec.kind not in ("tag", "indirect"):
            self.deferred.append((owner, spec))  # query bindings: the db layer
            return
        binding = _Binding(self, owner, spec)
        self.bindings.append(binding)
        if spec.kind == "tag":
            binding.subscribe(spec.source)
        else:
            self._bind_indirect(binding)
        if spec.bidirectional:
            binding.component.watch_properties(binding.on_property)

    def _bind_indirect(self, binding: _Binding) -> None:
        refs = {
            key: resolve_property(binding.owner, ref)
            for key, ref in binding.spec.refs.items()
        }
        for key in _PLACEHOLDER.findall(binding.spec.source):
            if key not in refs:
                raise ValueError(f"indirect path has {{{key}}} but no ref for it")

        def path_now() -> str:
            return _PLACEHOLDER.sub(
                lambda m: str(self._value_of(*refs[m.group(1)])), binding.spec.source
            )

        binding.subscribe(path_now())
        for comp_path, prop in set(refs.values()):

            def on_ref(name: str, _value: Any, prop: str = prop) -> None:
                if name == prop:
                    binding.subscribe(path_now())

            self.component(comp_path).watch_properties(on_ref)

    def _value_of(self, comp_path: str, prop: str) -> Any:
        return self.component(comp_path).getPropertyValue(prop)

    def _bind_property(self, owner: str, spec: BindingSpec) -> None:
        target = self.component(owner)
        comp_path, prop = resolve_property(owner, spec.source)
        source = self.component(comp_path)
        target.setPropertyValue(spec.target, source.getPropertyValue(prop))

        def on_source(name: str, value: Any) -> None:
            if name == prop and not self._closed:
                target.setPropertyValue(spec.target, value)

        source.watch_properties(on_source)
        if spec.bidirectional:

            def on_target(name: str, value: Any) -> None:
                if name == spec.target and not self._closed:
                    source.setPropertyValue(prop, value)

            target.watch_properties(on_target)

    # -- tag values to the GUI thread ---------------------------------------------

    def queue(self, binding: _Binding, qv: QualifiedValue) -> None:
        """Hand ``qv`` to the GUI thread, coalesced per binding. Thread: any."""
        with self._lock:
            self._pending[binding] = qv
            if self._posted or self._closed:
                return
            self._posted = True
        self._dispatcher.post(self._drain, source="tag binding")

    def _drain(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, {}
            self._posted = False
        if self._closed:
            return
        for binding, qv in pending.items():
            # The tag's value now, not the queued one: two threads changing
            # it may have queued their values in either order.
            binding.apply(binding.current() or qv)

    def write_back(self, path: str, value: Any) -> None:
        """Write a bidirectional binding's property to its tag, in the background."""
        tags = self.tags

        def job() -> None:
            code = tags.write(path, value)
            if not code.isGood():
                self._report(f"bidirectional write of {value!r} to {path}: {code}")

        tags.async_pool.submit(job, "bidirectional binding write")

    def report(self, binding: _Binding, message: str) -> None:
        """Say what went wrong with ``binding``."""
        self._report(f"binding of {binding.owner}.{binding.spec.target}: {message}")

    def close(self) -> None:
        """Stop every binding (the window closed). Thread: GUI only."""
        self._closed = True
        for binding in self.bindings:
            with contextlib.suppress(Exception):
                binding.close()
        self.bindings.clear()
