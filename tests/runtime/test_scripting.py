"""Scripting scopes: the scope-bound ``system``, imports, output and errors."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pytest

from tests.conftest import run

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Simulation


def test_import_system_in_a_nested_function_resolves_to_the_callers_scope(
    sim: Simulation, client: ClientSession
) -> None:
    """The manual's example imports system inside the async function."""
    run(
        client,
        """
        def longProcess():
            import system
            def sendBack():
                import system as s2
                print "back", s2.util.getProjectName(), hasattr(s2.util, "invokeLater")
            system.util.invokeLater(sendBack)
        system.util.invokeAsynchronous(longProcess)
        """,
    )
    assert sim.wait_idle(5)
    texts = [line.text for line in sim.output.history()]
    assert "back ThreadingBasics True\n" in texts
    assert sim.errors.reports() == []


def test_from_system_imports_work(client: ClientSession) -> None:
    run(
        client,
        """
        from system import util
        import system.util
        from java.lang import Thread
        import java.lang
        assert util.getProjectName() == system.util.getProjectName()
        assert java.lang.Thread is Thread
        """,
    )


def test_gateway_scope_has_no_invoke_later_gui_or_vision(
    sim: Simulation, client: ClientSession
) -> None:
    gateway_system = sim.gateway.scopes["ThreadingBasics"].system
    assert hasattr(gateway_system.util, "invokeAsynchronous")
    for missing in ("invokeLater", "getClientId"):
        with pytest.raises(AttributeError):
            getattr(gateway_system.util, missing)
    with pytest.raises(AttributeError):
        gateway_system.vision  # noqa: B018 - the access is the test
    assert hasattr(client.scope.system, "vision")


def test_gateway_script_runs_on_a_gateway_thread(
    sim: Simulation, client: ClientSession
) -> None:
    sim.gateway.run_script(
        "ThreadingBasics",
        "from java.lang import Thread\n"
        "print(Thread.currentThread().getName())\n"
        "system.util.invokeLater(len)\n",
        "console.py",
    )
    assert sim.wait_idle(5)
    line = [ln for ln in sim.output.history() if ln.scope == "gateway"][-1]
    assert line.text.startswith("gateway-local-")
    assert line.thread == line.text.strip()
    [report] = sim.errors.reports()
    assert report.exc_type == "AttributeError"
    assert "invokeLater" in report.message
    assert str(report.location) == "console.py, line 3"


def test_vision_83_alias_invoke_later_runs_on_gui_thread(
    sim: Simulation, client: ClientSession
) -> None:
    hits: list[int] = []
    run(client, "system.vision.invokeLater(lambda: hits.append(1))")
    client.scope.system.vision.invokeLater(lambda: hits.append(threading.get_ident()))
    assert sim.wait_idle(5)
    assert hits[-1] == threading.get_ident()


def test_print_from_every_thread_is_captured_in_execution_order(
    sim: Simulation, client: ClientSession
) -> None:
    run(
        client,
        """
        print "1 gui"
        def again():
            print "3 gui again"
        def work():
            print "2 worker"
            system.util.invokeLater(again)
        t = system.util.invokeAsynchronous(work)
        t.join()
        """,
    )
    assert sim.wait_idle(5)
    lines = [(ln.text, ln.thread) for ln in sim.output.history()][-3:]
    assert [text for text, _ in lines] == ["1 gui\n", "2 worker\n", "3 gui again\n"]
    assert lines[0][1] == lines[2][1] == "AWT-EventQueue-0"
    assert lines[1][1].startswith("Thread-")


def test_print_keeps_sep_end_and_file(
    client: ClientSession, sim: Simulation, capsys: pytest.CaptureFixture[str]
) -> None:
    run(
        client,
        """
        from __future__ import print_function
        import sys
        print("a", "b", sep="-", end="!")
        print("to stderr", file=sys.stderr)
        """,
    )
    assert sim.output.history()[-1].text == "a-b!"
    assert "to stderr" in capsys.readouterr().err


