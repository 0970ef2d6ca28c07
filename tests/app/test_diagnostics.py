"""The Diagnostics panel: Running Scripts, thread dump, violations and stalls."""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QPushButton

from tests.conftest import run
from visionsim.app.bridge import SimBridge
from visionsim.app.diagnostics import DiagnosticsPanel
from visionsim.runtime import StallReport, StallThresholds
from visionsim.runtime.sources import ScriptLocation

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Project, Simulation

WAIT_FOR_RELEASE = """
def work():
    release.wait(10)
system.util.invokeAsynchronous(work, description="Load history")
"""

SLEEP_A_MINUTE = """
import time
def work():
    time.sleep(60)
system.util.invokeAsynchronous(work)
"""

TOUCH_LABEL = """
def work():
    guard.check("Label.text write")
system.util.invokeAsynchronous(work, description="Refresh label")
"""

BUSY_80_MS = """
import time
t0 = time.perf_counter()
while time.perf_counter() - t0 < 0.08:
    pass
"""


@pytest.fixture
def panel(qtbot: QtBot, sim: Simulation, client: ClientSession) -> DiagnosticsPanel:
    widget = DiagnosticsPanel(SimBridge(sim), lambda: client)
    qtbot.addWidget(widget)
    return widget


def test_running_scripts_lists_a_running_task_until_it_ends(
    panel: DiagnosticsPanel, sim: Simulation, client: ClientSession
) -> None:
    assert panel.running_rows() == []
    release = threading.Event()
    run(client, WAIT_FOR_RELEASE, "Test/wait", extra={"release": release})
    panel.refresh()
    [(thread_id, description, start, elapsed)] = panel.running_rows()
    [task] = client.workers.running()
    assert thread_id == str(task.id)
    assert description == "Load history"
    assert re.fullmatch(r"\d\d:\d\d:\d\d", start)
    assert re.fullmatch(r"\d+\.\d", elapsed)
    release.set()
    assert sim.wait_idle(5)
    panel.refresh()
    assert panel.running_rows() == []


def test_terminate_interrupts_the_tasks_sleep_and_the_row_goes(
    panel: DiagnosticsPanel, sim: Simulation, client: ClientSession
) -> None:
    run(client, SLEEP_A_MINUTE, "Test/sleep")
    panel.refresh()
    [(thread_id, description, _, _)] = panel.running_rows()
    assert description == f"Thread-{thread_id}"  # no description: the thread name
    button = panel.running.table.cellWidget(0, 4)
    assert isinstance(button, QPushButton)
    assert button.text() == "Terminate"
    button.click()
    assert not button.isEnabled()
    assert sim.wait_idle(5)
    panel.refresh()
    assert panel.running_rows() == []
    assert sim.errors.reports() == []  # a terminated task's interrupt is no error


def test_terminate_row_reports_a_task_that_already_ended(
    panel: DiagnosticsPanel, sim: Simulation, client: ClientSession
) -> None:
    release = threading.Event()
    run(client, WAIT_FOR_RELEASE, "Test/wait", extra={"release": release})
    panel.refresh()
    release.set()
    assert sim.wait_idle(5)
    assert not panel.terminate_row(0)


def test_running_scripts_is_empty_without_a_client(
    qtbot: QtBot, sim: Simulation
) -> None:
    panel = DiagnosticsPanel(SimBridge(sim), lambda: None)
    qtbot.addWidget(panel)
    panel.refresh()
    assert panel.running_rows() == []
    panel.refresh_thread_dump()
    assert panel.thread_dump_text() == "No client session."


def test_thread_dump_shows_the_gui_thread(panel: DiagnosticsPanel) -> None:
    assert panel.thread_dump_text() == ""
    panel.dump_button.click()
    assert '"AWT-EventQueue-0"' in panel.thread_dump_text()
    assert panel.dump_text.isReadOnly()


def test_violations_fill_live_and_count_repeats(
    qtbot: QtBot, panel: DiagnosticsPanel, sim: Simulation, client: ClientSession
) -> None:
    extra = {"guard": sim.guard}
    run(client, TOUCH_LABEL, "Test/touch", extra=extra)
    qtbot.waitUntil(lambda: len(panel.violation_rows()) == 1)
    [(count, access, where, thread)] = panel.violation_rows()
    assert (count, access, where) == ("1", "Label.text write", "Test/touch:3")
    assert re.fullmatch(r"Thread-\d+ \(Refresh label\)", thread)
    run(client, TOUCH_LABEL, "Test/touch", extra=extra)
    qtbot.waitUntil(lambda: panel.violation_rows()[0][0] == "2")
    assert len(panel.violation_rows()) == 1


