"""The app reads at first sight: every panel's key parts in view, plain names."""

from __future__ import annotations

import textwrap
import threading
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTabWidget

from tests.conftest import SAMPLES
from visionsim.app.diagnostics import DiagnosticsPanel, RunningScriptsView
from visionsim.app.gateway_panel import GatewayPanel
from visionsim.app.main_window import MainWindow
from visionsim.app.timeline import TimelineWidget
from visionsim.app.timeline_model import TimelineModel
from visionsim.runtime import Tracer

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Simulation
    from visionsim.widgets import VisionWindow

SIZES = {"default": None, "1280x1024": (1280, 1024)}


@pytest.fixture(params=list(SIZES))
def app(request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(SAMPLES / "ThreadingBasics", settings=settings)
    qtbot.addWidget(window)
    size = SIZES[request.param]
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.panels["Diagnostics"].isVisible())
    return window


def _main(app: MainWindow) -> VisionWindow:
    client = app.current_client()
    assert client is not None
    return client.vision.windows.opened_windows()[0]  # type: ignore[union-attr,return-value]


def _in_view(header: QHeaderView, column: int) -> bool:
    left = header.sectionViewportPosition(column)
    return (
        not header.isSectionHidden(column)
        and left >= 0
        and left + header.sectionSize(column) <= header.width()
    )


def test_every_diagnostics_tab_shows_its_whole_name(app: MainWindow) -> None:
    panel = app.panels["Diagnostics"]
    assert isinstance(panel, QTabWidget)
    bar = panel.tabBar()
    for index in range(bar.count()):
        assert bar.rect().contains(bar.tabRect(index)), bar.tabText(index)


def test_running_scripts_shows_elapsed_and_terminate(
    qtbot: QtBot, app: MainWindow
) -> None:
    panel = app.panels["Diagnostics"]
    assert isinstance(panel, DiagnosticsPanel)
    qtbot.mouseClick(
        _main(app).components["Root Container/Start"].widget, Qt.LeftButton
    )

    def listed() -> bool:
        panel.refresh()
        return bool(panel.running_rows())

    qtbot.waitUntil(listed)
    header = panel.running.table.horizontalHeader()
    assert _in_view(header, 3), "Elapsed"
    assert _in_view(header, 4), "Terminate"
    assert panel.running.table.cellWidget(0, 4).isVisible()
    assert app.sim.wait_idle(5)


def test_the_gateway_tree_shows_its_details(qtbot: QtBot, app: MainWindow) -> None:
    app.docks["Gateway"].raise_()
    panel = app.panels["Gateway"]
    assert isinstance(panel, GatewayPanel)
    qtbot.waitUntil(panel.isVisible)
    panel.refresh()
    tree = panel.tree
    pool = tree.topLevelItem(0).child(0)
    assert pool.text(0) == "Shared pool"
    detail = pool.text(1)
    assert "threads" in detail
    left = tree.header().sectionViewportPosition(1)
    width = QFontMetrics(tree.font()).horizontalAdvance(detail)
    assert left + width < tree.header().width(), detail


def test_the_timeline_names_every_lane_in_full(app: MainWindow) -> None:
    timeline = app.panels["Thread Timeline"]
    assert isinstance(timeline, TimelineWidget)
    assert app.sim.wait_idle(5)
    timeline.refresh()
    view = timeline.view
    rows = view.lane_rows()
    assert rows, "no lanes"
    bold = QFontMetrics(view._bold)
    for row in rows:  # the gutter leaves 22 px of padding around the name
        assert bold.horizontalAdvance(row.title) <= view.gutter_w - 22, row.title


def test_reset_layout_puts_every_panel_back(app: MainWindow) -> None:
    docks = app.docks
    docks["Diagnostics"].setFloating(True)
    docks["Thread Timeline"].hide()
    app.removeDockWidget(docks["Gateway"])
    app.reset_layout_action.trigger()
    for title, dock in docks.items():
        assert not dock.isFloating(), title
        assert dock.toggleViewAction().isChecked(), title
    right = Qt.DockWidgetArea.RightDockWidgetArea
    assert app.dockWidgetArea(docks["Diagnostics"]) == right
    assert app.dockWidgetArea(docks["Gateway"]) == right
    assert docks["Diagnostics"].isVisible()  # in front of the Gateway tab
    assert docks["Thread Timeline"].isVisible()


def test_a_narrow_running_scripts_drops_the_start_time_first(qtbot: QtBot) -> None:
    view = RunningScriptsView(lambda: None)
    qtbot.addWidget(view)
    view.resize(440, 200)
    view.show()
    qtbot.waitExposed(view)
    view.refresh()
    header = view.table.horizontalHeader()
    assert header.isSectionHidden(2)  # Execution Start
    assert _in_view(header, 3)
    assert _in_view(header, 4)
    view.resize(900, 200)
    view.refresh()
    assert not header.isSectionHidden(2)


NESTED = """
import time
def longProcess():
    def sendBack():
        end = time.time() + 0.07
        while time.time() < end:
            pass  # a long task on the GUI thread
    system.util.invokeLater(sendBack)
system.util.invokeAsynchronous(longProcess, description="load")
"""


def test_timeline_details_use_the_learners_names(
    qtbot: QtBot, sim: Simulation, client: ClientSession
) -> None:
    timeline = TimelineWidget(sim)
    qtbot.addWidget(timeline)
    assert client.run_script(textwrap.dedent(NESTED), "Main/Start.actionPerformed")
    assert sim.wait_idle(5)
    timeline.refresh()
    texts = []
    for item in timeline.items():
        timeline.select(item)
        texts.append(timeline.details_text())
    joined = "\n".join(texts)
    assert "sendBack (in longProcess)" in joined
    assert "stall" in joined
    assert "<locals>" not in joined
    assert "live:" not in joined


def test_a_lane_nobody_named_is_not_labelled_with_its_number() -> None:
    tracer = Tracer()
    tracer.record("X", 987654, "task", "work", duration=10)
    model = TimelineModel(tracer)
    model.poll()
    lane = model.lane(987654)
    assert lane is not None
    assert "987654" not in lane.name
    assert lane.name == "unnamed thread 1"


def test_a_lane_of_an_unknown_thread_is_named_after_the_thread(qtbot: QtBot) -> None:
    tracer = Tracer()
    done = threading.Event()
    worker = threading.Thread(target=done.wait, name="link-Plant2", daemon=True)
    worker.start()
    assert worker.ident is not None
    tracer.record("i", worker.ident, "invokeLater", "show")
    model = TimelineModel(tracer)
    model.poll()
    done.set()
    lane = model.lane(worker.ident)
    assert lane is not None
    assert lane.name == "link-Plant2"
