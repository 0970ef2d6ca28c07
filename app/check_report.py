"""What ``check`` found: counts, failures, and the JSON and text forms of its report."""

from __future__ import annotations

import textwrap
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from visionsim.runtime.resources.instances import is_holder
from visionsim.runtime.windows import BINDING_KINDS

#: Binding kinds that run (expressions are parsed but not evaluated yet).
SIMULATED_BINDINGS = frozenset(BINDING_KINDS) - {"expression"}

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from types import CodeType

    from visionsim.runtime import Project
    from visionsim.runtime.project import ComponentSpec, EventScripts
    from visionsim.runtime.resources.model import MenuSpec

    Compile = Callable[[str, str], CodeType]
else:
    Compile = object


@dataclass
class CheckReport:
    """Everything ``check`` counted in one project."""

    project: str
    windows_total: int = 0
    windows_built: int = 0
    templates_total: int = 0
    templates_built: int = 0
    failed_resources: list[dict[str, str]] = field(default_factory=list)
    component_types: Counter[str] = field(default_factory=Counter)
    unsimulated: Counter[str] = field(default_factory=Counter)
    binding_kinds: Counter[str] = field(default_factory=Counter)
    scripts_total: int = 0
    scripts_failed: list[dict[str, Any]] = field(default_factory=list)
    event_scripts: list[dict[str, str]] = field(default_factory=list)
    #: Component event scripts counted, by script name: a window build also
    #: compiles its templates' scripts, which count once, with the template.
    counted: set[str] = field(default_factory=set)

    # -- counting -----------------------------------------------------------

    def resource_failed(self, kind: str, path: str, error: Exception) -> None:
        """A window or template that could not be loaded or built."""
        if kind == "windows":
            self.windows_total += 0 if _seen(self, path) else 1
        else:
            self.templates_total += 0 if _seen(self, path) else 1
        self.failed_resources.append({"kind": kind, "path": path, "error": str(error)})

    def built(self, kind: str) -> None:
        """One more window (or template) built."""
        if kind == "windows":
            self.windows_built += 1
        else:
            self.templates_built += 1

    def component(self, spec: ComponentSpec, window: str) -> None:
        """Count a component (of ``window``), its event scripts and bindings."""
        kind = "TemplateHolder" if is_holder(spec) else spec.type
        if kind != "RootContainer":
            self.component_types[kind] += 1
        if kind == "Placeholder":
            self.unsimulated[spec.ignition_class.rsplit(".", 1)[-1]] += 1
        self.scripts_total += len(spec.events)
        self.counted.update(f"{window}/{spec.path}.{event}" for event in spec.events)
        for binding in spec.bindings.values():
            self.binding_kinds[binding.kind] += 1

    def compile(
        self, compile_fn: Compile, name: str, source: str, offset: int = 0
    ) -> None:
        """Compile one script; a failure is recorded, never raised."""
        self.scripts_total += 1
        try:
            compile_fn(source, name)
        except (SyntaxError, ValueError) as exc:
            error = exc if isinstance(exc, SyntaxError) else SyntaxError(str(exc))
            self.script_failed(name, error, offset)

    def event_script_failed(self, name: str, error: SyntaxError) -> None:
        """A component event script did not compile (the window build says so).

        A window build compiles its templates' scripts too; those count once,
        with the template, so only scripts counted by :meth:`component` are
        recorded.
        """
        if name in self.counted:
            self.script_failed(name, error)

    def script_failed(self, name: str, error: SyntaxError, offset: int = 0) -> None:
        """Record a script that does not compile."""
        line = (error.lineno or 1) + offset
        self.scripts_failed.append({"resource": name, "line": line, "error": error.msg})

    # -- results ------------------------------------------------------------

    def is_clean(self) -> bool:
        """Everything loaded, built and compiled."""
        return not self.failed_resources and not self.scripts_failed

    def as_json(self) -> dict[str, Any]:
        """The report as DESIGN.md section 4's JSON object."""
        total = sum(self.component_types.values())
        bindings = sum(self.binding_kinds.values())
        simulated = sum(
            n for k, n in self.binding_kinds.items() if k in SIMULATED_BINDINGS
        )
        return {
            "project": self.project,
            "windows": {"total": self.windows_total, "built": self.windows_built},
            "templates": {
                "total": self.templates_total,
                "built": self.templates_built,
            },
            "failedResources": self.failed_resources,
            "components": {
                "total": total,
                "simulated": total - sum(self.unsimulated.values()),
                "unsimulated": dict(self.unsimulated.most_common()),
                "byType": dict(self.component_types.most_common()),
            },
            "scripts": {
                "total": self.scripts_total,
                "compiled": self.scripts_total - len(self.scripts_failed),
                "failed": self.scripts_failed,
            },
            "eventScripts": self.event_scripts,
            "bindings": {
                "total": bindings,
                "simulated": simulated,
                "unsimulated": {
                    k: n
                    for k, n in self.binding_kinds.most_common()
                    if k not in SIMULATED_BINDINGS
                },
                "byKind": dict(self.binding_kinds.most_common()),
            },
        }

    def as_text(self) -> str:
        """The report for people."""
        data = self.as_json()
        comps, scripts, binds = data["components"], data["scripts"], data["bindings"]
        lines = [
            f"Project {self.project}",
            f"  windows:    {self.windows_built}/{self.windows_total} built",
            f"  templates:  {self.templates_built}/{self.templates_total} built",
            f"  components: {comps['total']} ({comps['simulated']} simulated)",
            f"  scripts:    {scripts['compiled']}/{scripts['total']} compiled",
            f"  bindings:   {binds['total']} ({binds['simulated']} simulated)",
            f"  event scripts: {len(self.event_scripts)}",
        ]
        if comps["unsimulated"]:
            lines.append("Component classes shown as placeholders:")
            lines += [f"  {k}: {n}" for k, n in comps["unsimulated"].items()]
        if binds["unsimulated"]:
            lines.append("Binding kinds not simulated:")
            lines += [f"  {k}: {n}" for k, n in binds["unsimulated"].items()]
        if self.event_scripts:
            lines.append("Event scripts:")
            lines += [f"  {script['name']}" for script in self.event_scripts]
        for failed in self.failed_resources:
            lines.append(f"FAILED {failed['kind']} {failed['path']}: {failed['error']}")
        for fail in self.scripts_failed:
            lines.append(
                f"SCRIPT {fail['resource']}, line {fail['line']}: {fail['error']}"
            )
        return "\n".join(lines) + "\n"


