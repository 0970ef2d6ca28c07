"""The Script Console: run Python in a client's scope and see what it prints.

As in Ignition's Designer (Tools > Script Console), ``print`` executed
synchronously by a run lands in the console's own output pane, while anything
printed later or from another thread (an ``invokeAsynchronous`` task, an
``invokeLater`` callback) goes to the Output Console.

How captured lines stay out of the Output Console: they are captured at the
source. A run gets its own ``print`` (``extra={"print": ...}``, and, for the
run's duration, the scope's builtin ``print``, so project-library functions it
calls are captured too). That ``print`` asks "is a run active and am I on the
GUI thread?"; if so the text goes to the console and never enters the output
sink, otherwise it calls the scope's normal ``print``. The Output Console
therefore needs no filter, and there is no window in which a line could show
up in both. Errors of a run still go to the error sink (the Output Console
and the error popup show them) and are repeated in the console's pane.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFontDatabase, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from visionsim.app.python_highlighter import PythonHighlighter

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime import ClientSession, ErrorReport, Simulation

SCRIPT_NAME = "<Script Console>"
HISTORY_KEY = "scriptConsole/history"
MAX_HISTORY = 200
INDENT = "    "
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_CTRL = Qt.KeyboardModifier.ControlModifier


class _Capture:
    """Collects a run's synchronous prints and its error. Thread: any.

    ``active`` is set only on the GUI thread while a run executes; every other
    thread reads it and falls through to the scope's normal ``print``.
    """

    def __init__(self, is_gui_thread: Callable[[], bool]) -> None:
        self.active = False
        self.chunks: list[str] = []
        self.errors: list[ErrorReport] = []
        self._is_gui_thread = is_gui_thread

    def is_capturing(self) -> bool:
        """Whether a ``print`` now belongs to the console's pane."""
        return self.active and self._is_gui_thread()

    def on_error_reported(self, report: ErrorReport) -> None:
        """Error-sink listener: keep the reports the run itself raised."""
        if self.is_capturing():
            self.errors.append(report)

    def make_print(self, fallback: Callable[..., None]) -> Callable[..., None]:
        """A ``print`` that captures during a run and calls ``fallback`` otherwise."""

        def console_print(
            *values: object,
            sep: str | None = " ",
            end: str | None = "\n",
            file: Any = None,
            flush: bool = False,
        ) -> None:
            if file is not None or not self.is_capturing():
                fallback(*values, sep=sep, end=end, file=file, flush=flush)
                return
            sep = " " if sep is None else sep
            end = "\n" if end is None else end
            self.chunks.append(sep.join(map(str, values)) + end)

        console_print.__name__ = "print"
        return console_print


class _ScriptEditor(QPlainTextEdit):
    """The multi-line buffer: Ctrl+Enter runs, Ctrl+Up/Down walk the history."""

    run_requested = Signal()  # ()
    recall_requested = Signal(int)  # (step: -1 older, +1 newer)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Handle the console's keys; everything else edits as usual."""
        key, mods = event.key(), event.modifiers()
        if mods & _CTRL and key in _ENTER_KEYS:
            self.run_requested.emit()
        elif mods & _CTRL and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.recall_requested.emit(-1 if key == Qt.Key.Key_Up else 1)
        elif key == Qt.Key.Key_Tab and not mods:
            self.insertPlainText(INDENT)
        elif key in _ENTER_KEYS and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            self.insertPlainText("\n" + self._next_indent())
        else:
            super().keyPressEvent(event)

    def _next_indent(self) -> str:
        line = self.textCursor().block().text()[: self.textCursor().positionInBlock()]
        indent = line[: len(line) - len(line.lstrip())]
        return indent + INDENT if line.rstrip().endswith(":") else indent


