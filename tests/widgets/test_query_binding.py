"""A query binding on a real Table: the data arrives and propertyChange fires."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from visionsim.app.dialogs import HeadlessDialogs
from visionsim.runtime import load_project
from visionsim.runtime.db.bindings import start_client_query_binding
from visionsim.runtime.windows import BindingSpec
from visionsim.widgets import WindowManager

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Simulation

WINDOW = """
title: W
openOnStartup: true
rootContainer:
  components:
    - type: Table
      name: T
      bounds: [0, 0, 200, 100]
      events:
        propertyChange: |
          if event.propertyName == "data":
              log.append((system.util.getClientId() is not None,
                          event.newValue.getRowCount()))
"""


def _open_window(
    sim: Simulation, tmp_path: Path, window_yaml: str, rows: tuple[int, ...]
) -> tuple[ClientSession, Any, list[object]]:
    """A client of a one-window project with a seeded SQLite datasource ``DB``.

    Table ``t (a INTEGER)`` holds ``rows``; the window's scripts share ``log``.
    Returns the client, its one open window and the log.
    """
    from tests.conftest import write_project

    folder = write_project(tmp_path, "W")
    inserts = "".join(f"INSERT INTO t VALUES ({a});\n" for a in rows)
    (folder / "seed.sql").write_text("CREATE TABLE t (a INTEGER);\n" + inserts)
    (folder / "visionsim.yaml").write_text("databases: {DB: {seed: seed.sql}}\n")
    window = folder / "com.inductiveautomation.vision/windows/W/window.yaml"
    window.parent.mkdir(parents=True)
    window.write_text(window_yaml)
    log: list[object] = []

    def setup(client: ClientSession) -> None:
        client.vision.windows = WindowManager(client)
        client.vision.dialogs = HeadlessDialogs(sim.output, {})
        client.scope.builtins["log"] = log

    sim.client_setup = setup
    client = sim.open_project(load_project(folder))
    assert client.vision.windows is not None
    [opened] = client.vision.windows.opened_windows()
    return client, opened, log


def test_a_table_bound_to_a_query_gets_the_rows_and_fires_property_change(
    sim: Simulation, tmp_path: Path, qtbot: QtBot
) -> None:
    client, opened, log = _open_window(sim, tmp_path, WINDOW, rows=(1, 2))
    table = opened.component("T")  # type: ignore[attr-defined]
    binding = start_client_query_binding(
        client,
        BindingSpec("query", "data", "SELECT a FROM t ORDER BY a", poll_ms=50),
        lambda value: setattr(table, "data", value),
    )
    qtbot.waitUntil(lambda: log == [(True, 2)])
    assert table.data.getColumnAsList("a") == [1, 2]
    assert sim.guard.violations() == []
    binding.stop()


BOUND_WINDOW = """
title: W
openOnStartup: true
rootContainer:
  components:
    - type: Table
      name: T
      bounds: [0, 0, 200, 100]
      bindings:
        data: {query: "SELECT a FROM t ORDER BY a", pollMs: 50}
      events:
        propertyChange: |
          if event.propertyName == "data":
              log.append(("data", event.newValue.getRowCount()))
    - type: Label
      name: Count
      bounds: [0, 110, 200, 24]
      bindings:
        text: {query: "SELECT COUNT(*) FROM t", pollMs: 50}
"""


def test_query_bindings_in_window_yaml_run_when_the_window_opens(
    sim: Simulation, tmp_path: Path, qtbot: QtBot
) -> None:
    """window.yaml's query bindings: the table gets rows, the label a scalar."""
    client, opened, log = _open_window(sim, tmp_path, BOUND_WINDOW, rows=(1,))
    qtbot.waitUntil(lambda: ("data", 1) in log)
    label = opened.component("Count")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: str(label.text) == "1")
    client.scope.system.db.runUpdateQuery("INSERT INTO t VALUES (2)")
    qtbot.waitUntil(lambda: str(label.text) == "2")  # it polls
    qtbot.waitUntil(lambda: ("data", 2) in log)
    assert sim.guard.violations() == []
    client.vision.windows.close_all() if hasattr(
        client.vision.windows, "close_all"
    ) else None
