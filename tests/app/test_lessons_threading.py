"""The ThreadingBasics lessons: each lesson's scenario, run as a learner would.

Every lesson window has a headless twin in ``scenarios/``; these tests run them
through ``python main.py run`` and check what they print and how they exit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from tests.conftest import SAMPLES, run_main

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from visionsim.app.diagnostics import DiagnosticsPanel
    from visionsim.app.main_window import MainWindow
    from visionsim.widgets import VisionWindow

PROJECT = SAMPLES / "ThreadingBasics"
SCENARIOS = PROJECT / "scenarios"
LESSONS = ("Freeze", "RightWay", "WrongWay", "Progress", "PropertyChange")
FRAME = (8, 28)  # what a window's frame takes of its size in the app


def _run(name: str, *options: str) -> tuple[int, str, str]:
    return run_main("run", str(SCENARIOS / name), "--timeout", "15", *options)


def _script(tmp_path: Path, source: str) -> str:
    path = tmp_path / "script.py"
    path.write_text(source)
    return str(path)


def test_freeze_stalls_the_gui_thread_in_the_button_script() -> None:
    code, out, err = _run("freeze.py", "--strict")
    assert code == 0  # a stall is reported, not failed
    script = "Lessons/Freeze/Root Container/Work.actionPerformed"
    assert f"GUI thread warning: {script}" in err
    assert f"{script}, line 5 took " in err
    assert "ms (blocking wait (sleep))" in err
    assert "Thread.sleep(event.source.parent.workMs)" in err  # the sampled stack
    done = re.search(r"^after the click: Done after (\d+) ms", out, re.MULTILINE)
    assert done is not None
    assert int(done.group(1)) >= 600
    # an invokeLater due after 50 ms had to wait for the frozen GUI thread
    late = re.search(r"due after 50 ms ran after (\d+) ms", out)
    assert late is not None
    assert int(late.group(1)) >= 550
    assert out.index("after the click:") < out.index("due after 50 ms")


def test_right_way_hands_the_result_back_through_invoke_later() -> None:
    code, out, err = _run("right_way.py", "--strict", "--show-threads")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    clicked = lines.index("[AWT-EventQueue-0] clicked; the label says: Working...")
    worker = next(i for i, line in enumerate(lines) if "longProcess runs on" in line)
    assert re.fullmatch(r"\[Thread-\d+\] longProcess runs on Thread-\d+", lines[worker])
    back = lines.index("[AWT-EventQueue-0] sendBack runs on AWT-EventQueue-0")
    done = lines.index("[AWT-EventQueue-0] after the worker: Done: 3 rows")
    assert clicked < worker < back < done


def test_wrong_way_is_a_violation_with_both_stacks() -> None:
    code, out, err = _run("wrong_way.py", "--strict")
    assert code == 2
    where = "Lessons/WrongWay/Root Container/Start.actionPerformed"
    assert f"Thread violation: Label.text write in {where}, line 6 from thread " in err
    assert "(unsafe longProcess), not the GUI thread (AWT-EventQueue-0)" in err
    assert "  Accessed at:" in err
    assert f'File "{where}", line 6, in longProcess' in err
    assert "  Task started at:" in err
    assert 'scenarios/wrong_way.py", line 6, in <module>' in err
    assert f'File "{where}", line 9, in <module>' in err
    # visionsim still carried the write out, safely, on the GUI thread
    assert "after the worker: Done (from the worker!)" in out
    code, _, err = _run("wrong_way.py")
    assert code == 0  # without --strict the violation is reported, not failed
    assert "Thread violation: Label.text write" in err


def test_progress_moves_the_bar_through_invoke_later_to_the_end() -> None:
    code, out, err = _run("progress.py", "--strict")
    assert (code, err) == (0, "")  # --strict: no step touched the bar off-thread
    assert "started; Start enabled: False, Cancel enabled: True" in out
    assert "finished: Done: 20 of 20 steps; the bar shows 20 of 20" in out
    assert "Start enabled: True, Cancel enabled: False" in out


def test_cancel_interrupts_the_progress_worker() -> None:
    code, out, err = _run("progress_cancel.py", "--strict")
    assert (code, err) == (0, "")
    found = re.search(
        r"Cancelled after (\d+) of 20 steps; the bar stopped at (\d+)", out
    )
    assert found is not None, out
    steps, bar = int(found.group(1)), int(found.group(2))
    assert steps == bar
    assert 1 <= steps < 20


def test_property_change_reads_the_settled_value_in_invoke_later() -> None:
    code, out, err = _run("property_change.py", "--strict")
    assert (code, err) == (0, "")
    assert out.splitlines()[-3:] == [
        "after the click, quantity 1 and total 5",
        "Read right away: quantity 1, total 0  (OLD total!)",
        "Read in invokeLater: quantity 1, total 5  (settled)",
    ]


def test_the_picker_opens_every_lesson_and_back_returns(tmp_path: Path) -> None:
    script = _script(
        tmp_path,
        f"for name in {LESSONS!r}:\n"
        "    main = system.gui.getWindow('Main').rootContainer\n"
        "    main.getComponent(name).doClick()\n"
        "    print(system.gui.getOpenedWindowNames())\n"
        "    lesson = system.gui.getWindow('Lessons/' + name).rootContainer\n"
        "    lesson.getComponent('Back').doClick()\n"
        "    print(system.gui.getOpenedWindowNames())\n",
    )
    code, out, err = run_main("run", script, "--strict")
    assert (code, err) == (0, "")
    printed = out.splitlines()[-2 * len(LESSONS) :]
    for i, name in enumerate(LESSONS):
        assert printed[2 * i : 2 * i + 2] == [f"('Lessons/{name}',)", "('Main',)"]


def test_leaving_the_progress_lesson_mid_run_stops_the_worker(tmp_path: Path) -> None:
    script = _script(
        tmp_path,
        "window = system.nav.openWindow('Lessons/Progress', {'stepMs': 50})\n"
        "root = window.rootContainer\n"
        "root.getComponent('Start').doClick()\n"
        "def back():\n"
        "    root.getComponent('Back').doClick()\n"
        "    print(system.gui.getOpenedWindowNames())\n"
        "system.util.invokeLater(back, 200)\n",
    )
    code, out, err = run_main("run", script, "--strict", "--timeout", "15")
    assert (code, err) == (0, "")  # no late update touched the closed window
    assert out.splitlines()[-1] == "('Main',)"


@pytest.mark.parametrize("window", ["Main", *(f"Lessons/{n}" for n in LESSONS)])
def test_lesson_text_fits_its_label(qtbot: QtBot, window: str) -> None:
    """Labels do not wrap: every line must fit its bounds and the window.

    The window's size includes its frame (title bar and borders) in the app.
    """
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
            assert len(text) <= 72, component.name
            assert metrics.horizontalAdvance(text) <= w, component.name


@pytest.fixture
def app(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    from PySide6.QtCore import QSettings

    from visionsim.app.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(PROJECT, settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _open(app: MainWindow, path: str, params: dict[str, object]) -> VisionWindow:
    from visionsim.widgets import WindowManager

    client = app.current_client()
    assert client is not None
    assert isinstance(client.vision.windows, WindowManager)
    return client.vision.windows.open_window(path, params)


def _diagnostics(app: MainWindow) -> DiagnosticsPanel:
    from visionsim.app.diagnostics import DiagnosticsPanel

    panel = app.panels["Diagnostics"]
    assert isinstance(panel, DiagnosticsPanel)
    return panel


def test_in_the_app_the_freeze_turns_the_meter_red_and_lists_the_stall(
    qtbot: QtBot, app: MainWindow
) -> None:
    lesson = _open(app, "Lessons/Freeze", {"workMs": 600})
    diagnostics = _diagnostics(app)
    lesson.component("Work").doClick()
    qtbot.waitUntil(lambda: app.meter.is_stalled)
    assert app.meter.latency.text().startswith("GUI stalled ")
    qtbot.waitUntil(lambda: len(diagnostics.stall_rows()) >= 1)
    level, _ms, kind, subject, where = diagnostics.stall_rows()[0]
    assert (level, kind) == ("warning", "blocking wait (sleep)")
    assert subject == "Lessons/Freeze/Root Container/Work.actionPerformed"
    assert where.endswith(":5")


def test_in_the_app_terminate_cancels_the_progress_worker(
    qtbot: QtBot, app: MainWindow
) -> None:
    lesson = _open(app, "Lessons/Progress", {"stepMs": 50})
    diagnostics = _diagnostics(app)
    lesson.component("Start").doClick()

    def listed() -> bool:
        diagnostics.refresh()
        return bool(diagnostics.running_rows())

    qtbot.waitUntil(listed)
    assert diagnostics.running_rows()[0][1] == "progress worker"
    assert diagnostics.terminate_row(0)
    status = lesson.component("Status")
    qtbot.waitUntil(lambda: status.text.startswith("Cancelled after "))
    assert lesson.component("Start").enabled
    assert app.error_popup.box is None
    assert app.sim.guard.violations() == []
