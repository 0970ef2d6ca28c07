"""The Database panel screenshot for docs/databases.md (``docs/database-panel.png``).

Starts the app on a temporary project whose datasource ``Plant`` is seeded
with a small production table, shows the Database dock, runs a query from
the panel (off the GUI thread, as a user's click would) and saves the dock.
Run under Xvfb::

    xvfb-run -a -s "-screen 0 1920x1200x24" .venv/bin/python docs/database_screenshot.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from visionsim.app.database_panel import DatabasePanel  # noqa: E402
from visionsim.app.main_window import MainWindow  # noqa: E402

SEED = """\
CREATE TABLE production (id INTEGER PRIMARY KEY, line TEXT, product TEXT,
                         good INTEGER, scrap INTEGER, shift TEXT);
INSERT INTO production (line, product, good, scrap, shift) VALUES
  ('Line 1', 'Bolt M8', 1180, 12, 'A'), ('Line 1', 'Bolt M8', 1205, 9, 'B'),
  ('Line 2', 'Nut M8', 2410, 31, 'A'), ('Line 2', 'Nut M8', 2388, 27, 'B'),
  ('Line 3', 'Washer 8', 3920, 4, 'A'), ('Line 3', 'Washer 8', 3877, 6, 'B');
"""
YAML = """\
databases:
  Plant: {seed: seed.sql, latencyMs: 250}
  Historian: {url: 'postgresql://historian:s3cret@db.plant.local:5432/history'}
defaultDatabase: Plant
"""
QUERY = (
    "SELECT line, product, SUM(good) AS good, SUM(scrap) AS scrap,\n"
    "       ROUND(100.0 * SUM(scrap) / SUM(good + scrap), 2) AS scrap_pct\n"
    "FROM production GROUP BY line, product ORDER BY line"
)


def settle(ms: int) -> None:
    """Let the event loop run for ``ms``."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def project() -> Path:
    """A temporary project with the Plant datasource."""
    root = Path(tempfile.mkdtemp()) / "PlantDemo"
    root.mkdir()
    (root / "project.json").write_text(json.dumps({"title": "Plant demo"}))
    (root / "seed.sql").write_text(SEED)
    (root / "visionsim.yaml").write_text(YAML)
    return root


def main(out: Path) -> None:
    """Run the query in the panel and save the dock."""
    app = QApplication.instance() or QApplication(sys.argv)
    ini = Path(tempfile.mkdtemp()) / "settings.ini"
    window = MainWindow(
        project(), settings=QSettings(str(ini), QSettings.Format.IniFormat)
    )
    window.resize(1500, 950)
    window.show()
    dock = window.docks["Database"]
    dock.raise_()
    settle(200)
    panel = window.panels["Database"]
    assert isinstance(panel, DatabasePanel)
    window.resizeDocks([dock], [760], dock_orientation())
    panel.query.setPlainText(QUERY)
    panel.run_button.click()
    while panel.model.rowCount() == 0:
        settle(50)
    panel.results.resizeColumnsToContents()
    panel.refresh()
    settle(300)
    shot = dock.grab()
    shot.save(str(out))
    window.close()
    sys.stdout.write(f"wrote {out} ({shot.width()}x{shot.height()})\n")
    del app


def dock_orientation() -> object:
    """Docks on the left are resized horizontally."""
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


if __name__ == "__main__":
    main(ROOT / "docs" / "database-panel.png")
