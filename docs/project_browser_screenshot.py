"""Regenerate docs/project-browser.png: the Project panel on a real-style project.

Run under Xvfb: ``xvfb-run -a -s "-screen 0 1280x1024x24" .venv/bin/python
docs/project_browser_screenshot.py``. Opens the TagsAndDatabase sample project,
shows the Project panel and opens a lesson window from it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docs.screenshots import settle, shot_size  # noqa: E402
from visionsim.app.main_window import MainWindow  # noqa: E402
from visionsim.app.project_browser import ProjectBrowser  # noqa: E402


def main() -> None:
    """Show the Project panel, open a window from it, save the picture."""
    app = QApplication.instance() or QApplication(sys.argv)
    ini = Path(tempfile.mkdtemp()) / "settings.ini"
    window = MainWindow(
        ROOT / "sample_projects" / "TagsAndDatabase",
        settings=QSettings(str(ini), QSettings.Format.IniFormat),
    )
    window.resize(*shot_size())
    window.show()
    settle(app, 300)
    window.docks["Project"].raise_()
    browser = window.panels["Project"]
    assert isinstance(browser, ProjectBrowser)
    browser.tree.expandAll()
    assert browser.open_window(browser.window_items()[0])
    settle(app, 500)
    out = ROOT / "docs" / "project-browser.png"
    window.grab().save(str(out))
    window.close()
    sys.stdout.write(f"wrote {out}\n")


if __name__ == "__main__":
    main()