class ScriptConsole(QWidget):
    """A Python editor and output pane that run scripts in a client's scope.

    Parameters
    ----------
    sim
        The simulation (its GUI dispatcher and error sink).
    client_provider
        Returns the client to run in (the one showing), or ``None``.
    settings
        Where the run history persists between sessions; memory only if None.
    """

    def __init__(
        self,
        sim: Simulation,
        client_provider: Callable[[], ClientSession | None],
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._client_provider = client_provider
        self._settings = settings
        self._history = _load_history(settings)
        self._recall_index: int | None = None  # None: editing a new script
        self._draft = ""
        self._capture = _Capture(sim.dispatcher.is_gui_thread)
        sim.errors.subscribe(self._capture.on_error_reported)
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.editor = _ScriptEditor()
        self.editor.setFont(font)
        self.editor.setTabStopDistance(
            self.editor.fontMetrics().horizontalAdvance(INDENT)
        )
        self.editor.setPlaceholderText("# Runs in the client scope. Ctrl+Enter to run.")
        self.highlighter = PythonHighlighter(self.editor.document())
        self.output = QPlainTextEdit(readOnly=True)
        self.output.setFont(font)
        self.output.setMaximumBlockCount(20_000)
        self.run_button = QPushButton("Run")
        self.run_button.setToolTip("Run in the client's scope (Ctrl+Enter)")
        self.clear_button = QPushButton("Clear output")
        hint = QLabel("Ctrl+Enter run · Ctrl+↑/↓ history")
        hint.setStyleSheet("color: #6b7280;")
        bar = QHBoxLayout()
        bar.addWidget(self.run_button)
        bar.addWidget(hint)
        bar.addStretch(1)
        bar.addWidget(self.clear_button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.editor)
        split.addWidget(self.output)
        split.setSizes([1, 1])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(split)

    def _connect_signals(self) -> None:
        self.run_button.clicked.connect(self.run)
        self.clear_button.clicked.connect(self.output.clear)
        self.editor.run_requested.connect(self.run)
        self.editor.recall_requested.connect(self.recall)

    # -- public hooks ----------------------------------------------------

    def set_source(self, text: str) -> None:
        """Replace the editor's text."""
        self._recall_index = None
        self.editor.setPlainText(text)

    def source(self) -> str:
        """The editor's text."""
        return self.editor.toPlainText()

    def output_text(self) -> str:
        """Everything in the output pane."""
        return self.output.toPlainText()

    def history(self) -> list[str]:
        """The sources run so far, oldest first."""
        return list(self._history)

    @Slot()
    def run(self) -> bool:
        """Run the editor's text in the current client; whether it completed.

        Thread: GUI only.
        """
        client = self._client_provider()
        source = self.source()
        if client is None or self._capture.active or not source.strip():
            if client is None:
                self._write("No client is running.\n", "#c0121f")
            return False
        self._remember(source)
        is_line_open = bool(self.output.document().lastBlock().text())
        self._write(_echo(source, is_line_open), "#8a8f98")
        ok = self._run_captured(client, source)
        self._write("".join(self._capture.chunks))
        if not ok:
            errors = self._capture.errors
            text = errors[-1].traceback if errors else "The script failed.\n"
            self._write(text, "#c0121f")
        return ok

    def _run_captured(self, client: ClientSession, source: str) -> bool:
        builtins = client.scope.builtins
        scope_print = builtins["print"]
        console_print = self._capture.make_print(scope_print)
        capture = self._capture
        capture.chunks, capture.errors = [], []
        capture.active = True
        builtins["print"] = console_print  # library functions print here too
        try:
            return client.run_script(
                source, SCRIPT_NAME, extra={"print": console_print}
            )
        finally:
            builtins["print"] = scope_print
            capture.active = False

    @Slot(int)
    def recall(self, step: int) -> None:
        """Show an older (``step`` < 0) or newer (> 0) history entry.

        Past the newest entry the text being written before recalling returns.
        """
        if not self._history or not step:
            return
        end = len(self._history)
        index = end if self._recall_index is None else self._recall_index
        if index == end:
            self._draft = self.source()
        index = max(0, min(end, index + step))
        self.editor.setPlainText(self._draft if index == end else self._history[index])
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
        self._recall_index = None if index == end else index

    # -- internals -------------------------------------------------------

    def _remember(self, source: str) -> None:
        self._recall_index = None
        if not self._history or self._history[-1] != source:
            self._history.append(source)
            del self._history[:-MAX_HISTORY]
            if self._settings is not None:
                self._settings.setValue(HISTORY_KEY, self._history)

    def _write(self, text: str, color: str | None = None) -> None:
        if not text:
            return
        fmt = QTextCharFormat()
        if color is not None:
            fmt.setForeground(QColor(color))
        cursor = QTextCursor(self.output.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text, fmt)
        self.output.setTextCursor(cursor)
        self.output.ensureCursorVisible()


def _echo(source: str, is_line_open: bool) -> str:
    """The run's header in the output pane: ``>>> first code line …``."""
    lines = source.strip().splitlines()
    code = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    lines = code or lines
    newline = "\n" if is_line_open else ""  # the last print had end=""
    return f"{newline}>>> {lines[0]}{' …' if len(lines) > 1 else ''}\n"


def _load_history(settings: QSettings | None) -> list[str]:
    if settings is None:
        return []
    stored = settings.value(HISTORY_KEY, [])
    if isinstance(stored, str):  # a one-item list comes back as its item
        stored = [stored]
    if not isinstance(stored, list):
        return []
    return [str(item) for item in stored][-MAX_HISTORY:]