def test_selecting_a_violation_shows_both_stacks(
    qtbot: QtBot, panel: DiagnosticsPanel, sim: Simulation, client: ClientSession
) -> None:
    run(client, TOUCH_LABEL, "Test/touch", extra={"guard": sim.guard})
    qtbot.waitUntil(lambda: len(panel.violation_rows()) == 1)
    assert panel.details_text() == ""
    panel.select_violation(0)
    text = panel.details_text()
    accessed, started = text.split("Task started at:")
    assert "Accessed at:" in accessed
    assert "Test/touch" in accessed
    assert "line 3" in accessed
    assert "Test/touch" in started
    assert "line 4" in started  # the invokeAsynchronous call
    assert "conftest.py" not in started  # the test's own frames are left out
    assert "outside user scripts hidden" in started


def test_clear_forgets_the_guards_violations(
    qtbot: QtBot, panel: DiagnosticsPanel, sim: Simulation, client: ClientSession
) -> None:
    run(client, TOUCH_LABEL, "Test/touch", extra={"guard": sim.guard})
    qtbot.waitUntil(lambda: len(panel.violation_rows()) == 1)
    panel.select_violation(0)
    panel.clear_button.click()
    assert panel.violation_rows() == []
    assert sim.guard.violations() == []
    assert panel.details_text() == ""


def test_a_busy_gui_script_shows_as_a_long_task(
    qtbot: QtBot, make_sim: Callable[..., Simulation], sample_project: Project
) -> None:
    sim = make_sim(thresholds=StallThresholds(50, 10_000, 60_000))
    client = sim.open_project(sample_project)
    panel = DiagnosticsPanel(SimBridge(sim), lambda: client)
    qtbot.addWidget(panel)
    run(client, BUSY_80_MS, "Test/busy")
    qtbot.waitUntil(lambda: len(panel.stall_rows()) == 1)
    [(level, duration, _kind, subject, where)] = panel.stall_rows()
    assert (level, subject) == ("long task", "Test/busy")
    assert float(duration) >= 79
    assert where.startswith("Test/busy:")
    panel.select_stall(0)
    assert panel.stall_details_text().startswith("GUI thread long task: Test/busy")


def test_a_live_not_responding_report_is_replaced_by_the_final_one(
    panel: DiagnosticsPanel,
) -> None:
    def report(duration: float, *, ongoing: bool) -> StallReport:
        return StallReport(
            start_ns=123,
            duration_ms=duration,
            level="not responding",
            kind="blocking wait (sleep)",
            subject="Main/Button",
            location=ScriptLocation("Main/Button", 7),
            stacks=(("at onClick(Main/Button:7)", 3),),
            ongoing=ongoing,
        )

    bridge = panel._bridge
    bridge.stall_reported.emit(report(5000, ongoing=True))
    assert panel.stall_rows()[0][:2] == ("not responding (ongoing)", "5000")
    bridge.stall_reported.emit(report(6200, ongoing=False))
    assert panel.stall_rows() == [
        (
            "not responding",
            "6200",
            "blocking wait (sleep)",
            "Main/Button",
            "Main/Button:7",
        )
    ]
    panel.select_stall(0)
    assert "Sampled 3x:\nat onClick(Main/Button:7)" in panel.stall_details_text()


def test_a_narrow_panel_keeps_the_running_description_readable(
    qtbot: QtBot, sim: Simulation, client: ClientSession
) -> None:
    from visionsim.app.diagnostics import DESCRIPTION_MIN_PX, RunningScriptsView

    view = RunningScriptsView(lambda: client.workers)
    qtbot.addWidget(view)
    view.resize(260, 300)
    view.show()
    header = view.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(1) == DESCRIPTION_MIN_PX)
    view.resize(1200, 300)
    qtbot.waitUntil(lambda: header.sectionSize(1) > 2 * DESCRIPTION_MIN_PX)
