"""The Database panel: datasources with hidden passwords, queries run off the GUI."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings

from tests.conftest import write_project
from visionsim.app.cli import AppOptions, apply_overrides
from visionsim.app.database_panel import DatabasePanel
from visionsim.app.main_window import MainWindow
from visionsim.runtime import load_project

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import Simulation

YAML = """\
databases:
  DB: {seed: seed.sql, latencyMs: 30}
  Plant: {url: 'postgresql://ann:s3cret@127.0.0.1:1/plant'}
defaultDatabase: DB
"""


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    root = write_project(tmp_path, "P")
    (root / "seed.sql").write_text(
        "CREATE TABLE t (a INTEGER, b TEXT);\n"
        "INSERT INTO t VALUES (1, 'x');\nINSERT INTO t VALUES (2, NULL);\n"
    )
    (root / "visionsim.yaml").write_text(YAML)
    return root


@pytest.fixture
def panel(qtbot: QtBot, sim: Simulation, project_dir: Path) -> DatabasePanel:
    sim.open_project(load_project(project_dir))
    widget = DatabasePanel(sim)
    qtbot.addWidget(widget)
    return widget


def test_lists_each_datasource_with_its_password_hidden(panel: DatabasePanel) -> None:
    table = panel.sources
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(2)}
    assert rows["DB"] == "sqlite:///:memory:"
    assert "s3cret" not in rows["Plant"]
    assert rows["Plant"] == "postgresql://ann:***@127.0.0.1:1/plant"
    assert table.item(0, 6).text() == "30"  # latency ms
    assert [panel.database.itemText(i) for i in range(2)] == ["DB", "Plant"]


def test_a_query_runs_off_the_gui_thread_and_fills_the_table(
    qtbot: QtBot,
    sim: Simulation,
    panel: DatabasePanel,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[int] = []
    real_run = panel.databases.run

    def recording_run(*args: object, **kwargs: object) -> object:
        threads.append(threading.get_ident())
        return real_run(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(panel.databases, "run", recording_run)
    panel.query.setPlainText("SELECT a, b FROM t ORDER BY a")
    panel.run_button.click()
    assert not panel.run_button.isEnabled()  # returned at once; still running
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert threads
    assert threads[0] != sim.dispatcher.gui_ident
    model = panel.model
    assert [model.headerData(c, _horizontal()) for c in range(2)] == ["a", "b"]
    assert model.data(model.index(1, 1)) == "NULL"
    assert panel.status.text() == "2 rows"
    assert panel.run_button.isEnabled()


def test_a_failing_query_shows_the_database_error(
    qtbot: QtBot, panel: DatabasePanel
) -> None:
    panel.run_query("SELECT * FROM nowhere", "DB")
    qtbot.waitUntil(lambda: "nowhere" in panel.status.text())
    assert panel.status.text().startswith("SQLiteException: ")


def test_the_main_window_has_a_database_dock(
    qtbot: QtBot, project_dir: Path, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(project_dir, settings=settings)
    qtbot.addWidget(window)
    assert "Database" in window.docks
    panel = window.panels["Database"]
    assert isinstance(panel, DatabasePanel)
    assert panel.sources.rowCount() == 2
    window.close()


def _horizontal() -> object:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_db_option_datasources_survive_a_reload(
    qtbot: QtBot, project_dir: Path, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    options = AppOptions(project=project_dir, databases={"Extra": "sqlite://"})
    window = MainWindow(
        project_dir,
        settings=settings,
        overrides=lambda project: apply_overrides(project, options),
    )
    qtbot.addWidget(window)
    names = [s.name for s in window.sim.gateway.databases.sources()]
    assert names == ["DB", "Plant", "Extra"]
    window.reload()
    assert [s.name for s in window.sim.gateway.databases.sources()] == names
    window.close()
