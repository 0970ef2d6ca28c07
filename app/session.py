"""One running simulation of a project, and reloading it when the files change.

:class:`AppSession` owns the :class:`~visionsim.runtime.Simulation` the main window
shows: the gateway (and remote gateways), the client sessions, each client's
window manager (its windows go into that client's desktop) and dialogs. A
reload loads the project again; if the files have an error the running
session is kept and the error (file and line) is reported instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from visionsim.app.dialogs import QtDialogs
from visionsim.runtime import ProjectError, Simulation, load_project
from visionsim.runtime.db import with_databases
from visionsim.widgets import WindowManager

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

    from visionsim.runtime import ClientSession, Project
    from visionsim.widgets import VisionWindow

    #: Puts a client's newly opened window on screen (its desktop).
    WindowPlacer = Callable[[ClientSession, VisionWindow], None]

RELOAD_DEBOUNCE_MS = 300
#: A failed sendRequestAsync nobody observed (no onError, no get/block/
#: getError) is reported this long after it failed: in Ignition such a failure
#: is silent, which is exactly what a learner needs to hear about.
UNOBSERVED_GRACE_S = 2.0


def start_simulation(
    project: Project,
    remotes: dict[str, Project],
    placer: WindowPlacer,
    dialog_parent: QWidget | None,
) -> Simulation:
    """A new simulation running ``project`` (and remote gateways), one client.

    Raises :class:`ProjectError` when a message handler does not compile.
    """
    sim = Simulation()
    sim.bus.unobserved_grace_s = UNOBSERVED_GRACE_S

    def setup(client: ClientSession) -> None:
        client.vision.windows = WindowManager(
            client, lambda window: placer(client, window)
        )
        client.vision.dialogs = QtDialogs(dialog_parent)

    sim.client_setup = setup
    try:
        for name, remote in remotes.items():
            sim.add_remote(name, remote)
        sim.open_project(project)
    except ProjectError:
        sim.shutdown(2.0)
        raise
    return sim


class ProjectWatcher(QObject):
    """Reports (debounced) when any file of a project folder changes."""

    changed = Signal()  # ()

    def __init__(self, folders: list[Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(RELOAD_DEBOUNCE_MS)
        self._folders = folders
        self._watch_all()
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        self._debounce.timeout.connect(self._on_debounce_timeout)

    def _watch_all(self) -> None:
        paths: list[str] = []
        for folder in self._folders:
            if folder.is_dir():
                paths.append(str(folder))
                paths += [
                    str(p) for p in folder.rglob("*") if not p.name.startswith(".")
                ]
        current = set(self._watcher.files()) | set(self._watcher.directories())
        new = [p for p in paths if p not in current]
        if new:
            self._watcher.addPaths(new)

    @Slot(str)
    def _on_watcher_changed(self, _path: str) -> None:
        self._debounce.start()  # editors save in bursts

    @Slot()
    def _on_debounce_timeout(self) -> None:
        self._watch_all()  # new files and folders, and files replaced on save
        self.changed.emit()


class AppSession:
    """The project the app runs, its simulation, and reloads.

    Parameters
    ----------
    project_path, remote_paths
        What to run (``--project``, ``--remote``).
    placer, dialog_parent
        Where new windows go; the parent of dialogs.
    preloaded
        The project and remotes already loaded from those paths (the command
        line checks them before any window opens): the first load uses them
        instead of reading every file again.
    databases
        ``--db NAME=URL`` datasources, applied on every (re)load.
    """

    def __init__(
        self,
        project_path: Path,
        remote_paths: dict[str, Path],
        placer: WindowPlacer,
        dialog_parent: QWidget | None,
        preloaded: tuple[Project, dict[str, Project]] | None = None,
        databases: dict[str, str] | None = None,
    ) -> None:
        self.project_path = project_path
        self.databases = dict(databases or {})
        self._preloaded = preloaded
        self.remote_paths = remote_paths
        self._placer = placer
        self._dialog_parent = dialog_parent
        self.sim: Simulation | None = None
        self.last_error: str | None = None

    def load(self) -> Simulation:
        """Load the project and start a simulation; raises ProjectError."""
        if self._preloaded is not None:
            (project, remotes), self._preloaded = self._preloaded, None
        else:
            project = with_databases(load_project(self.project_path), self.databases)
            remotes = {n: load_project(p) for n, p in self.remote_paths.items()}
        return start_simulation(project, remotes, self._placer, self._dialog_parent)

    def reload(self) -> Simulation | None:
        """Load again; on success the new simulation replaces the old one.

        On a project error nothing changes and ``last_error`` says why (file
        and line); returns the new simulation, or None.
        """
        try:
            new = self.load()
        except ProjectError as exc:
            self.last_error = str(exc)
            return None
        self.last_error = None
        if self.sim is not None:
            self.sim.stop(2.0)
        self.sim = new
        return new

    def folders(self) -> list[Path]:
        """Every project folder to watch (the project, its remotes)."""
        return [self.project_path, *self.remote_paths.values()]
