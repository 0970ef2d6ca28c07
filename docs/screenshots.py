"""Regenerate the screenshots in docs/ (run under Xvfb: see the README)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.demo import DEMO_NAME, DEMO_SCRIPT  # noqa: E402
from app.first_window import FirstWindow  # noqa: E402
from runtime import load_project  # noqa: E402


def first_window(out: Path) -> None:
    """The first window after one click on the demo button."""
    app = QApplication.instance() or QApplication(sys.argv)
    project = load_project(ROOT / "sample_projects" / "ThreadingBasics")
    window = FirstWindow(project, DEMO_SCRIPT, DEMO_NAME)
    window.show()
    window.run_button.click()
    window.sim.wait_idle(10)
    QTimer.singleShot(300, app.quit)  # let the status line refresh and paint
    app.exec()
    shot = window.grab()
    shot.save(str(out))
    window.close()
    sys.stdout.write(f"wrote {out} ({shot.width()}x{shot.height()})\n")


if __name__ == "__main__":
    first_window(ROOT / "docs" / "first-window.png")
