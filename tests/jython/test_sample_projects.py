"""The sample projects teach Ignition, so every script in them is Jython 2.7."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from visionsim.runtime import load_project
from visionsim.runtime.jython import JYTHON, compile_script

SAMPLES = Path(__file__).resolve().parents[2] / "sample_projects"
PROJECTS = sorted(p.parent for p in SAMPLES.rglob("project.json"))


def _event_scripts(folder: Path) -> list[tuple[str, str]]:
    project = load_project(folder)
    found = []
    for events in (project.client_events, project.gateway_events):
        found += [("startup", events.startup), ("shutdown", events.shutdown)]
        found += [(t.name, t.script) for t in events.timers]
        found += [
            (h.name, "def handleMessage(payload):\n" + textwrap.indent(h.script, "  "))
            for h in events.message_handlers.values()
        ]
    return found


@pytest.mark.parametrize("folder", PROJECTS, ids=lambda p: p.name)
def test_every_event_and_window_script_compiles_as_jython(folder: Path) -> None:
    project = load_project(folder)
    assert project.config.script_dialect == JYTHON
    assert project.script_errors == []
    for name, script in _event_scripts(folder):
        compile_script(script, f"{folder.name}/{name}", JYTHON, register=False)


@pytest.mark.parametrize(
    "script",
    sorted(SAMPLES.rglob("*.py")),
    ids=lambda p: p.relative_to(SAMPLES).as_posix(),
)
def test_every_scenario_and_library_module_compiles_as_jython(script: Path) -> None:
    compile_script(
        script.read_text(encoding="utf-8"), str(script), JYTHON, register=False
    )
