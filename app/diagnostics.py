"""The client Diagnostics panel: Running Scripts, thread dump, violations, stalls.

:class:`RunningScriptsView` is also the gateway panel's Running Scripts table.
About 500 lines (over the 400 of STYLE.md section 4): the table helpers and
:class:`RunningScriptsView` are shared with the gateway panel and live here
with the four tabs, each a short section below; the helpers could move to
their own module if a third panel needs them.
"""

from __future__ import annotations

import functools
import re
import time
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QColor, QFontDatabase, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from visionsim.runtime.sources import is_script

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from visionsim.app.bridge import SimBridge
    from visionsim.runtime import ClientSession, StallReport, Violation, Workers
    from visionsim.runtime.sources import ScriptLocation

RUNNING_REFRESH_MS = 250
#: Running Scripts keeps this much of the description in view; a narrower
#: panel scrolls sideways rather than squeeze it to nothing.
DESCRIPTION_MIN_PX = 160
MAX_STALL_ROWS = 500
_T = TypeVar("_T")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line \d+')
_LEVEL_COLORS = {"warning": "#b45309", "not responding": "#b00020"}


def make_table(
    headers: Sequence[str],
    stretch: int,
    table_class: type[QTableWidget] = QTableWidget,
) -> QTableWidget:
    """A read-only, row-selecting table with ``headers``; column ``stretch`` grows."""
    table = table_class(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def set_row(
    table: QTableWidget, row: int, texts: Sequence[str]
) -> list[QTableWidgetItem]:
    """Write ``texts`` into ``row``, creating items where missing; its items."""
    items = []
    for col, text in enumerate(texts):
        item = table.item(row, col)
        if item is None:
            item = QTableWidgetItem(text)
            table.setItem(row, col, item)
        elif item.text() != text:
            item.setText(text)
        items.append(item)
    return items


def row_texts(table: QTableWidget, columns: int) -> list[tuple[str, ...]]:
    """The text of the first ``columns`` cells of each row."""
    out = []
    for row in range(table.rowCount()):
        items = (table.item(row, col) for col in range(columns))
        out.append(tuple(item.text() if item else "" for item in items))
    return out


def monospace_text() -> QPlainTextEdit:
    """A read-only, non-wrapping monospace text pane (stacks, dumps)."""
    text = QPlainTextEdit(readOnly=True)
    text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    return text


def script_frames(stack: str) -> str:
    """``stack`` (a formatted traceback) with only the user scripts' frames.

    The simulator's own callers (the app, a test) mean nothing to a script
    author; a note says how many were left out. A stack with no script frame
    is returned whole.
    """
    frames: list[list[str]] = []
    for line in stack.rstrip().splitlines():
        if _FRAME.match(line) or not frames:
            frames.append([line])
        else:
            frames[-1].append(line)
    kept = [f for f in frames if _is_script_frame(f[0])]
    if not kept or len(kept) == len(frames):
        return stack.rstrip()
    hidden = len(frames) - len(kept)
    note = f"  ({hidden} frame{'s' if hidden > 1 else ''} outside user scripts hidden)"
    return "\n".join([note, *(line for f in kept for line in f)])


def _is_script_frame(line: str) -> bool:
    match = _FRAME.match(line)
    return match is None or is_script(match["file"])


def where(location: ScriptLocation | None) -> str:
    """``script:line``, or an em dash when the line is not in a user script."""
    return f"{location.script}:{location.line}" if location else "—"


class _ResizeAwareTable(QTableWidget):
    """A table that calls :attr:`resized` once a resize has laid it out."""

    resized: Callable[[], None] | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Resize (the scroll bars and viewport too), then tell :attr:`resized`."""
        super().resizeEvent(event)
        if self.resized is not None:
            self.resized()


class RunningScriptsView(QWidget):
    """One scope's Running Scripts: Thread Id, Description, Start, Elapsed, Terminate.

    ``workers_provider`` is asked on every :meth:`refresh` (the client or the
    selected gateway may change); ``None`` shows an empty list.
    """

    COLUMNS = ("Thread Id", "Description", "Execution Start", "Elapsed (s)", "Actions")

    def __init__(
        self,
        workers_provider: Callable[[], Workers | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._provider = workers_provider
        self._workers: Workers | None = None
        self._ids: list[int] = []
        self._started: dict[int, float] = {}
        self._start_w = 0
        table = make_table(self.COLUMNS, stretch=1, table_class=_ResizeAwareTable)
        assert isinstance(table, _ResizeAwareTable)
        table.resized = self._fit_description
        self.table = table
        # Fills the free width like a stretch column, but never below the
        # minimum (see _fit_description).
        table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Interactive
        )
        self.empty = QLabel("No scripts running.")
        self.empty.setStyleSheet("color: #6b7280;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)

    def refresh(self) -> None:
        """Sync the rows with the running tasks. Thread: GUI only."""
        workers = self._provider()
        if workers is not self._workers:
            self._workers = workers
            self._ids.clear()
            self._started.clear()
            self.table.setRowCount(0)
        tasks = sorted(workers.running() if workers else [], key=lambda t: t.id)
        alive = {task.id for task in tasks}
        for row in reversed(range(len(self._ids))):
            if self._ids[row] not in alive:
                self._started.pop(self._ids.pop(row), None)
                self.table.removeRow(row)
        now = time.time()
        for task in tasks:
            if task.id not in self._started:
                self._add_row(task.id, task.description or task.name, task.started_at)
        for row, task_id in enumerate(self._ids):
            elapsed = max(0.0, now - self._started[task_id])
            item = self.table.item(row, 3)
            if item is not None:
                item.setText(f"{elapsed:.1f}")
        self.empty.setVisible(not self._ids)
        self._fit_description()

    def _fit_description(self) -> None:
        # The viewport's width, worked out rather than asked: viewport()
        # returns a plain QWidget that PySide6 then matches against every
        # QtWidgets type, creating them all (14 ms) the first time.
        table = self.table
        bar = table.verticalScrollBar()
        width = table.contentsRect().width() - (bar.width() if bar.isVisible() else 0)
        header = table.horizontalHeader()
        # Too narrow for every column: Execution Start goes first, so Elapsed
        # and Terminate stay in view (the start time is in the tooltip).
        others = sum(header.sectionSize(c) for c in (0, 3, 4))
        if not header.isSectionHidden(2):  # its width, remembered while shown
            self._start_w = header.sectionSize(2)
        start = self._start_w
        start_fits = width - others - start >= DESCRIPTION_MIN_PX
        if header.isSectionHidden(2) == start_fits:
            header.setSectionHidden(2, not start_fits)
        if start_fits:
            others += start
        header.resizeSection(1, max(DESCRIPTION_MIN_PX, width - others))

    def _add_row(self, task_id: int, description: str, started_at: float) -> None:
        row = len(self._ids)
        self._ids.append(task_id)
        self._started[task_id] = started_at
        self.table.insertRow(row)
        start = time.strftime("%H:%M:%S", time.localtime(started_at))
        items = set_row(self.table, row, [str(task_id), description, start, "0.0"])
        items[1].setToolTip(f"{description}\nstarted {start}")
        for col in (0, 3):
            items[col].setTextAlignment(_RIGHT)
        button = QPushButton("Terminate")
        button.setToolTip("Interrupt the task (cooperative: sleeps and joins raise)")
        button.clicked.connect(functools.partial(self._on_terminate_clicked, task_id))
        self.table.setCellWidget(row, 4, button)

    def rows(self) -> list[tuple[str, ...]]:
        """The shown rows: (thread id, description, start, elapsed)."""
        return row_texts(self.table, 4)

    def terminate_row(self, row: int) -> bool:
        """Terminate the task shown in ``row``; False if it already ended."""
        return self._terminate(self._ids[row])

    def _on_terminate_clicked(self, task_id: int) -> None:
        self._terminate(task_id)

    def _terminate(self, task_id: int) -> bool:
        workers = self._workers
        ended = workers is None or not workers.terminate(task_id)
        if task_id in self._ids:
            button = self.table.cellWidget(self._ids.index(task_id), 4)
            if isinstance(button, QPushButton):
                button.setEnabled(False)
                button.setText("Terminating…")
        return not ended


class DiagnosticsPanel(QTabWidget):
    """The client's Diagnostics: Running Scripts, Thread Dump, Violations, Stalls.

    Parameters
    ----------
    bridge
        The simulation's signals (violations and stalls arrive live).
    client_provider
        The client whose scripts and threads are shown (``None``: none yet).
    """

    def __init__(
        self,
        bridge: SimBridge,
        client_provider: Callable[[], ClientSession | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._client_provider = client_provider
        self._violations: list[Violation] = []
        self._stalls: list[StallReport] = []
        self._setup_ui()
        self._connect_signals()
        for report in bridge.sim.stall.reports():
            self._on_bridge_stall_reported(report)
        self.refresh()

    def _workers(self) -> Workers | None:
        client = self._client_provider()
        return client.workers if client else None

    # -- layout ------------------------------------------------------------------

    def _setup_ui(self) -> None:
        self.setWindowTitle("Diagnostics")
        self.running = RunningScriptsView(self._workers)
        self.addTab(self.running, "Running Scripts")
        self.addTab(self._thread_dump_tab(), "Thread Dump")
        self.addTab(self._violations_tab(), "Violations")
        self.addTab(self._stalls_tab(), "Stalls")
        self._timer = QTimer(self)
        self._timer.setInterval(RUNNING_REFRESH_MS)

    def _thread_dump_tab(self) -> QWidget:
        self.dump_button = QPushButton("Refresh")
        self.dump_text = monospace_text()
        self.dump_text.setPlaceholderText("Press Refresh for a thread dump.")
        return _tab([self.dump_button], self.dump_text)

    def _violations_tab(self) -> QWidget:
        self.violation_table = make_table(
            ("Count", "Access", "Script:line", "Thread"), stretch=3
        )
        self.violation_details = monospace_text()
        self.violation_details.setPlaceholderText("Select a violation.")
        self.clear_button = QPushButton("Clear")
        self.violation_total = QLabel()
        return _tab(
            [self.clear_button, self.violation_total],
            _split(self.violation_table, self.violation_details),
        )

    def _stalls_tab(self) -> QWidget:
        self.stall_table = make_table(
            ("Level", "Duration ms", "Kind", "Subject", "Script:line"), stretch=3
        )
        self.stall_details = monospace_text()
        self.stall_details.setPlaceholderText("Select a stall.")
        return _tab([], _split(self.stall_table, self.stall_details))

    def _connect_signals(self) -> None:
        self._bridge.violation_recorded.connect(self._on_bridge_violation_recorded)
        self._bridge.stall_reported.connect(self._on_bridge_stall_reported)
        self.dump_button.clicked.connect(self._on_dump_button_clicked)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.violation_table.itemSelectionChanged.connect(
            self._on_violation_table_selection_changed
        )
        self.stall_table.itemSelectionChanged.connect(
            self._on_stall_table_selection_changed
        )
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    # -- Running Scripts -------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the running tasks and the violation table. Thread: GUI only."""
        self.running.refresh()
        self._sync_violations()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self.isVisible():
            self.refresh()

    def running_rows(self) -> list[tuple[str, ...]]:
        """Running Scripts rows: (thread id, description, start, elapsed s)."""
        return self.running.rows()

    def terminate_row(self, row: int) -> bool:
        """Press Terminate on Running Scripts ``row``; False if already ended."""
        return self.running.terminate_row(row)

    # -- Thread Dump -------------------------------------------------------------

    @Slot()
    def _on_dump_button_clicked(self) -> None:
        self.refresh_thread_dump()

    def refresh_thread_dump(self) -> None:
        """Take a thread dump of the client now (Refresh button)."""
        client = self._client_provider()
        if client is None:
            self.dump_text.setPlainText("No client session.")
            return
        self.dump_text.setPlainText(client.scope.system.util.threadDump())

    def thread_dump_text(self) -> str:
        """The thread dump shown."""
        return self.dump_text.toPlainText()

    # -- Violations --------------------------------------------------------------

    @Slot(object)
    def _on_bridge_violation_recorded(self, _violation: Violation) -> None:
        self._sync_violations()

    def _sync_violations(self) -> None:
        # The guard's table is the truth: signals only arrive under the
        # CALLBACK penalty, and a repeat changes a count, not the row set.
        current = self._bridge.sim.guard.violations()
        if [id(v) for v in current] != [id(v) for v in self._violations]:
            selected = self._selected(self.violation_table, self._violations)
            self._violations = current
            self.violation_table.setRowCount(len(current))
            if selected in current:
                self.violation_table.selectRow(current.index(selected))
        for row, v in enumerate(self._violations):
            thread = v.thread + (f" ({v.description})" if v.description else "")
            texts = [str(v.count), v.what, where(v.location), thread]
            set_row(self.violation_table, row, texts)[0].setTextAlignment(_RIGHT)
        total = sum(v.count for v in self._violations)
        self.violation_total.setText(
            f"{len(self._violations)} distinct, {total} in all"
        )
        self._on_violation_table_selection_changed()

    @Slot()
    def _on_clear_button_clicked(self) -> None:
        self._bridge.sim.guard.clear()
        self._sync_violations()

    @Slot()
    def _on_violation_table_selection_changed(self) -> None:
        v = self._selected(self.violation_table, self._violations)
        text = "" if v is None else _violation_details(v)
        if self.violation_details.toPlainText() != text:
            self.violation_details.setPlainText(text)

    def violation_rows(self) -> list[tuple[str, ...]]:
        """Violation rows: (count, access, script:line, thread)."""
        return row_texts(self.violation_table, 4)

    def select_violation(self, row: int) -> None:
        """Select violation ``row`` (its stacks show in the details pane)."""
        self.violation_table.selectRow(row)

    def details_text(self) -> str:
        """The selected violation's details (both stacks)."""
        return self.violation_details.toPlainText()

    # -- Stalls --------------------------------------------------------------------

    @Slot(object)
    def _on_bridge_stall_reported(self, report: StallReport) -> None:
        # A live "not responding" report is replaced by the final one.
        starts = [r.start_ns for r in self._stalls]
        if report.start_ns in starts:
            row = starts.index(report.start_ns)
            self._stalls[row] = report
        else:
            if len(self._stalls) >= MAX_STALL_ROWS:
                self._stalls.pop(0)
                self.stall_table.removeRow(0)
            row = len(self._stalls)
            self._stalls.append(report)
            self.stall_table.insertRow(row)
        state = " (ongoing)" if report.ongoing else ""
        items = set_row(
            self.stall_table,
            row,
            [
                report.level + state,
                f"{report.duration_ms:.0f}",
                report.kind,
                report.subject,
                where(report.location),
            ],
        )
        color = QColor(_LEVEL_COLORS.get(report.level, "#1f2933"))
        items[0].setForeground(color)
        items[1].setTextAlignment(_RIGHT)
        self._on_stall_table_selection_changed()

    @Slot()
    def _on_stall_table_selection_changed(self) -> None:
        report = self._selected(self.stall_table, self._stalls)
        self.stall_details.setPlainText(
            "" if report is None else _stall_details(report)
        )

    def stall_rows(self) -> list[tuple[str, ...]]:
        """Stall rows: (level, duration ms, kind, subject, script:line)."""
        return row_texts(self.stall_table, 5)

    def select_stall(self, row: int) -> None:
        """Select stall ``row`` (its sampled stacks show below)."""
        self.stall_table.selectRow(row)

    def stall_details_text(self) -> str:
        """The selected stall's details (sampled stacks)."""
        return self.stall_details.toPlainText()

    @staticmethod
    def _selected(table: QTableWidget, items: list[_T]) -> _T | None:
        rows = table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(items):
            return None
        return items[rows[0].row()]


def _tab(buttons: Sequence[QWidget], body: QWidget) -> QWidget:
    tab = QWidget()
    bar = QHBoxLayout()
    for button in buttons:
        bar.addWidget(button)
    bar.addStretch(1)
    layout = QVBoxLayout(tab)
    layout.addLayout(bar)
    layout.addWidget(body)
    return tab


def _split(top: QWidget, bottom: QWidget) -> QSplitter:
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.addWidget(top)
    splitter.addWidget(bottom)
    splitter.setSizes([170, 330])
    return splitter


def _violation_details(v: Violation) -> str:
    thread = v.thread + (f" ({v.description})" if v.description else "")
    seen = time.strftime("%H:%M:%S", time.localtime(v.last_seen))
    times = "once" if v.count == 1 else f"{v.count} times"
    head = (
        f"{v.what} at {where(v.location)} from thread {thread}\n"
        f"Seen {times}, last at {seen}\n\n"
    )
    started = script_frames(v.started_from or "(not started from a script)")
    accessed = script_frames(v.stack)
    return f"{head}Accessed at:\n{accessed}\n\nTask started at:\n{started}\n"


def _stall_details(report: StallReport) -> str:
    text = report.format().splitlines()[0] + "\n\n"
    if not report.stacks:
        return text + (
            "No stack samples: the sampler looks from 80% of the long-task "
            "threshold on, so a short stall may end first."
        )
    for stack, count in report.stacks:
        text += f"Sampled {count}x:\n{script_frames(stack)}\n\n"
    return text
