"""The pytest plugin: test a Vision project's scripts for GUI-thread safety.

Installed with visionsim (a ``pytest11`` entry point), it gives every test
the ``vision_client`` fixture (docs/DESIGN.md section 8)::

    def test_start_button(vision_client):
        client = vision_client("path/to/MyProject")   # gateway + one client
        window = client.open_window("Main")
        window.click("Start")                          # "Start", "Group/Start"
        client.wait_idle(timeout=5)
        assert window.component("Status").text == "Done"

A thread violation, a GUI stall over the limit (strict mode, the default) or an
uncaught script error (always) fails the test that caused it, with the script
name, the line and both stacks. Dialogs never block: they are answered from
``answers`` (``{"confirm": "no", "input": "abc"}``) or the defaults.

Qt runs offscreen: the platform is chosen before conftest files load, so it
holds whichever fixture (``qapp``, ``qtbot``, ``vision_client``) makes the
QApplication. A display is used only when asked for: ``--visionsim-display``,
the ini option ``visionsim_display = true``, or an explicit ``QT_QPA_PLATFORM``.
Nothing is shared between tests or pytest-xdist workers: each test has its own
simulations, and no settings, files or ports are used.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from visionsim.runtime import ClientSession, Project, Simulation
    from visionsim.widgets import VisionComponent, VisionWindow

DEFAULT_STALL_LIMIT_MS = 500.0
_CLIENTS = pytest.StashKey[list["VisionTestClient"]]()


class WindowHandle:
    """An open window, driven the way a user would."""

    def __init__(self, client: VisionTestClient, window: VisionWindow) -> None:
        self._client = client
        self.window = window

    @property
    def path(self) -> str:
        """The window's path."""
        return self.window.path

    @property
    def root(self) -> VisionComponent:
        """The root container."""
        return self.window.getRootContainer()

    def component(self, path: str) -> Any:
        """The component at ``path`` under the root container (``Group/Start``)."""
        return self.window.component(path)

    def click(self, path: str) -> None:
        """Click a button (runs its actionPerformed now, on the GUI thread)."""
        component = self.component(path)
        if hasattr(component, "doClick"):
            component.doClick()
        else:
            component.widget.click()

    def set_text(self, path: str, text: str) -> None:
        """Set a text field's (or text area's) text, firing propertyChange."""
        self.component(path).text = text


