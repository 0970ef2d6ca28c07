"""The Project panel: every window listed without decoding, opened on double-click."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from tests.conftest import SAMPLES
from visionsim.app.main_window import MainWindow
from visionsim.app.project_browser import ProjectBrowser

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot


def _app(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(SAMPLES / "ThreadingBasics", settings=settings)
    qtbot.addWidget(window)
    return window


def test_the_project_panel_lists_every_window_in_its_folders(
    qtbot: QtBot, tmp_path: Path
) -> None:
    app = _app(qtbot, tmp_path)
    browser = app.panels["Project"]
    assert isinstance(browser, ProjectBrowser)
    client = app.current_client()
    assert client is not None
    assert browser.window_items() == sorted(client.project.windows)
    top = browser.tree.topLevelItem(0)
    assert top.text(0) == f"Windows ({len(client.project.windows)})"
    app.close()


def test_activating_a_window_opens_it_in_the_current_client(
    qtbot: QtBot, tmp_path: Path
) -> None:
    app = _app(qtbot, tmp_path)
    browser = app.panels["Project"]
    assert isinstance(browser, ProjectBrowser)
    client = app.current_client()
    assert client is not None
    assert client.vision.windows is not None
    closed = [
        path
        for path in browser.window_items()
        if path not in {w.path for w in client.vision.windows.opened_windows()}
    ]
    assert closed, "the sample project opens only some windows at start"
    path = closed[0]
    stack = [browser.tree.invisibleRootItem()]
    item = None
    while stack and item is None:
        node = stack.pop()
        if node.toolTip(0) == path:
            item = node
        stack.extend(node.child(i) for i in range(node.childCount()))
    assert item is not None
    browser.tree.itemActivated.emit(item, 0)
    assert path in {w.path for w in client.vision.windows.opened_windows()}
    assert browser.status.text() == f"Opened {path}."
    app.close()


def test_an_unknown_window_says_why_instead_of_raising(
    qtbot: QtBot, tmp_path: Path
) -> None:
    app = _app(qtbot, tmp_path)
    browser = app.panels["Project"]
    assert isinstance(browser, ProjectBrowser)
    assert not browser.open_window("No/Such")
    assert browser.status.text().startswith("Cannot open No/Such")
    app.close()
