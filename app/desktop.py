"""The desktop app: ``python main.py`` opens the main window on a qasync loop.

Without a display it says so and runs the demo headless instead of crashing.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from typing import TYPE_CHECKING

from visionsim.app.demo import DEMO_SCRIPT, PROJECT_SCRIPT

if TYPE_CHECKING:
    from visionsim.app.cli import AppOptions
    from visionsim.app.main_window import MainWindow


_STUCK = -1
#: How long scripts get to end after Ctrl+C or SIGTERM before the exit.
SIGNAL_STOP_S = 0.5


def has_display() -> bool:
    """Whether a window can be shown (an X11/Wayland display or a chosen platform)."""
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
        or sys.platform in ("win32", "darwin")
    )


def run_desktop(options: AppOptions) -> int:
    """Open the app on ``options.project``; returns the exit code."""
    closer = _SignalCloser()  # from the first moment: Ctrl+C during start-up too
    from visionsim.app.cli import apply_overrides
    from visionsim.runtime import ProjectError, load_project

    try:  # fail early, before any window, on a project that cannot load
        project = apply_overrides(load_project(options.project), options)
        remotes = {name: load_project(path) for name, path in options.remotes.items()}
    except ProjectError as exc:
        sys.stderr.write(f"visionsim: cannot load project: {exc}\n")
        return 4
    if not has_display():
        closer.uninstall()  # the headless runner handles Ctrl+C its own way
        return _headless_demo(options)
    import qasync

    _drop_offscreen_noise()

    async def main() -> int:
        from visionsim.app.main_window import MainWindow

        closed = asyncio.get_running_loop().create_future()
        window = MainWindow(
            options.project,
            options.remotes,
            preloaded=(project, remotes),
            overrides=lambda p: apply_overrides(p, options),
        )
        window.closed.connect(lambda: None if closed.done() else closed.set_result(0))
        closer.attach(window)
        window.show()
        await closed
        return 0 if window.shut_down_cleanly else _STUCK

    code = int(qasync.run(main()))
    if code == _STUCK:  # a task ignored the interrupt: Qt would wait for it
        _exit(code)
    from visionsim.app.runner import exit_now_if_threads_linger

    exit_now_if_threads_linger(0)  # never hang on a script's stray thread
    return 0


def _exit(code: int) -> None:
    """End the process now (exit code 0), saying so if scripts still ran."""
    from visionsim.app.runner import hard_exit

    if code == _STUCK:  # Qt would wait for their threads, maybe for ever
        sys.stdout.write("visionsim: scripts still running; exiting anyway\n")
    hard_exit(0)


#: What the offscreen platform says about every dock; not a problem in the app.
_OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def _drop_offscreen_noise() -> None:
    """Keep Qt's messages on stderr, except the offscreen platform's dock notice."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handler(_kind: QtMsgType, _where: QMessageLogContext, message: str) -> None:
        if message != _OFFSCREEN_NOISE:
            sys.stderr.write(f"{message}\n")

    qInstallMessageHandler(handler)


class _SignalCloser:
    """Ctrl+C or SIGTERM in the terminal closes the window like the user would.

    Installed before anything loads: a signal during start-up (the project's
    startup scripts run while the window is built) closes the window as soon
    as it exists. Python runs signal handlers only between bytecodes; a light
    timer gives it the chance while Qt waits in C.
    """

    _SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self._window: MainWindow | None = None
        self._requested = False
        self._previous = {
            sig: signal.signal(sig, self._on_signal) for sig in self._SIGNALS
        }

    def uninstall(self) -> None:
        """Give the signals back to the handlers they had before."""
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    def _on_signal(self, _signum: int, _frame: object) -> None:
        self._requested = True
        if self._window is not None:
            self._close(self._window)

    @staticmethod
    def _close(window: MainWindow) -> None:
        # The user asked to quit now: scripts get a short grace, not the
        # menu's full wait, and the process ends as soon as the window has
        # closed (the simulation stopped): going back through the event loop
        # and its teardown took a second more while CPU-bound scripts held
        # the GIL.
        window.stop_budget_s = SIGNAL_STOP_S
        window.close()
        window.sync_settings()
        _exit(0 if window.shut_down_cleanly else _STUCK)

    def attach(self, window: MainWindow) -> None:
        """Close ``window`` on a signal; at once if one came before it existed."""
        from PySide6.QtCore import QTimer

        self._window = window
        heartbeat = QTimer(window)
        heartbeat.timeout.connect(lambda: None)
        heartbeat.start(200)
        if self._requested:
            QTimer.singleShot(0, window, lambda: self._close(window))


def _headless_demo(options: AppOptions) -> int:
    """Without a display: the demo on the default project, else start the project."""
    import tempfile
    from pathlib import Path

    from visionsim.app.cli import DEFAULT_PROJECT, RunOptions
    from visionsim.app.runner import run_headless

    default = options.project.resolve() == DEFAULT_PROJECT.resolve()
    instead = (
        "Running the demo headless instead"
        if default
        else f"Starting {options.project} headless instead (its startup scripts "
        "run, its windows open offscreen); to drive it, use "
        f"`visionsim run SCRIPT.py --project {options.project}`"
    )
    sys.stdout.write(
        "visionsim: no display found (DISPLAY is not set), so the window cannot "
        f"open.\n{instead}; to see the app, run it on a desktop or under "
        "xvfb-run (see the README).\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "demo.py"
        script.write_text(DEMO_SCRIPT if default else PROJECT_SCRIPT, encoding="utf-8")
        return run_headless(
            RunOptions(
                script=script,
                project=options.project,
                remotes=options.remotes,
                show_threads=True,
                tags=options.tags,
                databases=options.databases,
            )
        )
