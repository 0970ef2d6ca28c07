"""One running simulation of a project, and reloading it when the files change.

:class:`AppSession` owns the :class:`~visionsim.runtime.Simulation` the main window
shows: the gateway (and remote gateways), the client sessions, each client's
window manager (its windows go into that client's desktop) and dialogs. A
reload loads the project again; if the files have an error the running
session is kept and the error (file and line) is reported instead.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from visionsim.app.dialogs import QtDialogs
from visionsim.runtime import GUI_LANE, ProjectError, Simulation, load_project
from visionsim.widgets import WindowManager

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtWidgets import QWidget

    from visionsim.runtime import ClientSession, Project, Tracer
    from visionsim.widgets import VisionWindow

    #: Puts a client's newly opened window on screen (its desktop).
    WindowPlacer = Callable[[ClientSession, VisionWindow], None]

RELOAD_DEBOUNCE_MS = 300
#: How long a simulation gets to end its threads when it is replaced.
SHUTDOWN_S = 2.0
#: A failed sendRequestAsync nobody observed (no onError, no get/block/
#: getError) is reported this long after it failed: in Ignition such a failure
#: is silent, which is exactly what a learner needs to hear about.
UNOBSERVED_GRACE_S = 2.0


def start_simulation(
    project: Project,
    remotes: dict[str, Project],
    placer: WindowPlacer,
    dialog_parent: QWidget | None,
    clients: Sequence[dict[str, object]] = ({},),
    tracer: Tracer | None = None,
) -> Simulation:
    """A new simulation running ``project`` (and remote gateways).

    One client per entry of ``clients`` (its identity: ``client_id``,
    ``host_name``...). Whatever fails while starting (a handler that does not
    compile, a window Qt cannot build) stops what had started, shutdown
    scripts included, and is raised.
    """
    sim = Simulation(tracer=tracer)
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
        first, *others = clients or ({},)
        sim.open_project(project, **first)  # type: ignore[arg-type]
        for identity in others:
            sim.add_client(project, **identity)
    except Exception:
        sim.stop(SHUTDOWN_S)
        raise
    return sim


def describe(exc: Exception) -> str:
    """A one-line account of why a project could not start (file first)."""
    if isinstance(exc, ProjectError):
        return str(exc)
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return f"{type(exc).__name__}: {exc}"


class ProjectWatcher(QObject):
    """Reports (debounced) when any file of a project folder changes.

    It also watches each folder's parent, so a project folder that is deleted
    and made again (a checkout, an unpacked copy) is watched again and
    reloaded. A folder it cannot read is skipped: the reload says why.
    """

    changed = Signal()  # ()

    def __init__(self, folders: list[Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(RELOAD_DEBOUNCE_MS)
        self._folders = folders
        self._parents = {str(f.parent): f for f in folders}
        self._present = {f: _is_dir(f) for f in folders}
        self._watch_all()
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        self._debounce.timeout.connect(self._on_debounce_timeout)

    def _watch_all(self) -> None:
        paths = [p for p in self._parents if _is_dir(Path(p))]
        for folder in self._folders:
            paths += _tree(folder)
        current = set(self._watcher.files()) | set(self._watcher.directories())
        new = [p for p in paths if p not in current]
        if new:
            self._watcher.addPaths(new)

    @Slot(str)
    def _on_watcher_changed(self, path: str) -> None:
        folder = self._parents.get(path)
        if folder is not None:  # something beside the project: only its own fate
            present = _is_dir(folder)
            if present == self._present[folder]:
                return
            self._present[folder] = present
        self._debounce.start()  # editors save in bursts

    @Slot()
    def _on_debounce_timeout(self) -> None:
        self._watch_all()  # new files and folders, and files replaced on save
        self.changed.emit()


def _is_dir(path: Path) -> bool:
    """Whether ``path`` is a folder; False when it cannot even be looked at."""
    try:
        return path.is_dir()
    except OSError:  # PermissionError: a parent lost its x bit
        return False


def _tree(folder: Path) -> list[str]:
    """``folder`` and everything under it not hidden; what cannot be read, skipped."""
    if not _is_dir(folder):
        return []
    paths = [str(folder)]
    for root, dirs, files in os.walk(folder):  # errors: the folder is skipped
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        paths += [os.path.join(root, n) for n in dirs + files if not n.startswith(".")]
    return paths


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
    overrides
        Applies the command line's gateway settings (``--tags``) to each load.
    """

    def __init__(
        self,
        project_path: Path,
        remote_paths: dict[str, Path],
        placer: WindowPlacer,
        dialog_parent: QWidget | None,
        preloaded: tuple[Project, dict[str, Project]] | None = None,
        overrides: Callable[[Project], Project] | None = None,
    ) -> None:
        self.project_path = project_path
        self._overrides = overrides
        self._preloaded = preloaded
        self.remote_paths = remote_paths
        self._placer = placer
        self._dialog_parent = dialog_parent
        self.sim: Simulation | None = None
        self.last_error: str | None = None

    def _read(self) -> tuple[Project, dict[str, Project]]:
        if self._preloaded is not None:
            loaded, self._preloaded = self._preloaded, None
            return loaded
        project = load_project(self.project_path)
        if self._overrides is not None:  # --tags and --db on every reload too
            project = self._overrides(project)
        return project, {n: load_project(p) for n, p in self.remote_paths.items()}

    def reload(
        self,
        clients: Sequence[dict[str, object]] = ({},),
        restore: Callable[[Simulation], None] | None = None,
    ) -> Simulation | None:
        """Load and start the project again; on success it replaces the old one.

        The new simulation is built completely first (its clients, one per
        identity in ``clients``, their windows, then ``restore`` to put the
        learner's windows back); only then is the old one stopped. If anything
        fails, what had started is stopped, the old simulation keeps running,
        ``last_error`` says why (file and line) and None is returned. The
        timeline goes on in the same tracer, with the reload marked on it.
        """
        old = self.sim
        try:
            project, remotes = self._read()
            tracer = old.tracer if old is not None else None
            new = start_simulation(
                project, remotes, self._placer, self._dialog_parent, clients, tracer
            )
            try:
                if restore is not None:
                    restore(new)
            except Exception:
                new.stop(SHUTDOWN_S)
                raise
        except Exception as exc:  # anything: the old simulation must survive it
            self.last_error = describe(exc)
            return None
        self.last_error = None
        if old is not None:
            new.tracer.record("i", GUI_LANE, "reload", f"Reloaded {project.name}")
            old.stop(SHUTDOWN_S)
        self.sim = new
        return new

    def folders(self) -> list[Path]:
        """Every project folder to watch (the project, its remotes)."""
        return [self.project_path, *self.remote_paths.values()]
