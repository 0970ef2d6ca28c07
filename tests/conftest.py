"""Shared fixtures. Qt runs headless: the platform is set before any Qt import."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc
import json
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from visionsim.runtime import Simulation, load_project

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from visionsim.runtime import ClientSession, Project

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_projects"


def collect_garbage_on_the_gui_thread() -> Iterator[None]:
    """Free a test's cyclic garbage on the GUI thread (autouse in tests/app).

    A cycle that holds a Qt object (a panel, a timer, a widget) is freed by
    whichever thread next trips the collector; on a worker thread that frees
    the object off the GUI thread, and Qt later crashes in processEvents (seen
    about one ``tests/app`` run in three). Collecting at each teardown keeps
    it on this thread. About 0.1 s a test, so only where the app's panels
    and windows are built.
    """
    yield
    gc.collect()


@pytest.fixture
def sample_project() -> Project:
    """The default teaching project."""
    return load_project(SAMPLES / "ThreadingBasics")


@pytest.fixture
def make_sim(qapp: object) -> Iterator[Callable[..., Simulation]]:
    """Build simulations; each is shut down (within 2 s) at teardown."""
    made: list[Simulation] = []

    def make(**kwargs: object) -> Simulation:
        sim = Simulation(**kwargs)  # type: ignore[arg-type]
        made.append(sim)
        return sim

    yield make
    for sim in made:
        assert sim.shutdown(2.0), "threads still running 2 s after shutdown"


@pytest.fixture
def sim(make_sim: Callable[..., Simulation]) -> Simulation:
    """A fresh simulation on the test's QApplication."""
    return make_sim()


@pytest.fixture
def client(sim: Simulation, sample_project: Project) -> ClientSession:
    """One client session of the default sample project."""
    return sim.open_project(sample_project)


def run(
    client: ClientSession,
    source: str,
    name: str = "Test/script",
    extra: dict[str, object] | None = None,
) -> None:
    """Run a script on the GUI thread; fail the test if it raised."""
    reports_before = len(client.scope.errors.reports())
    ok = client.run_script(textwrap.dedent(source), name, extra)
    if not ok:
        report = client.scope.errors.reports()[reports_before]
        pytest.fail(report.format())


def run_main(*args: str, timeout: float = 60) -> tuple[int, str, str]:
    """Run ``python main.py ARGS`` in a subprocess; (exit code, stdout, stderr)."""
    import subprocess

    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    return proc.returncode, proc.stdout, proc.stderr


def write_project(
    root: Path,
    name: str = "Proj",
    *,
    gateway_events: str = "",
    client_events: str = "",
) -> Path:
    """Write a project folder with the given event-script YAML; returns it."""
    from visionsim.runtime.project import CLIENT_EVENTS, GATEWAY_EVENTS

    folder = root / name
    folder.mkdir(parents=True)
    (folder / "project.json").write_text(json.dumps({"title": name}))
    for rel, text in ((GATEWAY_EVENTS, gateway_events), (CLIENT_EVENTS, client_events)):
        if text:
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text))
    return folder


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Project]:
    """Write and load a project: ``make_project(gateway_events=..., ...)``."""

    def make(name: str = "Proj", **events: str) -> Project:
        return load_project(write_project(tmp_path, name, **events))

    return make
