"""The TagsAndDatabase sample project: each lesson's scenario, and the app.

Every scenario in ``scenarios/`` runs through ``python main.py run`` and what
it prints, reports and exits with is checked; the app test opens every
lesson from the picker in a real :class:`~visionsim.app.main_window.MainWindow`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.conftest import SAMPLES, run_main

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from visionsim.app.main_window import MainWindow

PROJECT = SAMPLES / "TagsAndDatabase"
LESSONS = ("FrozenClient", "RightWay", "ReadAsync", "FastTag", "PollingTable")
SCENARIOS = {
    "frozen_client",
    "right_way",
    "read_async_wrong",
    "read_async_right",
    "fast_tag",
    "polling_table",
}
FRAME = (8, 28)  # what a window's frame takes of its size in the app


def _run(name: str, *options: str) -> tuple[int, str, str]:
    script = PROJECT / "scenarios" / f"{name}.py"
    return run_main(
        "run", str(script), "--project", str(PROJECT), "--timeout", "15", *options
    )


def _number(pattern: str, text: str) -> int:
    found = re.search(pattern, text, re.MULTILINE)
    assert found, f"{pattern!r} not in:\n{text}"
    return int(found.group(1))


def test_every_scenario_has_a_test() -> None:
    assert {p.stem for p in (PROJECT / "scenarios").glob("*.py")} == SCENARIOS


def test_frozen_client_reports_the_query_as_a_gui_stall() -> None:
    code, out, err = _run("frozen_client", "--strict")
    assert code == 0  # a stall is reported, not failed
    script = "Lessons/FrozenClient/Root Container/Query.actionPerformed"
    assert f"GUI thread warning: {script}, line 5 took " in err
    assert "ms (blocking wait (system.db.runPrepQuery))" in err
    assert _number(r"^after the click: 9 rows after (\d+) ms", out) >= 1500
    # an invokeLater due after 50 ms waited for the frozen GUI thread
    assert _number(r"due after 50 ms ran after (\d+) ms", out) >= 1400
    assert out.index("after the click:") < out.index("due after 50 ms")


def test_right_way_returns_at_once_and_hands_the_rows_back() -> None:
    code, out, err = _run("right_way", "--strict")
    assert (code, err) == (0, "")  # no stall, no violation
    assert _number(r"^after the click: Button returned after (\d+) ms", out) < 500
    done = re.search(
        r"^Done: 3 rows of Line 2 after (\d+) ms \(queried on (.+)\)$", out, re.M
    )
    assert done is not None, out
    assert int(done.group(1)) >= 1500
    assert done.group(2) != "AWT-EventQueue-0"
    assert "the table has 3 rows, lines ['Line 2']" in out


def test_setting_a_label_in_the_read_async_callback_is_a_violation() -> None:
    code, out, err = _run("read_async_wrong", "--strict")
    assert code == 2
    where = "Lessons/ReadAsync/Root Container/Wrong.actionPerformed"
    found = re.search(
        rf"Thread violation: Label\.text write in {where}, line 4 from thread "
        r"(client-\S+-tag-callbacks-1), not the GUI thread \(AWT-EventQueue-0\)",
        err,
    )
    assert found, err
    assert f"after the callback: Setpoint 42, set on {found.group(1)}" in out


def test_handing_the_read_async_value_to_invoke_later_is_safe() -> None:
    code, out, err = _run("read_async_right", "--strict")
    assert (code, err) == (0, "")
    assert re.search(
        r"^after the callback: Setpoint 57, read on client-\S+-tag-callbacks-1, "
        r"shown on AWT-EventQueue-0$",
        out,
        re.M,
    ), out


def test_a_slow_script_on_a_fast_tag_gets_missed_events() -> None:
    code, out, err = _run("fast_tag", "--strict")
    assert (code, err) == (0, "")
    assert _number(r"so far the script handled \d+ events, (\d+) with", out) >= 2
    events = _number(r"^after Stop: (\d+) events", out)
    missed = _number(r"^after Stop: \d+ events, (\d+) with missedEvents", out)
    assert 2 <= missed <= events
    assert f"the window shows {events} events, {missed} missed" in out


def test_the_polling_binding_brings_rows_and_then_the_new_row() -> None:
    code, out, err = _run("polling_table", "--strict")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "when the window opens: data is None"
    assert lines[1] == "first poll: 6 rows, newest id 9; Rows in production: 9"
    assert re.fullmatch(
        r"after Add a row: newest id 10 on Line 4 after (\d+) changes; "
        r"Rows in production: 10",
        lines[2],
    )
    assert _number(r"after (\d+) changes", lines[2]) >= 2


@pytest.mark.parametrize("window", ["Main", *(f"Lessons/{n}" for n in LESSONS)])
def test_lesson_text_fits_its_label(qtbot: QtBot, window: str) -> None:
    """Labels do not wrap: every line fits its bounds, every component the window."""
    from PySide6.QtWidgets import QLabel

    from visionsim.runtime import load_project

    spec = load_project(PROJECT).windows[window]
    width, height = spec.size[0] - FRAME[0], spec.size[1] - FRAME[1]
    probe = QLabel()
    qtbot.addWidget(probe)
    metrics = probe.fontMetrics()
    for component in spec.root.components:
        x, y, w, h = component.bounds
        assert x + w <= width, component.name
        assert y + h <= height, component.name
        text = component.props.get("text")
        if component.type == "Label" and isinstance(text, str):
            assert len(text) <= 76, component.name
            assert metrics.horizontalAdvance(text) <= w, component.name


@pytest.fixture
def app(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    from visionsim.app.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(PROJECT, settings=settings)
    qtbot.addWidget(window)
    window.resize(1280, 1024)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_in_the_app_the_picker_opens_each_lesson_fully_visible(
    qtbot: QtBot, app: MainWindow
) -> None:
    from visionsim.app.client_desktop import ClientDesktop
    from visionsim.widgets import VisionWindow, WindowManager

    client = app.current_client()
    assert client is not None
    windows = client.vision.windows
    assert isinstance(windows, WindowManager)
    desktop = app.tabs.currentWidget()
    assert isinstance(desktop, ClientDesktop)

    def current() -> VisionWindow:
        window = windows.current_window()
        assert isinstance(window, VisionWindow)
        return window

    def visible(window: VisionWindow) -> bool:
        frame = window.widget.parentWidget()
        area = desktop.viewport().rect()
        return (
            frame is not None and frame.isVisible() and area.contains(frame.geometry())
        )

    qtbot.waitUntil(lambda: visible(current()))
    for number, name in enumerate(LESSONS, 1):
        main = current()
        button = main.component(f"Lesson{number}").widget
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        path = f"Lessons/{name}"
        qtbot.waitUntil(lambda path=path: current().path == path)  # type: ignore[misc]
        lesson = current()
        qtbot.waitUntil(lambda lesson=lesson: visible(lesson))  # type: ignore[misc]
        qtbot.mouseClick(lesson.component("Back").widget, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: current().path == "Main")
    assert app.error_popup.box is None
    assert app.sim.guard.violations() == []
