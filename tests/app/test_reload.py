"""App reloads: the learner's place is kept, and a failure changes nothing."""

from __future__ import annotations

import io
import os
import re
import shutil
import threading
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.conftest import SAMPLES, write_project
from visionsim.app.client_desktop import ClientDesktop
from visionsim.app.main_window import MainWindow
from visionsim.app.session import ProjectWatcher
from visionsim.runtime.windows import WINDOWS

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession
    from visionsim.widgets import VisionWindow, WindowManager

MAIN = WINDOWS / "Main/window.yaml"


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    target = tmp_path / "ThreadingBasics"
    shutil.copytree(SAMPLES / "ThreadingBasics", target)
    return target


def _open(qtbot: QtBot, tmp_path: Path, project: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    app = MainWindow(project, settings=settings)
    qtbot.addWidget(app)
    app.show()
    qtbot.waitExposed(app)
    return app


@pytest.fixture
def app(qtbot: QtBot, tmp_path: Path, project_dir: Path) -> MainWindow:
    return _open(qtbot, tmp_path, project_dir)


def _windows(client: ClientSession) -> WindowManager:
    return client.vision.windows  # type: ignore[return-value]


def _frame_of(window: VisionWindow) -> tuple[int, int]:
    frame = window.widget.parentWidget()
    assert frame is not None
    return frame.pos().toTuple()  # type: ignore[return-value]


def _break_main(project: Path) -> str:
    """A Main window that loads but that Qt cannot build; returns the good text."""
    good = (project / MAIN).read_text()
    (project / MAIN).write_text(
        good.replace("bounds: [16, 12, 568, 24]", "bounds: [16, 12, 2147483648, 24]")
    )
    assert good != (project / MAIN).read_text()
    return good


def test_reload_reopens_the_windows_that_were_open_for_the_same_clients(
    app: MainWindow, project_dir: Path
) -> None:
    first = app.sim.clients[0]
    second = app.add_client("panel-2", "operator")
    first.run_script('system.nav.swapTo("Lessons/Freeze")', "test")
    [freeze] = _windows(first).opened_windows()
    frame = freeze.widget.parentWidget()
    assert frame is not None
    frame.move(30, 20)
    (project_dir / MAIN).write_text(
        (project_dir / MAIN)
        .read_text()
        .replace("props: {text: Idle}", "props: {text: Edited}")
    )
    assert app.reload()
    clients = app.sim.clients
    assert [c.client_id for c in clients] == [first.client_id, second.client_id]
    assert [(c.host_name, c.user_name) for c in clients][1] == ("panel-2", "operator")
    [again] = _windows(clients[0]).opened_windows()
    assert again.path == "Lessons/Freeze"
    assert again is not freeze  # the new project's window
    assert _frame_of(again) == (30, 20)
    assert [w.path for w in _windows(clients[1]).opened_windows()] == ["Main"]
    assert app.tabs.count() == 2
    desktop = app.tabs.widget(0)
    assert isinstance(desktop, ClientDesktop)
    assert len(desktop.subWindowList()) == 1


def test_reload_marks_the_timeline_and_keeps_its_history(
    qtbot: QtBot, app: MainWindow
) -> None:
    main = _windows(app.sim.clients[0]).opened_windows()[0]
    qtbot.mouseClick(main.components["Root Container/Start"].widget, Qt.LeftButton)
    assert app.sim.wait_idle(5)
    assert app.reload()
    timeline = app.panels["Thread Timeline"]
    timeline.refresh()  # type: ignore[attr-defined]
    names = [item.name for item in timeline.items()]  # type: ignore[attr-defined]
    assert "longProcess" in names  # from before the reload
    [mark] = [i for i in timeline.items() if i.category == "reload"]  # type: ignore[attr-defined]
    assert mark.name == "Reloaded ThreadingBasics"


def test_a_window_qt_cannot_build_keeps_the_old_project_running(
    qtbot: QtBot, app: MainWindow, project_dir: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    old_sim, [old_client] = app.sim, app.sim.clients
    _break_main(project_dir)
    assert not app.reload()
    status = app.statusBar().currentMessage()
    assert "not reloaded" in status
    # The loader refuses the bound now (its line, 13); before, building the
    # window did (the component's line, 11): either way, file and line.
    assert re.search(r"window\.yaml:1[13]\b", status)
    assert "2147483648" in status
    console = app.panels["Output Console"]
    qtbot.waitUntil(lambda: "2147483648" in console.text())  # type: ignore[attr-defined]
    assert app.sim is old_sim
    assert app.tabs.count() == 1
    assert app.current_client() is old_client
    main = _windows(old_client).opened_windows()[0]
    assert main.widget.isVisible()
    qtbot.mouseClick(main.components["Root Container/Start"].widget, Qt.LeftButton)
    qtbot.waitUntil(lambda: main.component("Status").text.startswith("Done"))
    assert "Traceback" not in capfd.readouterr().err


GATEWAY_EVENTS = """
    startup: |
      with open({log!r}, "a") as log:
          log.write("start\\n")
    shutdown: |
      with open({log!r}, "a") as log:
          log.write("stop\\n")
"""


def test_five_failed_reloads_leak_no_threads_and_balance_startup_scripts(
    qtbot: QtBot, tmp_path: Path
) -> None:
    log = tmp_path / "gateway.log"
    project = write_project(
        tmp_path, "Counted", gateway_events=GATEWAY_EVENTS.format(log=str(log))
    )
    shutil.copytree(SAMPLES / "ThreadingBasics" / WINDOWS, project / WINDOWS)
    app = _open(qtbot, tmp_path, project)
    assert app.sim.wait_idle(5)
    threads = threading.active_count()
    good = _break_main(project)
    for _ in range(5):
        assert not app.reload()
    qtbot.waitUntil(lambda: threading.active_count() <= threads)
    lines = log.read_text().split()
    assert lines.count("start") == lines.count("stop") + 1  # only the running one
    (project / MAIN).write_text(good)
    assert app.reload()
    lines = log.read_text().split()
    assert lines.count("start") == lines.count("stop") + 1


def test_a_deleted_and_recreated_project_folder_reloads_again(
    qtbot: QtBot, app: MainWindow, project_dir: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "backup"
    shutil.copytree(project_dir, backup)
    with qtbot.waitSignal(app.watcher.changed, timeout=5000):
        shutil.rmtree(project_dir)
    assert "not reloaded" in app.statusBar().currentMessage()
    text = (
        (backup / MAIN)
        .read_text()
        .replace("props: {text: Idle}", "props: {text: Edited}")
    )
    (backup / MAIN).write_text(text.replace("Threading Basics: five", "Back: five"))
    with qtbot.waitSignal(app.watcher.changed, timeout=5000):
        shutil.copytree(backup, project_dir)
    main = _windows(app.sim.clients[0]).opened_windows()[0]
    assert main.component("Title").text.startswith("Back: five")
    # and it goes on watching the new folder's files
    with qtbot.waitSignal(app.watcher.changed, timeout=5000):
        (project_dir / MAIN).write_text(
            text.replace("Threading Basics: five", "Again: five")
        )
    main = _windows(app.sim.clients[0]).opened_windows()[0]
    assert main.component("Title").text.startswith("Again: five")


def test_an_unreadable_subfolder_is_an_error_in_the_ui_not_on_stderr(
    qtbot: QtBot,
    app: MainWindow,
    project_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    # chmod 000 does not stop root (the CI user): fail what it would fail,
    # listing the folder, and looking at or opening anything inside it.
    locked = str(project_dir / "ignition")
    scandir, stat, io_open = os.scandir, os.stat, io.open

    def check(path: object, inside_only: bool) -> None:
        name = os.fspath(path)  # type: ignore[call-overload]
        if (not inside_only and name == locked) or name.startswith(locked + "/"):
            raise PermissionError(13, "Permission denied", name)

    def no_list(path: object = ".") -> object:
        check(path, inside_only=False)
        return scandir(path)  # type: ignore[call-overload]

    def no_stat(path: object, *args: object, **kwargs: object) -> object:
        check(path, inside_only=True)
        return stat(path, *args, **kwargs)  # type: ignore[call-overload]

    def no_open(path: object, *args: object, **kwargs: object) -> object:
        if isinstance(path, (str, os.PathLike)):
            check(path, inside_only=True)
        return io_open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "stat", no_stat)
    monkeypatch.setattr(io, "open", no_open)
    monkeypatch.setattr(os, "scandir", no_list)
    old_sim = app.sim
    with qtbot.waitSignal(app.watcher.changed, timeout=5000):
        (project_dir / MAIN).write_text((project_dir / MAIN).read_text() + "\n")
    status = app.statusBar().currentMessage()
    assert "not reloaded" in status
    assert "ignition" in status
    assert "Permission denied" in status
    assert app.sim is old_sim
    assert capfd.readouterr().err == ""


def test_the_watcher_survives_a_folder_it_cannot_even_look_at(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hidden = tmp_path / "locked" / "Project"  # its parent lost its x bit
    stat = os.stat

    def no_stat(path: object, *args: object, **kwargs: object) -> object:
        if os.fspath(path).startswith(str(hidden)):  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied", os.fspath(path))  # type: ignore[call-overload]
        return stat(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "stat", no_stat)
    ProjectWatcher([hidden])  # it raised PermissionError (a traceback in the app)
