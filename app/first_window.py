"""The first visionsim window: a demo button, an output pane and live counters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.error_popup import ErrorPopup
from runtime import Simulation
from widgets import WindowManager

if TYPE_CHECKING:
    from runtime import ClientSession, ErrorReport, OutputLine, Project


class _Bridge(QObject):
    """Carries output from any thread to the GUI thread (queued signals)."""

    line_printed = Signal(str, str, bool)  # (thread, text, is_error)
    error_reported = Signal(object)  # (ErrorReport)


class FirstWindow(QMainWindow):
    """Runs the demo script in a real client session and shows its output."""

    closed = Signal()  # ()

    def __init__(
        self,
        project: Project,
        script: str,
        script_name: str,
        remotes: dict[str, Project] | None = None,
    ) -> None:
        super().__init__()
        self._script = script
        self._script_name = script_name
        self.sim = Simulation(parent=self)
        self.sim.client_setup = self._setup_client
        for name, remote in (remotes or {}).items():
            self.sim.add_remote(name, remote)
        self.client = self.sim.open_project(project)
        self.shut_down_cleanly = True
        self._bridge = _Bridge(self)
        self.error_popup = ErrorPopup(self)
        self._setup_ui(project)
        self._connect_signals()
        for line in self.sim.output.history():
            self._on_bridge_line_printed(line.thread, line.text, line.is_error)

    def _setup_client(self, client: ClientSession) -> None:
        from app.dialogs import QtDialogs

        client.vision.windows = WindowManager(client)
        client.vision.dialogs = QtDialogs(self)

    def _setup_ui(self, project: Project) -> None:
        self.setWindowTitle(f"visionsim — {project.title or project.name}")
        self.resize(760, 440)
        self.run_button = QPushButton("Run demo: invokeAsynchronous → invokeLater")
        self.status = QLabel()
        self.output = QPlainTextEdit(readOnly=True)
        self.output.setFont(QFont("DejaVu Sans Mono", 10))
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addStretch(1)
        top.addWidget(self.status)
        layout = QVBoxLayout()
        layout.addLayout(top)
        layout.addWidget(self.output)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self._refresh = QTimer(self)
        self._refresh.setInterval(200)
        self._update_status()

    def _connect_signals(self) -> None:
        self.run_button.clicked.connect(self._on_run_button_clicked)
        self._bridge.line_printed.connect(self._on_bridge_line_printed)
        self._bridge.error_reported.connect(self._on_bridge_error_reported)
        self.sim.output.subscribe(self._relay_output)
        self.sim.errors.subscribe(self._relay_error)
        self._refresh.timeout.connect(self._update_status)
        self._refresh.start()

    def _relay_output(self, line: OutputLine) -> None:
        self._bridge.line_printed.emit(line.thread, line.text, line.is_error)

    def _relay_error(self, report: ErrorReport) -> None:
        self._bridge.line_printed.emit(report.thread, report.format(), True)
        self._bridge.error_reported.emit(report)

    @Slot(object)
    def _on_bridge_error_reported(self, report: ErrorReport) -> None:
        self.error_popup.show(report)

    @Slot()
    def _on_run_button_clicked(self) -> None:
        self.client.run_script(self._script, self._script_name)

    @Slot(str, str, bool)
    def _on_bridge_line_printed(self, thread: str, text: str, is_error: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setForeground(QColor("#b00020") if is_error else QColor("#1f2933"))
        cursor = self.output.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        thread_fmt = QTextCharFormat()
        thread_fmt.setForeground(QColor("#2563eb" if "AWT" in thread else "#9333ea"))
        cursor.insertText(f"[{thread}] ", thread_fmt)
        cursor.insertText(text if text.endswith("\n") else text + "\n", fmt)
        self.output.ensureCursorVisible()

    @Slot()
    def _update_status(self) -> None:
        tasks = len(self.client.workers.running())
        queued = self.sim.dispatcher.pending
        self.status.setText(
            f"async tasks running: {tasks}   invokeLater queued: {queued}"
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Cancel running scripts (bounded wait), then close."""
        self._refresh.stop()
        self.shut_down_cleanly = self.sim.stop(2.0)
        for client in self.sim.clients:
            windows = client.vision.windows
            if isinstance(windows, WindowManager):
                windows.close_all()
        self.closed.emit()
        super().closeEvent(event)
