"""The Script Console runs in the client scope and keeps its synchronous prints."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.conftest import write_project
from visionsim.app.bridge import SimBridge
from visionsim.app.output_console import OutputConsole
from visionsim.app.script_console import SCRIPT_NAME, ScriptConsole
from visionsim.runtime import load_project
from visionsim.runtime.library import LIBRARY

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from visionsim.app.python_highlighter import PythonHighlighter
    from visionsim.runtime import ClientSession, Simulation


@pytest.fixture
def output(qtbot: QtBot, sim: Simulation, client: ClientSession) -> OutputConsole:
    widget = OutputConsole(SimBridge(sim))
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def console(qtbot: QtBot, sim: Simulation, client: ClientSession) -> ScriptConsole:
    widget = ScriptConsole(sim, lambda: client)
    qtbot.addWidget(widget)
    return widget


def run_source(console: ScriptConsole, source: str) -> bool:
    console.set_source(textwrap.dedent(source))
    return console.run()


def test_a_synchronous_print_goes_to_the_console_only(
    sim: Simulation, console: ScriptConsole, output: OutputConsole
) -> None:
    assert run_source(console, "print(1 + 1)\nprint 'a', 'b'")
    assert console.output_text() == ">>> print(1 + 1) …\n2\na b\n"
    output.flush()
    assert "] 2\n" not in output.text()
    assert "a-b" not in output.text()
    assert all(line.text != "2\n" for line in sim.output.history())


def test_prints_from_async_threads_go_to_the_output_console(
    qtbot: QtBot, sim: Simulation, console: ScriptConsole, output: OutputConsole
) -> None:
    source = """
        def work():
            print("from the worker")
        system.util.invokeAsynchronous(work)
        def later():
            print("from invokeLater")
        system.util.invokeLater(later)
        print("sync")
    """
    assert run_source(console, source)
    assert sim.wait_idle(5)

    def check() -> None:
        output.flush()
        assert "] from the worker\n" in output.text()
        assert "[AWT-EventQueue-0] from invokeLater\n" in output.text()

    qtbot.waitUntil(check, timeout=3000)
    assert "sync" in console.output_text()
    assert "from the worker" not in console.output_text()
    assert "from invokeLater" not in console.output_text()


def test_a_runtime_error_names_the_console_and_line(
    sim: Simulation, console: ScriptConsole
) -> None:
    assert not run_source(console, "print('start')\nx = 1 / 0\n")
    text = console.output_text()
    assert "start\n" in text
    assert f'File "{SCRIPT_NAME}", line 2' in text
    assert "ZeroDivisionError" in text
    report = sim.errors.reports()[-1]  # the error sink still gets it
    assert report.exc_type == "ZeroDivisionError"
    assert str(report.location) == f"{SCRIPT_NAME}, line 2"


def test_a_syntax_error_names_the_console_and_line(console: ScriptConsole) -> None:
    assert not run_source(console, "x = 1\nif x\n    pass\n")
    text = console.output_text()
    assert f'File "{SCRIPT_NAME}", line 2' in text
    assert "SyntaxError" in text


def test_ctrl_enter_runs_the_editor_text(qtbot: QtBot, console: ScriptConsole) -> None:
    console.set_source("print('via keys')")
    qtbot.keyClick(
        console.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert "via keys\n" in console.output_text()
    assert console.source() == "print('via keys')"  # no newline typed
    qtbot.keyClick(
        console.editor, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier
    )
    assert console.output_text().count("via keys\n") == 2


def test_a_library_function_run_synchronously_prints_to_the_console(
    qtbot: QtBot, make_sim: object, tmp_path: Path
) -> None:
    folder = write_project(tmp_path, "Lib")
    code = folder / LIBRARY / "shared" / "code.py"
    code.parent.mkdir(parents=True)
    code.write_text("def hello():\n    print('hello from shared')\n")
    sim = make_sim()  # type: ignore[operator]
    client = sim.open_project(load_project(folder))
    console = ScriptConsole(sim, lambda: client)
    qtbot.addWidget(console)
    assert run_source(console, "shared.hello()")
    assert "hello from shared" in console.output_text()
    assert all("hello" not in line.text for line in sim.output.history())
    run_source(console, "x = 1")
    client.run_script("shared.hello()", "Main/button")  # not the console's run
    assert sim.output.history()[-1].text == "hello from shared\n"


def test_without_a_client_nothing_runs(qtbot: QtBot, sim: Simulation) -> None:
    console = ScriptConsole(sim, lambda: None)
    qtbot.addWidget(console)
    assert not run_source(console, "print(1)")
    assert "No client is running." in console.output_text()


def test_history_recalls_older_and_newer_runs(
    qtbot: QtBot, console: ScriptConsole
) -> None:
    for source in ("a = 1", "b = 2", "b = 2", "c = 3"):
        run_source(console, source)
    assert console.history() == ["a = 1", "b = 2", "c = 3"]
    console.set_source("draft")
    console.recall(-1)
    assert console.source() == "c = 3"
    qtbot.keyClick(console.editor, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert console.source() == "b = 2"
    console.recall(-5)
    assert console.source() == "a = 1"
    qtbot.keyClick(console.editor, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert console.source() == "b = 2"
    console.recall(5)
    assert console.source() == "draft"


def test_history_persists_in_injected_settings(
    qtbot: QtBot, sim: Simulation, client: ClientSession, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    first = ScriptConsole(sim, lambda: client, settings=settings)
    qtbot.addWidget(first)
    run_source(first, "print('one')\nprint('two')")
    second = ScriptConsole(sim, lambda: client, settings=settings)
    qtbot.addWidget(second)
    assert second.history() == ["print('one')\nprint('two')"]


def test_clear_output_empties_the_pane(console: ScriptConsole) -> None:
    run_source(console, "print('x')")
    console.clear_button.click()
    assert console.output_text() == ""


def test_enter_keeps_the_indent_and_indents_after_a_colon(
    qtbot: QtBot, console: ScriptConsole
) -> None:
    console.set_source("def f():")
    console.editor.moveCursor(console.editor.textCursor().MoveOperation.End)
    qtbot.keyClick(console.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(console.editor, "return 1")
    qtbot.keyClick(console.editor, Qt.Key.Key_Return)
    assert console.source() == "def f():\n    return 1\n    "


# -- highlighting -----------------------------------------------------------


def kinds(console: ScriptConsole, line: int) -> dict[str, str]:
    """Each formatted span of ``line`` -> its token kind."""
    highlighter: PythonHighlighter = console.highlighter
    block = console.editor.document().findBlockByNumber(line)
    text = block.text()
    found = {}
    for span in block.layout().formats():
        [kind] = [k for k, f in highlighter.formats.items() if f == span.format]
        found[text[span.start : span.start + span.length]] = kind
    return found


def test_highlighter_formats_python_tokens(console: ScriptConsole) -> None:
    console.set_source(
        textwrap.dedent(
            '''\
            @system.util.memoize
            def f(x=42):  # a comment with 'quotes'
                return len("a # not a comment") + 0x1F
            doc = """first
            def still_string
            end"""; y = None
            '''
        )
    )
    assert kinds(console, 0) == {"@system.util.memoize": "decorator"}
    line1 = kinds(console, 1)
    assert line1["def"] == "keyword"
    assert line1["42"] == "number"
    assert line1["# a comment with 'quotes'"] == "comment"
    line2 = kinds(console, 2)
    assert line2["return"] == "keyword"
    assert line2["len"] == "builtin"
    assert line2['"a # not a comment"'] == "string"
    assert line2["0x1F"] == "number"
    assert kinds(console, 3) == {'"""first': "string"}
    assert kinds(console, 4) == {"def still_string": "string"}
    assert kinds(console, 5) == {'end"""': "string", "None": "keyword"}


def test_highlighter_formats_whole_words_only(console: ScriptConsole) -> None:
    console.set_source("for item in printer: x_in = int(system) or inputs or é_if\n")
    assert kinds(console, 0) == {
        "for": "keyword",
        "in": "keyword",
        "int": "builtin",
        "system": "builtin",
        "or": "keyword",
    }


def test_a_run_header_starts_on_its_own_line(console: ScriptConsole) -> None:
    run_source(
        console,
        "# just a comment\nfrom __future__ import print_function\n"
        "print('no newline', end='')",
    )
    run_source(console, "print('next')")
    assert console.output_text() == (
        ">>> from __future__ import print_function …\nno newline\n"
        ">>> print('next')\nnext\n"
    )
