"""The visionsim main window: client desktops, the panels around them, menus.

The centre holds one tab per simulated Vision client, each a desktop with that
client's windows. Docks around it: the gateway panel, the Output and Script
Consoles, client Diagnostics and the live thread timeline. The window
delegates: :class:`~visionsim.app.session.AppSession` runs and reloads the project,
each panel watches the simulation through one :class:`~visionsim.app.bridge.SimBridge`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QDialog, QDockWidget, QMainWindow, QTabWidget, QWidget

from visionsim.app import dock_layout, reload_state
from visionsim.app.bridge import SimBridge
from visionsim.app.client_desktop import ClientDesktop
from visionsim.app.error_popup import ErrorPopup
from visionsim.app.session import AppSession, ProjectWatcher
from visionsim.app.settings import Settings
from visionsim.app.status_meter import StatusMeter
from visionsim.runtime.resources.lazy import loaded
from visionsim.widgets import WindowManager

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from visionsim.runtime import ClientSession, ErrorReport, Project, Simulation
    from visionsim.runtime.tags import TagAccess
    from visionsim.widgets import VisionWindow


class MainWindow(QMainWindow):
    """The app. ``settings`` defaults to the user's QSettings (tests pass one).

    ``preloaded``: the project and remotes, already loaded from those paths.
    """

    closed = Signal()  # ()

    def __init__(
        self,
        project_path: Path,
        remote_paths: dict[str, Path] | None = None,
        settings: QSettings | None = None,
        preloaded: tuple[Project, dict[str, Project]] | None = None,
        overrides: Callable[[Project], Project] | None = None,
    ) -> None:
        super().__init__()
        self._qsettings = settings or QSettings("visionsim", "visionsim")
        self.settings = Settings.load(self._qsettings)
        self.session = AppSession(
            project_path,
            remote_paths or {},
            self._place_window,
            self,
            preloaded,
            overrides,
        )
        self.shut_down_cleanly = True
        #: How long closing waits for scripts to end (a signal asks for less).
        self.stop_budget_s = 2.0
        self.bridge: SimBridge | None = None
        self._panels: dict[str, QWidget] = {}
        # Panels with nothing to catch up on wait until their dock first shows.
        self._deferred: dict[str, Callable[[], QWidget]] = {}
        self._dock_showing: dict[str, bool] = {}
        self._panels_for: Simulation | None = None
        self._sized = False
        self._desktops: dict[str, ClientDesktop] = {}
        self._setup_ui()
        self._connect_signals()
        self.reload(initial=True)

    # -- building ---------------------------------------------------------------

    def _setup_ui(self) -> None:
        self.resize(1400, 900)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.meter = StatusMeter()
        self.statusBar().addPermanentWidget(self.meter)
        self.error_popup = ErrorPopup(self)
        self._docks: dict[str, QDockWidget] = {}
        for title, _area in dock_layout.DOCK_AREAS:
            dock = QDockWidget(title, self)
            dock.setObjectName(title.replace(" ", ""))
            self._docks[title] = dock
            dock.visibilityChanged.connect(
                lambda visible, title=title: self._on_dock_visibility_changed(
                    title, visible
                )
            )
        self._arrange_docks()
        self._build_menus()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.reload_action = QAction("&Reload project", self)
        self.reload_action.setShortcut(QKeySequence("F5"))
        file_menu.addAction(self.reload_action)
        self.export_action = QAction("&Export trace…", self)
        file_menu.addAction(self.export_action)
        self.settings_action = QAction("&Settings…", self)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        file_menu.addAction(self.quit_action)
        clients = self.menuBar().addMenu("&Clients")
        self.add_client_action = QAction("&Add client…", self)
        clients.addAction(self.add_client_action)
        view = self.menuBar().addMenu("&View")
        for dock in self._docks.values():
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        self.reset_layout_action = QAction("&Reset layout", self)
        view.addAction(self.reset_layout_action)

    def _connect_signals(self) -> None:
        self.reload_action.triggered.connect(self._on_reload_action_triggered)
        self.export_action.triggered.connect(self._on_export_action_triggered)
        self.settings_action.triggered.connect(self._on_settings_action_triggered)
        self.quit_action.triggered.connect(self.close)
        self.add_client_action.triggered.connect(self._on_add_client_action_triggered)
        self.reset_layout_action.triggered.connect(self.reset_layout)
        self.watcher = ProjectWatcher(self.session.folders(), self)
        self.watcher.changed.connect(self._on_watcher_changed)

    # -- the simulation -------------------------------------------------------

    @property
    def sim(self) -> Simulation:
        """The running simulation."""
        assert self.session.sim is not None
        return self.session.sim

    def current_client(self) -> ClientSession | None:
        """The client whose tab is showing."""
        desktop = self.tabs.currentWidget()
        return desktop.client if isinstance(desktop, ClientDesktop) else None

    def reload(self, initial: bool = False) -> bool:
        """(Re)load the project; on an error keep what runs and say why.

        The learner's place survives: the same clients (same ids), their open
        windows where they were, the current tab, and the timeline's history
        (the reload is marked on it).
        """
        old_desktops = self._desktops
        places = [] if initial else reload_state.capture(self.sim)
        identities = [p.identity for p in places] or [{}]
        tab = self.tabs.currentIndex()
        self._desktops = {}  # windows of the new simulation land in new tabs
        sim = self.session.reload(
            identities, lambda new: reload_state.restore(new, places)
        )
        if sim is None:  # drop the half-built tabs; the old ones stay
            old_desktops, self._desktops = self._desktops, old_desktops
        for desktop in old_desktops.values():
            self.tabs.removeTab(self.tabs.indexOf(desktop))
            desktop.deleteLater()
        if sim is None:
            self._show_load_error(self.session.last_error or "unknown error")
            return False
        for client in sim.clients:
            self._desktop_for(client)
        self.tabs.setCurrentIndex(max(0, min(tab, self.tabs.count() - 1)))
        self.settings.apply(sim)
        if initial:  # paint the window first; the panels follow a moment later
            self._panels_for = sim
            QTimer.singleShot(0, self, self._ensure_panels)
        else:
            self._panels_for = None  # a pending start-up build is out of date
            self._install_panels(sim)
        project = sim.clients[0].project
        self.setWindowTitle(f"visionsim — {project.title or project.name}")
        if not initial:
            self.statusBar().showMessage(f"Reloaded {project.name}", 5000)
        return True

    @property
    def docks(self) -> dict[str, QDockWidget]:
        """The dock of each panel by title (its widget: the panel, once built)."""
        return dict(self._docks)

    @property
    def panels(self) -> dict[str, QWidget]:
        """The dock panels by title (built on first use after start-up)."""
        self._ensure_panels()
        for title in list(self._deferred):
            self._build_deferred(title)
        return self._panels

    @Slot()
    def _ensure_panels(self) -> None:
        if self._panels_for is not None:
            sim, self._panels_for = self._panels_for, None
            self._install_panels(sim)
            # The docks took their panels' size hints: share the room out again.
            QTimer.singleShot(0, self, self._size_docks)

    def _install_panels(self, sim: Simulation) -> None:
        # Imported here: these modules are most of the start-up import time.
        from visionsim.app.diagnostics import DiagnosticsPanel
        from visionsim.app.output_console import OutputConsole
        from visionsim.app.timeline import TimelineWidget

        if self.bridge is not None:
            self.bridge.deleteLater()
        self.bridge = bridge = SimBridge(sim, self)
        bridge.error_reported.connect(self._on_bridge_error_reported)
        panels: dict[str, QWidget] = {
            "Diagnostics": DiagnosticsPanel(bridge, self.current_client),
            "Thread Timeline": TimelineWidget(sim),
            "Output Console": OutputConsole(bridge),  # collects from the start
        }
        # Built when first shown: each sits behind another tab at start (the
        # Gateway panel alone is ~25 ms of every start).
        self._deferred = {
            "Gateway": lambda: self._gateway_panel(sim),
            "Script Console": lambda: self._script_console(sim),
            "Tags": lambda: self._tags_panel(sim),
            "Database": lambda: self._database_panel(sim),
            "Project": self._project_browser,
        }
        self._panels = {}
        for title, panel in panels.items():
            self._set_panel(title, panel)
        for title in list(self._deferred):
            if self._dock_showing.get(title) or self._docks[title].widget():
                self._build_deferred(title)  # showing, or replacing an old one
        self.meter.watch(bridge)

    def _gateway_panel(self, sim: Simulation) -> QWidget:
        from visionsim.app.gateway_panel import GatewayPanel

        return GatewayPanel(sim)

    def _script_console(self, sim: Simulation) -> QWidget:
        from visionsim.app.script_console import ScriptConsole

        return ScriptConsole(sim, self.current_client, settings=self._qsettings)

    def _tags_panel(self, sim: Simulation) -> QWidget:
        from visionsim.app.tags_panel import TagsPanel

        gateway_tags = sim.gateway.tags.access()

        def tags_of() -> TagAccess:
            client = self.current_client()
            return client.tags if client is not None else gateway_tags

        return TagsPanel(tags_of)

    def _project_browser(self) -> QWidget:
        from visionsim.app.project_browser import ProjectBrowser

        return ProjectBrowser(self.current_client)

    def _database_panel(self, sim: Simulation) -> QWidget:
        from visionsim.app.database_panel import DatabasePanel

        return DatabasePanel(sim)

    def _build_deferred(self, title: str) -> None:
        factory = self._deferred.pop(title, None)
        if factory is not None:
            self._set_panel(title, factory())

    def _set_panel(self, title: str, panel: QWidget) -> None:
        old = self._docks[title].widget()
        self._docks[title].setWidget(panel)
        if old is not None:
            old.deleteLater()
        self._panels[title] = panel

    def _desktop_for(self, client: ClientSession) -> ClientDesktop:
        desktop = self._desktops.get(client.client_id)
        if desktop is None:
            desktop = ClientDesktop(client)
            self._desktops[client.client_id] = desktop
            self.tabs.addTab(desktop, desktop.title)
        return desktop

    def _place_window(self, client: ClientSession, window: VisionWindow) -> None:
        self._desktop_for(client).place(window)

    def _show_load_error(self, message: str) -> None:
        self.statusBar().showMessage(f"Project not reloaded: {message}", 15000)
        if self.session.sim is None:  # nothing runs: the first load failed
            from PySide6.QtWidgets import QMessageBox  # not needed at start-up

            QMessageBox.critical(self, "Cannot load project", message)
        else:
            self.sim.output.write(
                f"Project not reloaded (the last good version keeps running): "
                f"{message}\n",
                is_error=True,
            )

    def add_client(self, host_name: str, user_name: str) -> ClientSession:
        """Start another client of the project in a new tab."""
        project = self.sim.clients[0].project
        client = self.sim.add_client(project, host_name=host_name, user_name=user_name)
        desktop = self._desktop_for(client)
        self.tabs.setCurrentWidget(desktop)
        return client

    # -- slots ----------------------------------------------------------------

    @Slot()
    def _on_reload_action_triggered(self) -> None:
        self.reload()

    @Slot()
    def _on_watcher_changed(self) -> None:
        self.reload()

    @Slot()
    def _on_export_action_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # not needed at start-up

        path, _ = QFileDialog.getSaveFileName(
            self, "Export trace", "visionsim.trace.json", "Chrome trace (*.json)"
        )
        if path:
            count = self.sim.tracer.export_chrome(path)
            self.statusBar().showMessage(f"Wrote {count} events to {path}", 5000)

    @Slot()
    def _on_settings_action_triggered(self) -> None:
        from visionsim.app.menu_dialogs import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.settings = dialog.result_settings()
            self.settings.save(self._qsettings)
            self.settings.apply(self.sim)

    @Slot()
    def _on_add_client_action_triggered(self) -> None:
        from visionsim.app.menu_dialogs import AddClientDialog

        dialog = AddClientDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_client(dialog.host_name(), dialog.user_name())

    def _on_dock_visibility_changed(self, title: str, visible: bool) -> None:
        self._dock_showing[title] = visible
        if visible and self._panels_for is None:  # not before the start-up build
            self._build_deferred(title)

    @Slot(object)
    def _on_bridge_error_reported(self, report: ErrorReport) -> None:
        self.error_popup.show(report)

    # -- layout ---------------------------------------------------------------

    def _arrange_docks(self) -> None:
        dock_layout.arrange(self, self._docks)

    def _size_docks(self) -> None:
        """Room for the client desktop first (its largest window), then the docks."""
        sizes = []
        if self.session.sim is not None:
            project = self.session.sim.clients[0].project
            # Only windows decoded already: sizing the desktop must not decode
            # every window.bin of a large project at start (they load lazily).
            sizes = [w.size for w in loaded(project.windows).values()]
        dock_layout.share_out(self, self._docks, sizes)

    @Slot()
    def reset_layout(self) -> None:
        """Put every panel back where it starts, at its starting size."""
        self._arrange_docks()
        self._size_docks()

    def showEvent(self, event: QShowEvent) -> None:
        """On first show, give the client desktop and the docks their room."""
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            self._size_docks()

    def sync_settings(self) -> None:
        """Write the settings to disk now (before an exit that skips clean-up)."""
        self._qsettings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop the simulation (cancel tasks, bounded wait), then close.

        Nothing repaints meanwhile: a late update would be flushed to a window
        that is going away (Qt then warns on stderr).
        """
        self.setUpdatesEnabled(False)
        if self.session.sim is not None:
            self.shut_down_cleanly = self.session.sim.stop(self.stop_budget_s)
            for client in self.session.sim.clients:
                if isinstance(client.vision.windows, WindowManager):
                    client.vision.windows.close_all()
        self.closed.emit()
        super().closeEvent(event)
