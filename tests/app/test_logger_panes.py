"""Loggers in the app: the Output Console's client and gateway panes, never the
Script Console's own pane (as in Ignition's Designer)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from visionsim.app.bridge import SimBridge
from visionsim.app.output_console import OutputConsole
from visionsim.app.script_console import ScriptConsole

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Simulation


def test_loggers_print_to_the_output_console_panes_of_their_scope(
    qtbot: QtBot, sim: Simulation, client: ClientSession
) -> None:
    output = OutputConsole(SimBridge(sim))
    qtbot.addWidget(output)
    console = ScriptConsole(sim, lambda: client)
    qtbot.addWidget(console)
    console.set_source("system.util.getLogger('UI').info('clicked')\nprint('shown')")
    assert console.run()
    sim.gateway.run_script(
        "ThreadingBasics", "system.util.getLogger('GW').error('down')\n", "gw.py"
    )
    assert sim.wait_idle(5)
    output.flush()
    assert "shown" in console.output_text()
    assert "INFO  [UI]" not in console.output_text()
    assert "INFO  [UI] clicked" in output.text("client")

    def gateway_pane_shows_the_log() -> None:  # queued from the gateway thread
        output.flush()
        assert "ERROR [GW] down" in output.text("gateway")

    qtbot.waitUntil(gateway_pane_shows_the_log)
    assert "[GW]" not in output.text("client")
