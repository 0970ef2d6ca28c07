"""The Output Console shows every thread's prints and errors; filter, search, clear."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from tests.conftest import run
from visionsim.app.bridge import SimBridge
from visionsim.app.output_console import COLORS, OutputConsole
from visionsim.runtime import OutputLine

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Simulation

STAMP = r"\d\d:\d\d:\d\d\.\d\d\d"
WORKER_SCRIPT = """
    print("from gui")
    def work():
        print("from worker")
    system.util.invokeAsynchronous(work)
"""


@pytest.fixture
def console(qtbot: QtBot, sim: Simulation, client: ClientSession) -> OutputConsole:
    widget = OutputConsole(SimBridge(sim))
    qtbot.addWidget(widget)
    return widget


def wait_for(
    qtbot: QtBot, console: OutputConsole, needle: str, pane: str = "client"
) -> None:
    """Wait until ``needle`` is drawn in ``pane`` (flushing the batch each time)."""

    def check() -> None:
        console.flush()
        assert needle in console.text(pane)

    qtbot.waitUntil(check, timeout=3000)


def worker_thread(console: OutputConsole) -> str:
    [name] = [n for n in console.thread_names() if n.startswith("Thread-")]
    return name


def color_of(console: OutputConsole, needle: str, pane: str = "client") -> str:
    found = console.views[pane].document().find(needle)
    assert not found.isNull(), needle
    return found.charFormat().foreground().color().name()


def test_shows_output_printed_before_it_opened(console: OutputConsole) -> None:
    assert re.search(
        rf"^{STAMP} \[AWT-EventQueue-0\] ThreadingBasics client started",
        console.text("client"),
        re.MULTILINE,
    )


def test_gui_and_worker_prints_show_time_and_thread(
    qtbot: QtBot, sim: Simulation, client: ClientSession, console: OutputConsole
) -> None:
    run(client, WORKER_SCRIPT)
    assert sim.wait_idle(5)
    wait_for(qtbot, console, "from worker")
    text = console.text("client")
    assert re.search(rf"^{STAMP} \[AWT-EventQueue-0\] from gui$", text, re.MULTILINE)
    assert re.search(rf"^{STAMP} \[Thread-\d+\] from worker$", text, re.MULTILINE)
    assert color_of(console, "[AWT-EventQueue-0]") == COLORS["gui"]
    assert color_of(console, f"[{worker_thread(console)}]") == COLORS["other"]


def test_gateway_prints_land_in_the_wrapper_log_pane_only(
    qtbot: QtBot, sim: Simulation, client: ClientSession, console: OutputConsole
) -> None:
    sim.gateway.run_script(client.project_name, "print('gw says hi')", "x.py")
    assert sim.wait_idle(5)
    wait_for(qtbot, console, "gw says hi", pane="gateway")
    assert re.search(
        rf"^{STAMP} \[gateway-[^\]]+\] gw says hi$", console.text("gateway"), re.M
    )
    assert "gw says hi" not in console.text("client")


def test_errors_are_red_in_their_scope_pane(
    qtbot: QtBot, sim: Simulation, client: ClientSession, console: OutputConsole
) -> None:
    assert not client.run_script("x = 1\nunknown_name\n", "Main/Broken")
    sim.gateway.run_script(client.project_name, "1 / 0", "gw/broken.py")
    assert sim.wait_idle(5)
    wait_for(qtbot, console, "ZeroDivisionError", pane="gateway")
    client_text = console.text("client")
    assert (
        "Error in script in Main/Broken, line 2 on thread AWT-EventQueue-0"
        in client_text
    )
    assert "NameError" in client_text
    assert "ZeroDivisionError" not in client_text
    assert color_of(console, "NameError") == COLORS["error"]
    assert color_of(console, "ZeroDivisionError", pane="gateway") == COLORS["error"]


def test_thread_filter_shows_one_threads_lines(
    qtbot: QtBot, sim: Simulation, client: ClientSession, console: OutputConsole
) -> None:
    run(client, WORKER_SCRIPT)
    assert sim.wait_idle(5)
    wait_for(qtbot, console, "from worker")
    worker = worker_thread(console)
    assert "AWT-EventQueue-0" in console.thread_names()
    console.set_thread_filter(worker)
    assert "from worker" in console.text()
    assert "from gui" not in console.text()
    run(client, 'print("later from gui")')
    console.flush()
    assert "later from gui" not in console.text()
    console.set_thread_filter(None)
    assert "from gui" in console.text()
    assert "later from gui" in console.text()


def test_search_counts_and_finds_matches(
    client: ClientSession, console: OutputConsole
) -> None:
    run(client, "for word in ['apple', 'Apple pie', 'banana', 'APPLE']:\n print(word)")
    console.flush()
    assert console.search("apple") == 3
    assert console.match_label.text() == "3 matches"
    assert len(console.views["client"].extraSelections()) == 3
    assert console.find_next()
    assert console.views["client"].textCursor().selectedText().lower() == "apple"
    assert console.search("banana") == 1
    assert console.search("") == 0
    assert console.views["client"].extraSelections() == []


def test_clear_empties_both_panes_and_keeps_following(
    client: ClientSession, console: OutputConsole
) -> None:
    run(client, "print('before')")
    console.flush()
    console.clear()
    assert console.text("client") == ""
    assert console.text("gateway") == ""
    run(client, "print('after')")
    console.flush()
    assert "after" in console.text()
    assert "before" not in console.text()


def test_unterminated_prints_continue_the_same_line(
    client: ClientSession, console: OutputConsole
) -> None:
    # Python 2's softspace: "print x," leaves a space for the next item
    run(client, "print 'a',\nprint 'b',\nprint 'c'")
    console.flush()
    assert re.search(rf"^{STAMP} \[AWT-EventQueue-0\] a b c$", console.text(), re.M)


def test_a_replayed_history_line_is_not_shown_twice(
    sim: Simulation, client: ClientSession, console: OutputConsole
) -> None:
    last = sim.output.history()[-1]
    console._bridge.line_printed.emit(last)  # arrived both ways
    console.flush()
    assert console.text().count(last.text) == 1
    run(client, "print('new')")
    console.flush()
    assert "new" in console.text()


def test_a_print_flood_is_drawn_in_batches(
    qtbot: QtBot, sim: Simulation, client: ClientSession, console: OutputConsole
) -> None:
    draws = []
    console.views["client"].document().contentsChange.connect(
        lambda *args: draws.append(args)
    )
    run(
        client,
        """
        def flood():
            for i in range(5000):
                print "flood", i
        system.util.invokeAsynchronous(flood)
        """,
    )
    assert sim.wait_idle(10)
    wait_for(qtbot, console, "flood 4999")
    lines = [ln for ln in console.text().splitlines() if "] flood " in ln]
    assert len(lines) == 5000
    assert lines[0].endswith("flood 0")
    assert len(draws) < 100  # one edit block per flush, not one per line


def test_a_flood_beyond_the_limit_keeps_the_newest_lines(
    qtbot: QtBot, sim: Simulation, client: ClientSession
) -> None:
    console = OutputConsole(SimBridge(sim), max_lines=100)
    qtbot.addWidget(console)
    run(client, "for i in range(500):\n    print 'n', i")
    console.flush()
    view = console.views["client"]
    assert view.blockCount() <= 100
    assert "n 499" in console.text()
    assert "n 0\n" not in console.text()


def test_thread_names_list_the_gui_thread_first_then_natural_order(
    console: OutputConsole,
) -> None:
    for thread in ("Thread-10", "Thread-9", "AWT-EventQueue-0", "Thread-100"):
        console._bridge.line_printed.emit(OutputLine(0.0, thread, "client", "x\n"))
    console.flush()
    names = [n for n in console.thread_names() if not n.startswith("gateway-")]
    assert names == [
        "AWT-EventQueue-0",
        "Thread-9",
        "Thread-10",
        "Thread-100",
    ]


def test_a_failed_request_nobody_observed_is_reported_after_a_grace(
    qtbot: QtBot, sim: Simulation, client: ClientSession
) -> None:
    sim.bus.unobserved_grace_s = 0.0  # the app's is 2 s
    console = OutputConsole(SimBridge(sim))
    qtbot.addWidget(console)
    run(
        client,
        """
        system.util.sendRequestAsync("ThreadingBasics", "noSuchHandler")
        def on_error(error):
            print("handled: %s" % type(error).__name__)
        system.util.sendRequestAsync("ThreadingBasics", "alsoMissing", onError=on_error)
        """,
    )
    wait_for(qtbot, console, "(unobserved)")
    wait_for(qtbot, console, "handled: MessageHandlerException")
    text = console.text("client")
    assert "noSuchHandler" in text
    assert text.count("(unobserved)") == 1  # the one with onError was observed