def _seen(report: CheckReport, path: str) -> bool:
    return any(f["path"] == path for f in report.failed_resources)


def scripts_of_project(project: Project) -> Iterator[tuple[str, str, int]]:
    """``(name, source, line offset)`` of every script outside windows.

    Library modules, then the gateway's and the client's event scripts; a
    message handler is compiled inside its ``def handleMessage(payload):``
    (offset -1: the error names the body's own line).
    """
    for module, path in sorted(project.library.items()):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            text = "\0"  # compile() reports it
        yield f"library {module}", text, 0
    for scope, events in (
        ("gateway", project.gateway_events),
        ("client", project.client_events),
    ):
        yield from _event_scripts(scope, events)


def _event_scripts(scope: str, events: EventScripts) -> Iterator[tuple[str, str, int]]:
    label = f"{scope}-events"
    for kind in ("startup", "shutdown"):
        source = getattr(events, kind)
        if source.strip():
            yield f"{label} {kind}", source, 0
    for timer in events.timers:
        yield f"{label} timer {timer.name}", timer.script, 0
    for name, handler in events.message_handlers.items():
        wrapped = _wrapped("handleMessage(payload)", handler.script)
        yield f"{label} message handler {name}", wrapped, -1
    for tag in events.tag_change:
        yield f"{label} tag change {tag.name}", tag.script, 0
    for scheduled in events.scheduled:
        wrapped = _wrapped("onScheduledEvent()", scheduled.script)
        yield f"{label} scheduled {scheduled.name}", wrapped, -1
    for key in events.keystrokes:
        yield f"{label} keystroke {key.key}", key.script, 0
    yield from _menu(label, events.menu, "")


def _wrapped(signature: str, body: str) -> str:
    """``body`` inside ``def signature:``, as Ignition runs it."""
    return f"def {signature}:\n" + textwrap.indent(
        body if body.strip() else "pass", "    "
    )


def _menu(
    label: str, items: tuple[MenuSpec, ...], prefix: str
) -> Iterator[tuple[str, str, int]]:
    for item in items:
        path = f"{prefix}{item.name}"
        if item.script.strip():
            yield f"{label} menu {path}", item.script, 0
        yield from _menu(label, item.children, f"{path}/")
