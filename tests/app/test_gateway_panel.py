"""The Gateway panel: the gateway tree, its Running Scripts and the network links."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pytest

from visionsim.app.gateway_panel import GatewayPanel

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import Project, Simulation

GATEWAY = """
messageHandlers:
  record:
    threading: Shared
    script: |
      release.wait(10)
  audit:
    threading: Dedicated
    script: |
      pass
"""


@pytest.fixture
def project(make_project: Callable[..., Project]) -> Project:
    return make_project(gateway_events=GATEWAY)


@pytest.fixture
def panel(qtbot: QtBot, sim: Simulation, project: Project) -> GatewayPanel:
    sim.open_project(project)
    widget = GatewayPanel(sim)
    qtbot.addWidget(widget)
    return widget


def test_tree_lists_projects_handlers_with_threading_and_pools(
    panel: GatewayPanel,
) -> None:
    assert panel.tree_text() == [
        "Gateway local: this gateway",
        "Shared pool: 4 threads, 0 running, 0 queued",
        "Dedicated pool Proj/audit: 1 thread, 0 running, 0 queued",
        "Project Proj: 2 message handlers",
        "record: Shared",
        "audit: Dedicated",
    ]


def test_shared_pool_line_counts_running_and_queued_handlers(
    qtbot: QtBot, panel: GatewayPanel, sim: Simulation
) -> None:
    release = threading.Event()
    sim.gateway.scopes["Proj"].builtins["release"] = release
    send = sim.clients[0].scope.system.util.sendMessage
    for _ in range(5):
        send("Proj", "record", scope="G")

    def five_taken() -> None:
        panel.refresh()
        assert "Shared pool: 4 threads, 4 running, 1 queued" in panel.tree_text()

    qtbot.waitUntil(five_taken)
    release.set()
    assert sim.wait_idle(5)
    panel.refresh()
    assert "Shared pool: 4 threads, 0 running, 0 queued" in panel.tree_text()


ASYNC_EXPORT = """
import time
def export():
    time.sleep(60)
system.util.invokeAsynchronous(export, description="Nightly export")
"""


def test_gateway_running_scripts_list_and_terminate_a_gateway_task(
    qtbot: QtBot, panel: GatewayPanel, sim: Simulation
) -> None:
    sim.gateway.run_script("Proj", ASYNC_EXPORT, "Proj/export", "Start export")

    def only_the_export_runs() -> None:
        panel.refresh()
        assert [row[1] for row in panel.running_rows()] == ["Nightly export"]

    qtbot.waitUntil(only_the_export_runs)
    assert panel.terminate_row(0)
    assert sim.wait_idle(5)
    panel.refresh()
    assert panel.running_rows() == []
    assert sim.errors.reports() == []


def test_selecting_a_remote_gateway_shows_its_running_scripts(
    panel: GatewayPanel, sim: Simulation, make_project: Callable[..., Project]
) -> None:
    remote = sim.add_remote("Plant2", make_project("Remote"))
    remote.run_script("Remote", "import time\ntime.sleep(60)\n", "R/t", "Remote job")
    panel.refresh()
    assert panel.running_rows() == []  # the local gateway is shown first
    panel.select_gateway("Plant2")
    assert [row[1] for row in panel.running_rows()] == ["Remote job"]
    panel.select_gateway("local")
    panel.select_gateway("Plant2")  # back again: its rows come back too
    assert [row[1] for row in panel.running_rows()] == ["Remote job"]
    assert "Gateway Plant2: remote, connected" in panel.tree_text()


def test_link_fault_and_latency_toggles_reach_the_network(
    panel: GatewayPanel, sim: Simulation, make_project: Callable[..., Project]
) -> None:
    sim.add_remote("Plant2", make_project("Remote"))
    panel.refresh()
    assert panel.link_rows() == [("Plant2", "connected", 0, 10.0)]
    panel.set_link_faulted("Plant2", True)
    panel.set_link_latency("Plant2", 250)
    link = sim.network.link("Plant2")
    assert (link.state, link.latency_ms) == ("faulted", 250.0)
    assert panel.link_rows() == [("Plant2", "faulted", 250, 10.0)]
    assert "Gateway Plant2: remote, faulted, 250 ms" in panel.tree_text()
    panel.set_link_faulted("Plant2", False)
    assert sim.network.link("Plant2").is_connected


def test_links_changed_elsewhere_show_on_refresh(
    panel: GatewayPanel, sim: Simulation, make_project: Callable[..., Project]
) -> None:
    sim.add_remote("Plant2", make_project("Remote"))
    panel.refresh()
    sim.network.configure("Plant2", state="faulted", connect_timeout_s=2.5)
    panel.refresh()
    assert panel.link_rows() == [("Plant2", "faulted", 0, 2.5)]
    assert sim.network.link("Plant2").latency_ms == 0.0  # no echo of the refresh


def test_the_tree_goes_above_the_details_in_a_tall_narrow_dock(
    qtbot: QtBot, panel: GatewayPanel
) -> None:
    from PySide6.QtCore import Qt

    panel.show()
    panel.resize(360, 900)
    qtbot.waitUntil(lambda: panel.splitter.orientation() == Qt.Orientation.Vertical)
    panel.resize(1200, 500)
    qtbot.waitUntil(lambda: panel.splitter.orientation() == Qt.Orientation.Horizontal)
