"""The first window runs the demo in a real client and shows every thread's output."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from app.demo import DEMO_NAME, DEMO_SCRIPT
from app.first_window import FirstWindow

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from runtime import Project


def test_demo_button_runs_worker_then_gui_callback(
    qtbot: QtBot, sample_project: Project
) -> None:
    window = FirstWindow(sample_project, DEMO_SCRIPT, DEMO_NAME)
    qtbot.addWidget(window)
    window.show()
    assert "ThreadingBasics client started" in window.output.toPlainText()
    qtbot.mouseClick(window.run_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: "async tasks running: 1" in window.status.text())
    qtbot.waitUntil(
        lambda: (
            "[AWT-EventQueue-0] sendBack runs on AWT-EventQueue-0: sum = 10"
            in window.output.toPlainText()
        ),
        timeout=5000,
    )
    text = window.output.toPlainText()
    assert "longProcess runs on Thread-" in text
    assert window.sim.wait_idle(5)
    qtbot.waitUntil(lambda: "async tasks running: 0" in window.status.text())
    window.close()


def test_closing_with_running_scripts_cancels_them(
    qtbot: QtBot, sample_project: Project
) -> None:
    window = FirstWindow(sample_project, "import time\ntime.sleep(60)\n", "x")
    qtbot.addWidget(window)
    window.client.run_script(
        "import time\nfor i in range(5):\n"
        "    system.util.invokeAsynchronous(time.sleep, [60])\n",
        "start",
    )
    assert len(window.client.workers.running()) == 5
    with qtbot.waitSignal(window.closed, timeout=3000):
        window.close()
    assert window.client.workers.running() == []


def test_a_script_error_opens_a_non_modal_popup(
    qtbot: QtBot, sample_project: Project
) -> None:
    window = FirstWindow(sample_project, "x = 1\n1 / 0\n", "Main/Broken")
    qtbot.addWidget(window)
    qtbot.mouseClick(window.run_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.error_popup.box is not None)
    box = window.error_popup.box
    assert box is not None
    assert not box.isModal()
    assert "ZeroDivisionError" in box.text()
    assert "Main/Broken, line 2" in box.text()
    assert "Traceback" in box.detailedText()
    window.close()
