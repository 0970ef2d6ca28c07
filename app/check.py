"""``main.py check``: load a whole project, build every window, compile every script.

DESIGN.md section 4: every resource (YAML or Ignition's binary) is loaded,
every window and template is built headless (never shown, no script runs),
every script is compiled through the client scope (so the Jython
translation applies once it is there), and the report says what visionsim
simulates and what not: component classes, binding kinds, script failures
with resource and line. ``--json`` prints one JSON object. Exit 0 when all
loaded and compiled, 1 when something did not, 4 for an unreadable project.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from typing import TYPE_CHECKING, TextIO

from PySide6.QtCore import QCoreApplication, QEvent

from visionsim.app.check_report import CheckReport, Compile, scripts_of_project

if TYPE_CHECKING:
    from pathlib import Path

    from visionsim.runtime import Project
    from visionsim.runtime.project import WindowSpec
    from visionsim.runtime.resources import TemplateSpec
    from visionsim.widgets import WindowManager

EXIT_OK, EXIT_FAILED, EXIT_UNREADABLE = 0, 1, 4
#: Templates are built as windows under this prefix (their script names too).
TEMPLATE_PREFIX = "template:"


def run_check(project_dir: Path, as_json: bool, out: TextIO | None = None) -> int:
    """Check the project at ``project_dir``; print the report; the exit code."""
    out = out or sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from visionsim.runtime import ProjectError, load_project

    try:
        project = load_project(project_dir)
    except ProjectError as exc:
        sys.stderr.write(f"visionsim check: {exc}\n")
        return EXIT_UNREADABLE
    report = check_project(project)
    if as_json:
        json.dump(report.as_json(), out, indent=2, sort_keys=True)
        out.write("\n")
    else:
        out.write(report.as_text())
    return EXIT_OK if report.is_clean() else EXIT_FAILED


def check_project(project: Project) -> CheckReport:
    """Load, build and compile everything of ``project`` (GUI thread)."""
    from PySide6.QtWidgets import QApplication

    from visionsim.runtime import Simulation
    from visionsim.runtime.client import ClientSession
    from visionsim.runtime.project import EventScripts
    from visionsim.widgets import WindowManager

    app = QApplication.instance() or QApplication([sys.argv[0]])
    sim = Simulation(sample_stalls=False)
    report = CheckReport(project.name)
    try:
        # A client without event scripts: nothing runs, handlers compile below.
        quiet = dataclasses.replace(
            project, client_events=EventScripts(), gateway_events=EventScripts()
        )
        client = ClientSession(sim, quiet, sim.gateway)
        manager = WindowManager(client, placer=lambda _window: None)
        manager.on_compile_error = report.event_script_failed
        _build_all(project, manager, client.scope.compile, report)
        for name, source, offset in scripts_of_project(project):
            report.compile(client.scope.compile, name, source, offset)
            if not name.startswith("library "):
                report.event_scripts.append({"name": name})
    finally:
        sim.shutdown(2.0)
    del app
    return report


def _build_all(
    project: Project, manager: WindowManager, compile_fn: Compile, report: CheckReport
) -> None:
    from visionsim.runtime import ProjectError

    for path in project.windows:
        try:
            spec = project.windows[path]
        except ProjectError as exc:
            report.resource_failed("windows", path, exc)
            continue
        report.windows_total += 1
        _build(manager, spec, compile_fn, report)
    for path in project.templates:
        try:
            template = project.templates[path]
        except ProjectError as exc:
            report.resource_failed("templates", path, exc)
            continue
        report.templates_total += 1
        _build(manager, _as_window(template), compile_fn, report)


def _build(
    manager: WindowManager, spec: WindowSpec, compile_fn: Compile, report: CheckReport
) -> None:
    kind = "templates" if spec.path.startswith(TEMPLATE_PREFIX) else "windows"
    _compile_extras(spec, compile_fn, report)
    try:
        window = manager.build_window(spec)
    except Exception as exc:  # a component that cannot be built: reported, go on
        report.resource_failed(kind, spec.path, exc)
        return
    report.built(kind)
    window.widget.deleteLater()
    # Delete it now: no event loop runs during a check.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _compile_extras(spec: WindowSpec, compile_fn: Compile, report: CheckReport) -> None:
    """Scripts the window build does not compile: window events, custom methods."""
    for event, source in spec.events.items():
        name = f"{spec.path}.{event}"
        report.compile(compile_fn, name, source)
    stack = [spec.root]
    while stack:
        component = stack.pop()
        report.component(component, spec.path)
        stack.extend(component.components)
        for method, source in component.custom_methods.items():
            name = f"{spec.path}/{component.path}.{method}"
            report.compile(compile_fn, name, source)


def _as_window(template: TemplateSpec) -> WindowSpec:
    """A template as a window (its root is a root container already)."""
    from visionsim.runtime.project import WindowSpec

    return WindowSpec(
        path=f"{TEMPLATE_PREFIX}{template.path}",
        title=template.path,
        open_on_startup=False,
        size=template.size,
        root=template.root,
        file=template.file,
    )