class VisionTestClient:
    """A gateway and one Vision client of a project, for one test."""

    def __init__(
        self,
        sim: Simulation,
        client: ClientSession,
        *,
        strict: bool,
        stall_limit_ms: float,
    ) -> None:
        self.sim = sim
        self.client = client
        self.strict = strict
        self.stall_limit_ms = stall_limit_ms
        self._reported = 0

    @property
    def system(self) -> Any:
        """The client scope's ``system`` (``client.system.util.…``)."""
        return self.client.scope.system

    def open_window(
        self, path: str, params: dict[str, object] | None = None
    ) -> WindowHandle:
        """Open the window at ``path`` (with parameters), as ``system.nav`` would."""
        windows = self.client.vision.windows
        assert windows is not None
        return WindowHandle(self, windows.open_window(path, params))  # type: ignore[arg-type]

    def window(self, path: str) -> WindowHandle:
        """An already open window."""
        windows = self.client.vision.windows
        assert windows is not None
        for window in windows.opened_windows():
            if window.path == path:
                return WindowHandle(self, window)  # type: ignore[arg-type]
        raise KeyError(f"window {path!r} is not open")

    def run_script(self, source: str, name: str = "<test>") -> bool:
        """Run a script on the GUI thread, like the Script Console."""
        return self.client.run_script(source, name)

    def wait_idle(self, timeout: float = 5.0) -> None:
        """Let the simulation run until nothing is left to do (no sleeps).

        Fails the test if async tasks, invokeLater calls, requests or handler
        messages are still pending after ``timeout`` seconds.
        """
        if not self.sim.wait_idle(timeout):
            tasks = [
                f"{t.name} ({t.description})" if t.description else t.name
                for t in self.client.workers.running()
            ]
            pytest.fail(
                f"visionsim: still busy after {timeout:g} s "
                f"(running tasks: {', '.join(tasks) or 'none'}; "
                f"queued invokeLater calls: {self.sim.dispatcher.pending})",
                pytrace=False,
            )

    @property
    def violations(self) -> list[Any]:
        """Thread violations so far."""
        return self.sim.guard.violations()

    @property
    def errors(self) -> list[Any]:
        """Uncaught script errors so far."""
        return [e for e in self.sim.errors.reports() if not e.handled]

    @property
    def stalls(self) -> list[Any]:
        """GUI stalls at or over the limit so far."""
        return [
            s
            for s in self.sim.stall.reports()
            if s.duration_ms >= self.stall_limit_ms and not s.ongoing
        ]

    def problems(self) -> list[str]:
        """What fails the test: errors always; violations and stalls if strict."""
        self.sim.bus.flush_unobserved()
        found = [e.format() for e in self.errors]
        if self.strict:
            found += [v.format() for v in self.violations]
            found += [s.format() for s in self.stalls]
        new, self._reported = found[self._reported :], len(found)
        return new


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--visionsim-display`` and ``visionsim_display``: show windows on a display."""
    help_text = "let Qt use the display instead of offscreen (default: offscreen)"
    parser.addini("visionsim_display", help_text, type="bool", default=False)
    group = parser.getgroup("visionsim")
    group.addoption("--visionsim-display", action="store_true", help=help_text)


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config) -> None:
    """Choose the Qt platform before any conftest can make a QApplication."""
    wanted = getattr(early_config.known_args_namespace, "visionsim_display", False)
    _choose_platform(bool(wanted) or bool(early_config.getini("visionsim_display")))


def pytest_configure(config: pytest.Config) -> None:
    """Choose it again if the plugin came late (``-p`` or ``pytest_plugins``)."""
    wanted = config.getoption("visionsim_display")
    _choose_platform(bool(wanted) or bool(config.getini("visionsim_display")))


def _choose_platform(display: bool) -> None:
    if not display and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _app() -> object:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


@pytest.fixture
def vision_client(
    request: pytest.FixtureRequest,
) -> Iterator[Callable[..., VisionTestClient]]:
    """Start a project's gateway and one Vision client: ``vision_client(path)``.

    Keywords: ``strict`` (default True: violations and stalls fail the test),
    ``remotes`` (``{"NAME": path}``: gateways reachable by remoteServer),
    ``answers`` (dialog answers), ``stall_limit_ms`` (default 500).
    """
    from visionsim.app.runner import headless_client_setup
    from visionsim.runtime import Simulation

    made = request.node.stash.setdefault(_CLIENTS, [])

    def make(
        path: str | os.PathLike[str],
        strict: bool = True,
        remotes: dict[str, str | os.PathLike[str]] | None = None,
        answers: dict[str, str] | None = None,
        stall_limit_ms: float = DEFAULT_STALL_LIMIT_MS,
    ) -> VisionTestClient:
        if "qapp" in request.fixturenames or _has_pytest_qt(request):
            request.getfixturevalue("qapp")
        else:
            _app()
        project = _load(path)
        loaded_remotes = {name: _load(p) for name, p in (remotes or {}).items()}
        sim = Simulation()
        sim.client_setup = headless_client_setup(sim, dict(answers or {}))
        for name, remote in loaded_remotes.items():
            sim.add_remote(name, remote)
        client = sim.open_project(project)
        test_client = VisionTestClient(
            sim, client, strict=strict, stall_limit_ms=stall_limit_ms
        )
        made.append(test_client)
        return test_client

    yield make
    problems = [p for c in made for p in c.problems()]
    for test_client in made:
        test_client.sim.shutdown(2.0)
    if problems:  # after the test body (e.g. late violations): a teardown error
        pytest.fail(_message(problems), pytrace=False)


def _load(path: str | os.PathLike[str]) -> Project:
    """Load a project, or fail the test with a message (no traceback)."""
    from visionsim.runtime import ProjectError, load_project

    try:
        return load_project(Path(path))
    except ProjectError as exc:
        error = exc  # failed below, outside the handler: no chained traceback
    hint = ""
    if not Path(path).is_absolute():
        hint = (
            f"\n(a relative path is taken from the current directory, "
            f"{Path.cwd()}; build it from __file__ instead)"
        )
    pytest.fail(f"vision_client: cannot load project: {error}{hint}", pytrace=False)


def _has_pytest_qt(request: pytest.FixtureRequest) -> bool:
    return request.config.pluginmanager.hasplugin("pytest-qt")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fail the test itself when its Vision scripts misbehaved."""
    result = yield
    problems = [p for c in item.stash.get(_CLIENTS, []) for p in c.problems()]
    if problems:
        pytest.fail(_message(problems), pytrace=False)
    return result


def _message(problems: list[str]) -> str:
    head = f"visionsim found {len(problems)} problem(s) in the Vision scripts:"
    return "\n\n".join([head, *problems])
