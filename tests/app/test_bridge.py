"""The bridge from the simulation's sinks to Qt signals on the GUI thread."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from visionsim.app.bridge import SimBridge

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from visionsim.runtime import Simulation


def test_a_bridge_is_freed_when_its_users_let_go(sim: Simulation) -> None:
    bridge = SimBridge(sim)
    ref = weakref.ref(bridge)
    del bridge
    assert ref() is None  # by reference count, here, not by a later GC run
    sim.output.write("nobody listens\n")  # its listener is a no-op now


def test_a_worker_print_arrives_as_a_signal_on_the_gui_thread(
    qtbot: QtBot, sim: Simulation
) -> None:
    import threading

    bridge = SimBridge(sim)
    seen: list[tuple[str, bool]] = []
    bridge.line_printed.connect(
        lambda line: seen.append(
            (line.text, threading.current_thread() is threading.main_thread())
        )
    )
    worker = threading.Thread(target=sim.output.write, args=("from a worker\n",))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [("from a worker\n", True)]
