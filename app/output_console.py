"""The Output Console: every thread's ``print`` and every script error, live.

Like Ignition's Designer Output Console / client Diagnostics console, with the
gateway's ``wrapper.log`` in a second pane. Lines arrive through
:class:`~visionsim.app.bridge.SimBridge` one signal each; a print flood would freeze the
GUI if each were drawn at once, so they are queued and drawn together every
``FLUSH_MS`` (one edit block per pane, only the last ``MAX_LINES`` of a burst).

Lines the Script Console shows in its own output pane never reach this
console: they are captured where they are printed (the Script Console's
``print`` does not write them into the output sink at all, see
:mod:`app.script_console`), so no filtering or bookkeeping is needed here.

(Just over 400 lines: the pane view, the batching and the filter/search
toolbar share the kept entries; split the view out if it grows.)
"""

from __future__ import annotations

import bisect
import re
import time
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from visionsim.runtime import GUI_THREAD_NAME

if TYPE_CHECKING:
    from visionsim.app.bridge import SimBridge
    from visionsim.runtime import ErrorReport, OutputLine

MAX_LINES = 20_000
FLUSH_MS = 50
MAX_HIGHLIGHTS = 2_000  # search matches painted; all of them are counted
PANES = {"client": "Client", "gateway": "Gateway (wrapper.log)"}
COLORS = {"time": "#8a8f98", "gui": "#1d5fd1", "other": "#9333ea", "error": "#c0121f"}


@dataclass(frozen=True, slots=True)
class _Entry:
    """One print (text includes its end) or one formatted error report."""

    timestamp: float
    thread: str
    text: str
    is_error: bool


