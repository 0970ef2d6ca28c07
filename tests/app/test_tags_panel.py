"""The Tags panel: providers, live values and qualities, writing a value."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings

from tests.runtime.tags.conftest import SIM_PERIOD_S, write_tag_project
from visionsim.app.main_window import MainWindow
from visionsim.app.tags_panel import TagsPanel
from visionsim.runtime import load_project

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QTreeWidgetItem
    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Simulation


@pytest.fixture
def tag_client(sim: Simulation, tmp_path: Path) -> ClientSession:
    sim.gateway.tags.engine.sim_period_s = SIM_PERIOD_S
    return sim.open_project(load_project(write_tag_project(tmp_path)))


@pytest.fixture
def panel(qtbot: QtBot, tag_client: ClientSession) -> TagsPanel:
    widget = TagsPanel(lambda: tag_client.tags)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def item_at(panel: TagsPanel, *names: str) -> QTreeWidgetItem:
    """Expand down to ``names`` (``"[default]", "Line1", "Speed"``)."""
    tree = panel.tree
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    found: QTreeWidgetItem | None = None
    for name in names:
        found = next(i for i in items if i is not None and i.text(0) == name)
        found.setExpanded(True)
        items = [found.child(i) for i in range(found.childCount())]
    assert found is not None
    return found


def test_the_providers_the_client_sees_are_listed(panel: TagsPanel) -> None:
    tree = panel.tree
    names = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert names == ["[System]", "[client]", "[default]"]


def test_a_tag_shows_value_quality_and_type(panel: TagsPanel) -> None:
    speed = item_at(panel, "[default]", "Line1", "Speed")
    assert (speed.text(1), speed.text(2), speed.text(3)) == ("7", "Good", "Int4")
    user = item_at(panel, "[System]", "Client", "User", "Username")
    assert user.text(1) == "admin"
    expr = item_at(panel, "[default]", "Expr")
    assert expr.text(2).startswith("Bad_Unsupported")


def test_values_update_live_without_listening_to_tags(
    qtbot: QtBot, panel: TagsPanel, tag_client: ClientSession
) -> None:
    sine = item_at(panel, "[default]", "Sim", "Sine0")
    tag = panel._live[sine][0]
    listeners = list(tag.listeners)
    first = sine.text(1)
    qtbot.waitUntil(lambda: sine.text(1) != first)
    assert tag.listeners == listeners  # polled in batches, never subscribed


def test_writing_a_value_from_the_panel(
    qtbot: QtBot, panel: TagsPanel, tag_client: ClientSession
) -> None:
    speed = item_at(panel, "[default]", "Line1", "Speed")
    panel.tree.setCurrentItem(speed)
    assert panel.value_edit.text() == "7"
    panel.value_edit.setText("12")
    panel.write_button.click()
    assert tag_client.tags.read("Line1/Speed").value == 12
    assert speed.text(1) == "12"
    assert panel.result_label.text().endswith(": Good")
    panel.tree.setCurrentItem(item_at(panel, "[System]", "Client", "User", "Username"))
    panel.value_edit.setText("eve")
    panel.value_edit.returnPressed.emit()
    assert panel.result_label.text().endswith("Bad_ReadOnly")


def test_tags_added_later_appear(
    qtbot: QtBot, panel: TagsPanel, tag_client: ClientSession
) -> None:
    line2 = item_at(panel, "[default]", "Line2")
    tag_client.scope.system.tag.configure("Line2", [{"name": "New", "value": 1}])
    qtbot.waitUntil(lambda: line2.childCount() == 2)
    assert line2.child(1).text(0) == "New"


def test_the_main_window_has_a_tags_dock(qtbot: QtBot, tmp_path: Path) -> None:
    folder = write_tag_project(tmp_path)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(folder, settings=settings)
    qtbot.addWidget(window)
    window.show()
    panel = window.panels["Tags"]
    assert isinstance(panel, TagsPanel)
    client = window.current_client()
    assert client is not None
    assert item_at(panel, "[client]", "Selected").text(1) == "1"


def test_the_tags_dock_follows_the_current_client_and_reloads(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = write_tag_project(tmp_path)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(folder, settings=settings)
    qtbot.addWidget(window)
    window.show()
    panel = window.panels["Tags"]
    assert isinstance(panel, TagsPanel)
    first = window.current_client()
    assert first is not None
    first.tags.write("[client]Selected", 5)
    second = window.add_client("panel-2", "bob")
    panel.refresh()
    assert item_at(panel, "[client]", "Selected").text(1) == "1"  # bob's own
    user = item_at(panel, "[System]", "Client", "User", "Username")
    assert user.text(1) == "bob"
    assert second is window.current_client()
    assert window.reload()
    reloaded = window.panels["Tags"]
    assert isinstance(reloaded, TagsPanel)
    assert reloaded is not panel
    assert item_at(reloaded, "[default]", "Line1", "Speed").text(1) == "7"
