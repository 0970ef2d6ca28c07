"""The Database panel: the gateway's datasources, and a query box that fills a table.

The query runs on a gateway thread (it shows in the gateway's Running
Scripts while it runs), never on the GUI thread, so a slow query or a
``latencyMs`` datasource does not freeze the app; the result comes back
through the GUI dispatcher. The datasource table (status, throughput,
connections) refreshes every second while the panel is shown.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from visionsim.app.diagnostics import make_table, set_row
from visionsim.runtime.dataset import Dataset
from visionsim.runtime.db import hide_password
from visionsim.runtime.jython.java.errors import Throwable

if TYPE_CHECKING:
    from visionsim.runtime import Simulation
    from visionsim.runtime.db import Databases

DATABASE_REFRESH_MS = 1000
_COLUMNS = ("Name", "URL", "Type", "Status", "Queries/s", "Active", "Latency ms")
_Index = QModelIndex | QPersistentModelIndex


class DatasetModel(QAbstractTableModel):
    """A read-only Qt model over an immutable :class:`Dataset` (any size)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = Dataset([])

    def set_dataset(self, data: Dataset) -> None:
        """Show ``data`` instead."""
        self.beginResetModel()
        self._data = data
        self.endResetModel()

    @property
    def dataset(self) -> Dataset:
        """What is shown."""
        return self._data

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Rows of the dataset (Qt override)."""
        return 0 if parent.isValid() else self._data.getRowCount()

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Columns of the dataset (Qt override)."""
        return 0 if parent.isValid() else self._data.getColumnCount()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """A cell's text (Qt override)."""
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        value = self._data.rows[index.row()][index.column()]
        return "NULL" if value is None else str(value)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        """Column names across, row numbers down (Qt override)."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._data.column_names[section]
        return str(section)


class DatabasePanel(QWidget):
    """The local gateway's datasources and a query box.

    Parameters
    ----------
    sim
        The simulation whose local gateway's datasources are shown.
    """

    def __init__(self, sim: Simulation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sim = sim
        self._running = False
        self._setup_ui()
        self._connect_signals()
        self.refresh()

    @property
    def databases(self) -> Databases:
        """The local gateway's datasources."""
        return self._sim.gateway.databases

    def _setup_ui(self) -> None:
        self.setWindowTitle("Database")
        self.sources = make_table(_COLUMNS, stretch=1)
        self.database = QComboBox()
        self.query = QPlainTextEdit()
        self.query.setPlaceholderText("SELECT * FROM ...")
        self.run_button = QPushButton("Run query")
        self.status = QLabel("")
        self.model = DatasetModel(self)
        self.results = QTableView()
        self.results.setModel(self.model)
        self.results.setAlternatingRowColors(True)
        row = QHBoxLayout()
        row.addWidget(QLabel("Datasource"))
        row.addWidget(self.database, 1)
        row.addWidget(self.run_button)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.query, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 3)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.sources)
        splitter.addWidget(box)
        splitter.setSizes([120, 480])
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)
        self._timer = QTimer(self)
        self._timer.setInterval(DATABASE_REFRESH_MS)

    def _connect_signals(self) -> None:
        self.run_button.clicked.connect(self._on_run_button_clicked)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Re-read the datasources (status, throughput). Thread: GUI only."""
        sources = self.databases.sources()
        self.sources.setRowCount(len(sources))
        for i, source in enumerate(sources):
            set_row(
                self.sources,
                i,
                (
                    source.name,
                    hide_password(source.url),
                    source.db_type,
                    source.status + (f": {source.problem}" if source.problem else ""),
                    f"{max(source.throughput(), 0):g}",
                    str(source.active_connections()),
                    str(source.latency_ms),
                ),
            )
        names = [s.name for s in sources]
        if names != [self.database.itemText(i) for i in range(self.database.count())]:
            current = self.database.currentText()
            self.database.clear()
            self.database.addItems(names)
            if current in names:
                self.database.setCurrentText(current)

    @Slot()
    def _on_run_button_clicked(self) -> None:
        self.run_query(self.query.toPlainText(), self.database.currentText())

    def run_query(self, sql: str, database: str) -> None:
        """Run ``sql`` on ``database`` off the GUI thread; the table shows the rows."""
        if not sql.strip() or self._running:
            return
        self._running = True
        self.run_button.setEnabled(False)
        self.status.setText(f"Running on {database}…")
        dbs, dispatcher = self.databases, self._sim.dispatcher
        # The worker holds the panel only weakly: if it held the last
        # reference, the panel (a QObject) could be freed on the worker
        # thread once the app dropped it, which crashes Qt later.
        panel = weakref.ref(self)

        def deliver(data: Dataset | str) -> None:
            target = panel()
            if target is not None:
                target._on_query_done(data)

        def work() -> None:
            try:
                result = dbs.run(sql, (), "query", database=database, project="")
                columns, rows = result  # type: ignore[misc]
                data: Dataset | str = Dataset(columns, rows)
            except (Exception, Throwable) as exc:
                data = f"{type(exc).__name__}: {exc}"
            dispatcher.post(lambda: deliver(data), 0, None, "Database panel")

        self._sim.gateway.workers.start(
            work, description="Database panel query", source="Database panel"
        )

    def _on_query_done(self, data: Dataset | str) -> None:
        if not shiboken6.isValid(self.run_button):
            return  # the panel was replaced (a reload) while the query ran
        self._running = False
        self.run_button.setEnabled(True)
        if isinstance(data, str):
            self.status.setText(data)
            return
        self.model.set_dataset(data)
        self.status.setText(f"{data.getRowCount()} rows")