def _char_format(color: str | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if color is not None:
        fmt.setForeground(QColor(color))
    return fmt


def _from_line(line: OutputLine) -> tuple[str, _Entry]:
    pane = "gateway" if line.scope == "gateway" else "client"
    return pane, _Entry(line.timestamp, line.thread, line.text, line.is_error)


def _from_report(report: ErrorReport) -> tuple[str, _Entry]:
    pane = "gateway" if report.thread.startswith("gateway") else "client"
    return pane, _Entry(report.timestamp, report.thread, report.format(), True)


def _thread_key(name: str) -> tuple[bool, list[int | str]]:
    """Sort key: the GUI thread first, then natural order (Thread-9 < Thread-10)."""
    parts = re.split(r"(\d+)", name)
    natural = [int(part) if part.isdigit() else part for part in parts]
    return name != GUI_THREAD_NAME, natural


def _is_replay(replayed: dict[int, object], item: object) -> bool:
    """Whether ``item`` was already shown from the history.

    Reports arrive in order, so the first new one means no more replays.
    """
    if not replayed:
        return False
    if replayed.get(id(item)) is item:
        return True
    replayed.clear()
    return False


class _LogView(QPlainTextEdit):
    """One pane: keeps its entries (for re-filtering) and draws them."""

    def __init__(self, max_lines: int) -> None:
        super().__init__(readOnly=True)
        self.setMaximumBlockCount(max_lines)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.entries: deque[_Entry] = deque(maxlen=max_lines)
        self._open_thread: str | None = None  # its last print had no newline
        self._formats = {key: _char_format(color) for key, color in COLORS.items()}
        self._plain = _char_format()

    def add(self, entries: list[_Entry], thread: str | None) -> None:
        """Keep ``entries`` and draw those from ``thread`` (all if None)."""
        self.entries.extend(entries)
        self._draw([e for e in entries if thread is None or e.thread == thread])

    def redraw(self, thread: str | None) -> None:
        """Draw the kept entries again, those from ``thread`` only (all if None)."""
        self.clear_view()
        self._draw([e for e in self.entries if thread is None or e.thread == thread])

    def clear_view(self) -> None:
        """Empty the view (kept entries stay)."""
        self.clear()
        self._open_thread = None

    def _draw(self, entries: list[_Entry]) -> None:
        if not entries:
            return
        bar = self.verticalScrollBar()
        was_at_bottom = bar.value() >= bar.maximum()
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.beginEditBlock()
        for entry in entries[-self.maximumBlockCount() :]:
            self._insert(cursor, entry)
        cursor.endEditBlock()
        if was_at_bottom:
            bar.setValue(bar.maximum())

    def _insert(self, cursor: QTextCursor, entry: _Entry) -> None:
        # print(x, end="") leaves the line open for the same thread's next print.
        if self._open_thread != entry.thread:
            if self._open_thread is not None:
                cursor.insertText("\n", self._plain)
            stamp = time.strftime("%H:%M:%S", time.localtime(entry.timestamp))
            millis = int(entry.timestamp * 1000) % 1000
            cursor.insertText(f"{stamp}.{millis:03d} ", self._formats["time"])
            is_gui = entry.thread == GUI_THREAD_NAME
            thread_fmt = self._formats["gui" if is_gui else "other"]
            cursor.insertText(f"[{entry.thread}] ", thread_fmt)
        text_fmt = self._formats["error"] if entry.is_error else self._plain
        cursor.insertText(entry.text, text_fmt)
        self._open_thread = None if entry.text.endswith("\n") else entry.thread


class OutputConsole(QWidget):
    """Client and gateway output with a thread filter, search and Clear.

    Parameters
    ----------
    bridge
        The simulation's reports as GUI-thread signals; the console starts with
        the output sink's history and then follows ``bridge``.
    max_lines
        Lines kept per pane; older ones scroll away.
    """

    def __init__(
        self,
        bridge: SimBridge,
        parent: QWidget | None = None,
        *,
        max_lines: int = MAX_LINES,
    ) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._thread: str | None = None
        self._match_count = 0
        self._pending = {pane: deque[_Entry](maxlen=max_lines) for pane in PANES}
        self._setup_ui(max_lines)
        self._connect_signals()
        self._show_history()

    def _show_history(self) -> None:
        """Queue the sinks' history (lines and errors, by time) and draw it."""
        sim = self._bridge.sim
        lines, reports = sim.output.history(), sim.errors.reports()
        # Something reported between connecting and reading the history
        # arrives twice; the queued copy is the same object: drop it.
        self._replayed_lines: dict[int, object] = {id(ln): ln for ln in lines}
        self._replayed_reports: dict[int, object] = {id(r): r for r in reports}
        merged = [_from_line(line) for line in lines]
        merged += [_from_report(report) for report in reports]
        merged.sort(key=lambda pane_entry: pane_entry[1].timestamp)
        for pane, entry in merged:
            self._pending[pane].append(entry)
        self.flush()

    def _setup_ui(self, max_lines: int) -> None:
        self.thread_combo = QComboBox()
        self.thread_combo.addItem("All threads", None)
        self.thread_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToContents
        )
        self.search_box = QLineEdit(placeholderText="Search…", clearButtonEnabled=True)
        self.search_box.setMinimumWidth(180)
        self.find_button = QPushButton("Find next")
        self.match_label = QLabel()
        self.clear_button = QPushButton("Clear")
        self.views = {pane: _LogView(max_lines) for pane in PANES}
        self.tabs = QTabWidget()
        for pane, title in PANES.items():
            self.tabs.addTab(self.views[pane], title)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Thread:"))
        bar.addWidget(self.thread_combo)
        bar.addSpacing(12)
        bar.addWidget(self.search_box)
        bar.addWidget(self.find_button)
        bar.addWidget(self.match_label)
        bar.addStretch(1)
        bar.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.tabs)
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(FLUSH_MS)

    def _connect_signals(self) -> None:
        self._bridge.line_printed.connect(self._on_bridge_line_printed)
        self._bridge.error_reported.connect(self._on_bridge_error_reported)
        self._flush_timer.timeout.connect(self.flush)
        self.thread_combo.currentIndexChanged.connect(self._on_thread_combo_changed)
        self.search_box.textChanged.connect(self._on_search_box_text_changed)
        self.search_box.returnPressed.connect(self._on_search_box_return_pressed)
        self.find_button.clicked.connect(self._on_find_button_clicked)
        self.clear_button.clicked.connect(self.clear)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    # -- incoming --------------------------------------------------------

    @Slot(object)
    def _on_bridge_line_printed(self, line: OutputLine) -> None:
        if not _is_replay(self._replayed_lines, line):
            self._queue(*_from_line(line))

    @Slot(object)
    def _on_bridge_error_reported(self, report: ErrorReport) -> None:
        if not _is_replay(self._replayed_reports, report):
            self._queue(*_from_report(report))

    def _queue(self, pane: str, entry: _Entry) -> None:
        self._pending[pane].append(entry)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    @Slot()
    def flush(self) -> None:
        """Draw the queued lines now (the timer does it every ``FLUSH_MS``)."""
        self._flush_timer.stop()
        for pane, pending in self._pending.items():
            if pending:
                entries = list(pending)
                pending.clear()
                self._add_thread_names(entries)
                self.views[pane].add(entries, self._thread)
        if self.search_box.text():
            self._refresh_matches()

    def _add_thread_names(self, entries: list[_Entry]) -> None:
        known = self.thread_names()
        for name in {entry.thread for entry in entries} - set(known):
            index = bisect.bisect(known, _thread_key(name), key=_thread_key)
            known.insert(index, name)
            self.thread_combo.insertItem(index + 1, name, name)

    # -- public hooks ----------------------------------------------------

    def text(self, pane: str = "client") -> str:
        """The text shown in ``pane`` (``"client"`` or ``"gateway"``)."""
        return self.views[pane].toPlainText()

    def thread_names(self) -> list[str]:
        """The thread names seen so far, sorted (the filter's choices)."""
        return [
            self.thread_combo.itemText(i) for i in range(1, self.thread_combo.count())
        ]

    def set_thread_filter(self, name: str | None) -> None:
        """Show only ``name``'s lines (``None``: all threads)."""
        index = self.thread_combo.findData(name) if name is not None else 0
        if index < 0:
            self._add_thread_names([_Entry(0.0, name or "", "", False)])
            index = self.thread_combo.findData(name)
        self.thread_combo.setCurrentIndex(index)

    def show_pane(self, pane: str) -> None:
        """Bring ``pane`` (``"client"`` or ``"gateway"``) to the front."""
        self.tabs.setCurrentWidget(self.views[pane])

    def search(self, text: str) -> int:
        """Highlight ``text`` (case-insensitive) in the current pane; match count."""
        if self.search_box.text() == text:
            return self._refresh_matches()
        self.search_box.setText(text)  # -> _on_search_box_text_changed
        return self._match_count

    def find_next(self, backward: bool = False) -> bool:
        """Select the next (or previous) match in the current pane, wrapping."""
        needle = self.search_box.text()
        view = self._current_view()
        if not needle:
            return False
        doc = view.document()
        flags = QTextDocument.FindFlag(0)
        if backward:
            flags = QTextDocument.FindFlag.FindBackward
        found = doc.find(needle, view.textCursor(), flags)
        if found.isNull():
            start = QTextCursor(doc)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = doc.find(needle, start, flags)
        if found.isNull():
            return False
        view.setTextCursor(found)
        return True

    @Slot()
    def clear(self) -> None:
        """Forget every line in both panes (and any still queued)."""
        for pane, view in self.views.items():
            self._pending[pane].clear()
            view.entries.clear()
            view.clear_view()
        self._refresh_matches()

    # -- filter and search -----------------------------------------------

    @Slot(int)
    def _on_thread_combo_changed(self, index: int) -> None:
        self._thread = self.thread_combo.itemData(index)
        self.flush()
        for view in self.views.values():
            view.redraw(self._thread)
        self._refresh_matches()

    @Slot()
    def _on_search_box_return_pressed(self) -> None:
        self.find_next()

    @Slot()
    def _on_find_button_clicked(self) -> None:
        self.find_next()

    @Slot(str)
    def _on_search_box_text_changed(self, _text: str) -> None:
        self._refresh_matches()

    @Slot(int)
    def _on_tabs_current_changed(self, _index: int) -> None:
        self._refresh_matches()

    def _current_view(self) -> _LogView:
        view = self.tabs.currentWidget()
        assert isinstance(view, _LogView)
        return view

    def _refresh_matches(self) -> int:
        needle = self.search_box.text()
        for view in self.views.values():
            view.setExtraSelections([])
        view = self._current_view()
        count = view.toPlainText().lower().count(needle.lower()) if needle else 0
        self._match_count = count
        self.match_label.setText(
            f"{count} match{'es' if count != 1 else ''}" if needle else ""
        )
        if count:
            view.setExtraSelections(self._highlights(view, needle))
        return count

    def _highlights(
        self, view: _LogView, needle: str
    ) -> list[QTextEdit.ExtraSelection]:
        fmt = _char_format()
        fmt.setBackground(QColor("#ffe066"))
        selections: list[QTextEdit.ExtraSelection] = []
        cursor = view.document().find(needle)
        while not cursor.isNull() and len(selections) < MAX_HIGHLIGHTS:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
            cursor = view.document().find(needle, cursor)
        return selections
