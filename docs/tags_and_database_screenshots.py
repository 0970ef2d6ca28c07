r"""Screenshots of the TagsAndDatabase lessons for docs/tags-and-database.md.

Each shot starts a fresh app (a temporary QSettings) on the project, opens
the lesson as its picker button does (``swapTo``), clicks the lesson's
buttons as a learner would, lets the app run, and saves the whole main
window as ``docs/tagsdb-<name>.png``. Run under Xvfb::

    xvfb-run -a -s "-screen 0 1920x1200x24" \
        .venv/bin/python docs/tags_and_database_screenshots.py
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
from visionsim.widgets import WindowManager  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.widgets import VisionWindow

#: The window size: ``VISIONSIM_SHOT_SIZE=WxH`` (default 1280x1024).
SIZE = tuple(
    int(n) for n in os.environ.get("VISIONSIM_SHOT_SIZE", "1280x1024").split("x")
)
PROJECT = ROOT / "sample_projects" / "TagsAndDatabase"


def settle(ms: int) -> None:
    """Let the event loop run for ``ms`` (repaint, timers, panel refresh)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def click(window: VisionWindow, name: str) -> None:
    """Click a button of ``window`` as a script would (``doClick``)."""
    window.component(name).doClick()


class Shot:
    """A fresh app on the project, for one lesson's screenshot."""

    def __init__(self) -> None:
        self.ini = Path(tempfile.mkdtemp()) / "settings.ini"
        self.app = MainWindow(
            PROJECT, settings=QSettings(str(self.ini), QSettings.Format.IniFormat)
        )
        self.app.resize(*SIZE)
        self.app.show()
        settle(400)

    def open_lesson(self, name: str) -> VisionWindow:
        """Swap to ``Lessons/<name>``, as its picker button does."""
        client = self.app.current_client()
        assert client is not None
        windows = client.vision.windows
        assert isinstance(windows, WindowManager)
        lesson = windows.swap_to(f"Lessons/{name}", None)
        settle(300)
        return lesson

    @property
    def diagnostics(self) -> DiagnosticsPanel:
        """The Diagnostics dock."""
        panel = self.app.panels["Diagnostics"]
        assert isinstance(panel, DiagnosticsPanel)
        return panel

    def save(self, name: str) -> None:
        """Grab the main window to ``docs/tagsdb-<name>.png`` and close the app."""
        if self.app.error_popup.box is not None:
            raise SystemExit(f"{name}: a script error popped up")
        out = ROOT / "docs" / f"tagsdb-{name}.png"
        shot = self.app.grab()
        shot.save(str(out))
        self.app.close()
        settle(100)
        sys.stdout.write(f"wrote {out} ({shot.width()}x{shot.height()})\n")


def picker() -> None:
    """The lesson picker as the app opens."""
    shot = Shot()
    settle(300)
    shot.save("picker")


def frozen() -> None:
    """Lesson 1: right after the 1.5 s query on the GUI thread."""
    shot = Shot()
    lesson = shot.open_lesson("FrozenClient")
    shot.diagnostics.setCurrentIndex(3)  # Stalls
    click(lesson, "Query")  # blocks the GUI thread for 1.5 s
    settle(500)
    shot.diagnostics.select_stall(0)
    settle(200)
    shot.save("frozen")


def right_way() -> None:
    """Lesson 2: after the worker handed its rows back."""
    shot = Shot()
    lesson = shot.open_lesson("RightWay")
    click(lesson, "Query")
    settle(2200)
    shot.save("right-way")


def read_async() -> None:
    """Lesson 3: both buttons clicked, the violation selected."""
    shot = Shot()
    lesson = shot.open_lesson("ReadAsync")
    shot.diagnostics.setCurrentIndex(2)  # Violations
    click(lesson, "Wrong")
    settle(300)
    click(lesson, "Right")
    settle(800)
    shot.diagnostics.refresh()
    rows = shot.diagnostics.violation_rows()
    shot.diagnostics.select_violation(
        next(i for i, row in enumerate(rows) if "Label.text write" in row)
    )
    settle(200)
    shot.save("read-async")


def fast_tag() -> None:
    """Lesson 4: a few seconds after Start, missed events counted."""
    shot = Shot()
    lesson = shot.open_lesson("FastTag")
    click(lesson, "Start")
    settle(3000)
    shot.save("fast-tag")


def polling() -> None:
    """Lesson 5: the polled rows, after Add a row."""
    shot = Shot()
    lesson = shot.open_lesson("PollingTable")
    settle(1200)
    click(lesson, "Add")
    settle(1800)
    shot.save("polling")


SHOTS: dict[str, Callable[[], None]] = {
    "picker": picker,
    "frozen": frozen,
    "right-way": right_way,
    "read-async": read_async,
    "fast-tag": fast_tag,
    "polling": polling,
}


def main(names: list[str]) -> None:
    """Take the screenshots named (default: all)."""
    _app = QApplication.instance() or QApplication(sys.argv)
    for name in names or list(SHOTS):
        SHOTS[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