def test_script_error_names_the_script_and_line(
    sim: Simulation, client: ClientSession
) -> None:
    ok = client.run_script(
        "x = 1\ny = 2\nz = x / 0\n", "Main/Root Container/Go.actionPerformed"
    )
    assert not ok
    [report] = sim.errors.reports()
    assert str(report.location) == "Main/Root Container/Go.actionPerformed, line 3"
    assert 'File "Main/Root Container/Go.actionPerformed", line 3' in report.traceback
    assert "z = x / 0" in report.traceback
    assert "runtime" not in report.traceback  # visionsim's own frames are hidden


def test_syntax_error_names_the_script_and_line(
    sim: Simulation, client: ClientSession
) -> None:
    # Python 3's print(..., end=...) is a syntax error in Jython 2.7 too
    script = "a = 1\nprint('hello', end='')\n"
    assert not client.run_script(script, "Main/Label.propertyChange")
    [report] = sim.errors.reports()
    assert report.exc_type == "SyntaxError"
    assert str(report.location) == "Main/Label.propertyChange, line 2"


def test_java_names_scripts_use(sim: Simulation, client: ClientSession) -> None:
    run(
        client,
        """
        import java
        from java.lang import Thread, System, InterruptedException
        from javax.swing import SwingUtilities
        assert Thread.currentThread().getName() == "AWT-EventQueue-0"
        assert SwingUtilities.isEventDispatchThread()
        assert System.currentTimeMillis() > 0
        try:
            raise InterruptedException("x")
        except java.lang.Exception as e:
            assert e.getMessage() == "x"
        seen = []
        def on_worker():
            seen.append(SwingUtilities.isEventDispatchThread())
            edt = SwingUtilities.isEventDispatchThread
            SwingUtilities.invokeLater(lambda: seen.append(edt()))
        system.util.invokeAsynchronous(on_worker)
        """,
    )
    assert sim.wait_idle(5)
    assert sim.errors.reports() == []


def test_get_project_name_and_client_id(client: ClientSession) -> None:
    util = client.scope.system.util
    assert util.getProjectName() == "ThreadingBasics"
    client_id = util.getClientId()
    assert len(client_id) == 8
    assert int(client_id, 16) >= 0


def test_invoke_later_error_names_the_line_that_scheduled_it(
    sim: Simulation, client: ClientSession
) -> None:
    run(
        client,
        """
        def update():
            raise ValueError("stale")

        x = 1
        system.util.invokeLater(update)
        """,
        name="Main/Table.propertyChange",
    )
    assert sim.wait_idle(5)
    [report] = sim.errors.reports()
    assert str(report.location) == "Main/Table.propertyChange, line 3"
    assert report.scheduled_from is not None
    assert 'File "Main/Table.propertyChange", line 6, in <module>' in (
        report.scheduled_from
    )


def test_session_info_lists_the_gateways_clients(
    sim: Simulation, client: ClientSession
) -> None:
    second = sim.add_client(client.project, host_name="hmi-2", user_name="bob")
    info = client.scope.system.util.getSessionInfo()
    assert info.getColumnNames() == [
        "username",
        "project",
        "address",
        "isDesigner",
        "clientId",
        "creationTime",
    ]
    assert info.getRowCount() == 2
    bob = client.scope.system.util.getSessionInfo("bob")
    assert bob.getRowCount() == 1
    assert bob.getValueAt(0, "clientId") == second.client_id
    assert bob.getValueAt(0, "address") == "hmi-2"
    gateway_view = sim.gateway.scopes["ThreadingBasics"].system.util.getSessionInfo()
    assert gateway_view.getRowCount() == 2


def test_thread_dump_names_the_gui_thread_and_tasks(
    qtbot: QtBot, sim: Simulation, client: ClientSession
) -> None:
    release = threading.Event()
    client.scope.system.util.invokeAsynchronous(release.wait, [10], description="d")
    qtbot.waitUntil(lambda: client.workers.running()[0].is_started)
    dump = client.scope.system.util.threadDump()
    release.set()
    assert '"AWT-EventQueue-0"' in dump
    assert '"Thread-' in dump
    assert "java.lang.Thread.State:" in dump
    assert sim.wait_idle(5)
