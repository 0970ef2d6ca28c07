"""Screenshots of the ThreadingBasics lessons for docs/threading-basics.md.

Each lesson gets a fresh app on the default project: the lesson window is
opened through the client's window manager and moved to the desktop's
top-left corner (over the lesson picker, which stays open behind it), its
buttons are clicked as a learner would, the app runs for a moment, and the
whole main window is saved as ``docs/lesson-<name>.png``. The Gateway dock
is closed (View menu) and the Diagnostics dock widened, as a learner would
for these lessons. Run under Xvfb::

    xvfb-run -a -s "-screen 0 1920x1200x24" .venv/bin/python docs/lesson_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from visionsim.app.diagnostics import DiagnosticsPanel  # noqa: E402
from visionsim.app.main_window import MainWindow  # noqa: E402
from visionsim.app.timeline import TimelineWidget  # noqa: E402
from visionsim.widgets import WindowManager  # noqa: E402
from visionsim.widgets.components import Button  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.widgets import VisionWindow

#: The window size: ``VISIONSIM_SHOT_SIZE=WxH`` (default 1280x1024).
SIZE = tuple(
    int(n) for n in os.environ.get("VISIONSIM_SHOT_SIZE", "1280x1024").split("x")
)


def settle(ms: int) -> None:
    """Let the event loop run for ``ms`` (repaint, timers, panel refresh)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def click(window: VisionWindow, name: str) -> None:
    """Click a button of ``window`` as a script would (``doClick``)."""
    button = window.component(name)
    assert isinstance(button, Button)
    button.doClick()


class Shot:
    """A fresh app on the default project, for one lesson's screenshot."""

    def __init__(self) -> None:
        self.ini = Path(tempfile.mkdtemp()) / "settings.ini"
        self.app = MainWindow(
            ROOT / "sample_projects" / "ThreadingBasics",
            settings=QSettings(str(self.ini), QSettings.Format.IniFormat),
        )
        self.app.resize(*SIZE)
        self.app.show()
        settle(400)

    def open_lesson(self, name: str) -> VisionWindow:
        """Open window ``Lessons/<name>`` with the client's window manager."""
        client = self.app.current_client()
        assert client is not None
        windows = client.vision.windows
        assert isinstance(windows, WindowManager)
        lesson = windows.swap_to(f"Lessons/{name}", None)  # as its button does
        settle(200)
        return lesson

    @property
    def diagnostics(self) -> DiagnosticsPanel:
        """The Diagnostics dock."""
        panel = self.app.panels["Diagnostics"]
        assert isinstance(panel, DiagnosticsPanel)
        return panel

    @property
    def timeline(self) -> TimelineWidget:
        """The Thread Timeline dock."""
        panel = self.app.panels["Thread Timeline"]
        assert isinstance(panel, TimelineWidget)
        return panel

    def focus(self, first: str, last: str) -> None:
        """Zoom the timeline from span ``first`` to span ``last``; select ``last``.

        Each is the newest span whose name ends with the given text.
        """
        timeline = self.timeline
        timeline.refresh()
        spans = [i for i in timeline.items() if i.kind == "span"]
        start = next(i for i in reversed(spans) if i.name.endswith(first))
        end = next(i for i in reversed(spans) if i.name.endswith(last))
        assert end.end_ns is not None
        pad = (end.end_ns - start.start_ns) // 4
        timeline.set_view(start.start_ns - pad, end.end_ns + pad)
        timeline.select(end)
        settle(200)

    def save(self, name: str) -> None:
        """Grab the main window to ``docs/lesson-<name>.png`` and close the app."""
        if self.app.error_popup.box is not None:
            raise SystemExit(f"{name}: a script error popped up")
        out = ROOT / "docs" / f"lesson-{name}.png"
        shot = self.app.grab()
        shot.save(str(out))
        self.app.close()
        settle(100)
        sys.stdout.write(f"wrote {out} ({shot.width()}x{shot.height()})\n")


def freeze() -> None:
    """Lesson 1: right after the 2 s of work on the GUI thread."""
    shot = Shot()
    lesson = shot.open_lesson("Freeze")
    shot.diagnostics.setCurrentIndex(3)  # Stalls
    click(lesson, "Work")  # blocks the GUI thread for 2 s
    settle(400)  # the meter shows the stall once the loop runs again
    shot.diagnostics.select_stall(0)
    settle(200)
    shot.save("freeze")


def right_way() -> None:
    """Lesson 2: after the worker handed its result back."""
    shot = Shot()
    lesson = shot.open_lesson("RightWay")
    click(lesson, "Start")
    settle(2500)
    shot.save("right-way")


def wrong_way() -> None:
    """Lesson 3: the violation, with both stacks in Diagnostics."""
    shot = Shot()
    lesson = shot.open_lesson("WrongWay")
    shot.diagnostics.setCurrentIndex(2)  # Violations
    click(lesson, "Start")
    settle(2500)
    shot.diagnostics.refresh()
    rows = shot.diagnostics.violation_rows()
    shot.diagnostics.select_violation(
        next(i for i, row in enumerate(rows) if "Label.text write" in row)
    )
    settle(200)
    shot.save("wrong-way")


def progress() -> None:
    """Lesson 4: part way through, with the worker listed under Running Scripts."""
    shot = Shot()
    lesson = shot.open_lesson("Progress")
    click(lesson, "Start")
    settle(1600)
    shot.save("progress")


def progress_cancel() -> None:
    """Lesson 4: after Cancel."""
    shot = Shot()
    lesson = shot.open_lesson("Progress")
    click(lesson, "Start")
    settle(1300)
    click(lesson, "Cancel")
    settle(600)
    shot.focus("Cancel.actionPerformed", "cancelled")
    shot.save("progress-cancel")


def property_change() -> None:
    """Lesson 5: after two clicks on Add one."""
    shot = Shot()
    lesson = shot.open_lesson("PropertyChange")
    click(lesson, "AddOne")
    settle(300)
    click(lesson, "AddOne")
    settle(600)
    shot.focus("AddOne.actionPerformed", "readLater")
    shot.save("property-change")


def picker() -> None:
    """The lesson picker as the app opens."""
    shot = Shot()
    settle(300)
    shot.save("picker")


LESSONS: dict[str, Callable[[], None]] = {
    "picker": picker,
    "freeze": freeze,
    "right-way": right_way,
    "wrong-way": wrong_way,
    "progress": progress,
    "progress-cancel": progress_cancel,
    "property-change": property_change,
}


def main(names: list[str]) -> None:
    """Take the screenshots named (default: all)."""
    _app = QApplication.instance() or QApplication(sys.argv)
    for name in names or list(LESSONS):
        LESSONS[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
