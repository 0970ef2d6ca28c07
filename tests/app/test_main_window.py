"""The desktop app, driven for real: buttons, panels, reload, settings, close."""

from __future__ import annotations

import shutil
import time
from typing import TYPE_CHECKING

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QLabel, QTextEdit

from tests.conftest import SAMPLES
from visionsim.app.main_window import MainWindow
from visionsim.app.script_console import ScriptConsole
from visionsim.app.session import UNOBSERVED_GRACE_S
from visionsim.runtime import load_project

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from visionsim.widgets import VisionWindow


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    target = tmp_path / "ThreadingBasics"
    shutil.copytree(SAMPLES / "ThreadingBasics", target)
    return target


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def app(qtbot: QtBot, project_dir: Path, settings: QSettings) -> MainWindow:
    window = MainWindow(project_dir, settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _main(app: MainWindow) -> VisionWindow:
    client = app.current_client()
    assert client is not None
    assert client.vision.windows is not None
    return client.vision.windows.opened_windows()[0]  # type: ignore[return-value]


def test_opens_the_project_with_its_client_desktop(app: MainWindow) -> None:
    assert app.tabs.count() == 1
    assert app.tabs.tabText(0).startswith("Client ")
    desktop = app.tabs.currentWidget()
    assert len(desktop.subWindowList()) == 1  # type: ignore[attr-defined]
    assert _main(app).component("Status").widget.isVisible()
    assert "Threading Basics" in app.windowTitle()
    assert app.sim.bus.unobserved_grace_s == UNOBSERVED_GRACE_S  # reported, late


def test_clicking_start_shows_task_timeline_and_console(
    qtbot: QtBot, app: MainWindow
) -> None:
    diagnostics = app.panels["Diagnostics"]
    timeline = app.panels["Thread Timeline"]
    console = app.panels["Output Console"]
    qtbot.mouseClick(_main(app).component("Start").widget, Qt.LeftButton)

    def task_listed() -> bool:
        diagnostics.refresh()
        return bool(diagnostics.running_rows())

    qtbot.waitUntil(task_listed)
    assert "longProcess" in diagnostics.running_rows()[0][1]
    assert app.sim.wait_idle(5)
    diagnostics.refresh()
    assert diagnostics.running_rows() == []
    assert _main(app).component("Status").text == "Done: 3 rows"
    timeline.refresh()
    names = {(i.lane_name, i.name) for i in timeline.items()}
    assert any(lane.endswith(": longProcess") for lane, _ in names)
    assert any(
        lane == "AWT-EventQueue-0" and name.endswith("sendBack") for lane, name in names
    )
    app.sim.output.write("marker line\n")
    console.flush()
    assert "marker line" in console.text("client")


def test_unsafe_button_adds_a_violation_row_and_counter(
    qtbot: QtBot, app: MainWindow
) -> None:
    diagnostics = app.panels["Diagnostics"]
    qtbot.mouseClick(_main(app).component("StartUnsafe").widget, Qt.LeftButton)
    assert app.sim.wait_idle(5)
    diagnostics.refresh()
    qtbot.waitUntil(lambda: len(diagnostics.violation_rows()) >= 1)
    rows = diagnostics.violation_rows()
    assert any("Label.text write" in " ".join(map(str, row)) for row in rows)
    assert app.meter.violations.text() != "Violations: 0"


def test_script_console_runs_code_in_the_client_scope(app: MainWindow) -> None:
    console = app.panels["Script Console"]
    console.set_source("print(system.util.getProjectName())")
    assert console.run()
    assert "ThreadingBasics" in console.output_text()


def test_the_script_console_is_built_when_its_tab_first_shows(
    qtbot: QtBot, app: MainWindow
) -> None:
    docks = app.docks
    qtbot.waitUntil(lambda: docks["Thread Timeline"].widget() is not None)
    assert docks["Output Console"].widget() is not None  # collects from the start
    assert docks["Script Console"].widget() is None  # a hidden tab: not yet
    docks["Script Console"].raise_()
    qtbot.waitUntil(lambda: isinstance(docks["Script Console"].widget(), ScriptConsole))
    console = docks["Script Console"].widget()
    assert app.reload()  # a reload rebinds it to the new simulation
    assert docks["Script Console"].widget() is not console
    assert app.panels["Script Console"] is docks["Script Console"].widget()


def test_reload_picks_up_an_edit_and_survives_a_broken_one(
    qtbot: QtBot, app: MainWindow, project_dir: Path
) -> None:
    window_file = (
        project_dir / "com.inductiveautomation.vision/windows/Main/window.yaml"
    )
    text = window_file.read_text()
    window_file.write_text(text.replace("props: {text: Idle}", "props: {text: Edited}"))
    assert app.reload()
    assert _main(app).component("Status").text == "Edited"
    window_file.write_text(text.replace("type: Label", "type: Lable", 1))
    assert not app.reload()
    assert "'Lable'" in (app.session.last_error or "")
    assert "'Label'" in (app.session.last_error or "")
    assert "window.yaml" in (app.session.last_error or "")
    assert _main(app).component("Status").text == "Edited"  # last good one runs


def test_a_preloaded_project_runs_first_and_reload_reads_the_files(
    qtbot: QtBot, project_dir: Path, settings: QSettings
) -> None:
    window_file = (
        project_dir / "com.inductiveautomation.vision/windows/Main/window.yaml"
    )
    preloaded = load_project(project_dir)  # as main.py checks it before the window
    text = window_file.read_text()
    window_file.write_text(text.replace("props: {text: Idle}", "props: {text: Disk}"))
    app = MainWindow(project_dir, settings=settings, preloaded=(preloaded, {}))
    qtbot.addWidget(app)
    assert _main(app).component("Status").text == "Idle"  # not read twice
    assert app.reload()
    assert _main(app).component("Status").text == "Disk"


def test_saving_a_file_reloads_automatically(
    qtbot: QtBot, app: MainWindow, project_dir: Path
) -> None:
    window_file = (
        project_dir / "com.inductiveautomation.vision/windows/Main/window.yaml"
    )
    window_file.write_text(
        window_file.read_text().replace("props: {text: Idle}", "props: {text: Auto}")
    )
    qtbot.waitUntil(lambda: _main(app).component("Status").text == "Auto", timeout=5000)


def test_settings_persist_and_apply(
    app: MainWindow, settings: QSettings, tmp_path: Path
) -> None:
    from dataclasses import replace

    app.settings = replace(app.settings, request_timeout_s=12.5)
    app.settings.save(settings)
    app.settings.apply(app.sim)
    assert app.sim.request_timeout_s == 12.5
    again = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    from visionsim.app.settings import Settings

    assert Settings.load(again).request_timeout_s == 12.5


def test_add_client_opens_a_second_desktop(app: MainWindow) -> None:
    client = app.add_client("hmi-2", "bob")
    assert app.tabs.count() == 2
    assert app.current_client() is client
    assert "hmi-2" in app.tabs.tabText(1)


def test_closing_with_running_tasks_takes_under_2_seconds(
    qtbot: QtBot, app: MainWindow
) -> None:
    client = app.current_client()
    assert client is not None
    client.run_script(
        "import time\nfor i in range(10):\n"
        "    system.util.invokeAsynchronous(time.sleep, [60])\n",
        "start",
    )
    started = time.monotonic()
    with qtbot.waitSignal(app.closed, timeout=3000):
        app.close()
    assert time.monotonic() - started < 2.0
    assert app.shut_down_cleanly
    assert client.workers.running() == []


def test_a_script_error_opens_a_non_modal_popup(qtbot: QtBot, app: MainWindow) -> None:
    client = app.current_client()
    assert client is not None
    client.run_script("x = 1\n1 / 0\n", "Main/Broken")
    qtbot.waitUntil(lambda: app.error_popup.box is not None)
    box = app.error_popup.box
    assert box is not None
    assert not box.isModal()
    assert "Main/Broken, line 2" in box.text()


def test_the_error_popup_shows_angle_brackets_and_monospace_details(
    qtbot: QtBot, app: MainWindow
) -> None:
    client = app.current_client()
    assert client is not None
    client.run_script("raise ValueError('bad <Script Console> input')\n", "Main/Bad")
    qtbot.waitUntil(lambda: app.error_popup.box is not None)
    box = app.error_popup.box
    assert box is not None
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert QtGui.Qt.mightBeRichText(label.text())  # Qt would read it as HTML...
    assert label.textFormat() == Qt.TextFormat.PlainText  # ...unless told not to
    assert "bad <Script Console> input" in label.text()
    details = box.findChild(QTextEdit)
    assert details is not None
    assert QFontInfo(details.font()).fixedPitch()
    assert "<Script Console>" in details.toPlainText()


def test_a_vision_window_gets_its_full_size_inside_the_desktop(
    app: MainWindow,
) -> None:
    window = _main(app)
    width, height = window.spec.size
    assert (window.widget.width(), window.widget.height()) == (width, height)


def test_swap_and_close_leave_no_empty_frames(app: MainWindow) -> None:
    client = app.current_client()
    assert client is not None
    desktop = app.tabs.currentWidget()
    client.run_script('system.nav.swapTo("Main")\nsystem.nav.closeWindow("Main")', "s")
    client.run_script('system.nav.openWindow("Main")', "s")
    assert app.sim.wait_idle(5)
    live = [s for s in desktop.subWindowList() if s.widget() is not None]  # type: ignore[attr-defined]
    assert len(live) == 1


def test_closing_a_frame_closes_the_vision_window(
    qtbot: QtBot, app: MainWindow
) -> None:
    client = app.current_client()
    assert client is not None
    assert client.vision.windows is not None
    desktop = app.tabs.currentWidget()
    [frame] = desktop.subWindowList()  # type: ignore[attr-defined]
    frame.close()
    qtbot.waitUntil(lambda: client.vision.windows.opened_windows() == [])  # type: ignore[union-attr]
