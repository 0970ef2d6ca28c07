"""The headless runner: ``python main.py run SCRIPT.py`` (DESIGN.md section 4).

Starts the gateway and one client of the project, runs the script like the
Designer's Script Console (GUI thread in client scope, a gateway thread in
gateway scope), keeps the event loop going until the simulation is idle or the
timeout passes, and exits with the contract's code. Script output goes to
stdout in execution order; errors, violations and stalls to stderr. A watchdog
on the runtime's timer thread ends the process even if a script blocks the GUI
thread forever, so a run never hangs.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
import threading
import time
from typing import TYPE_CHECKING, TextIO

from visionsim.runtime import Penalty, ProjectError, Simulation, load_project
from visionsim.runtime.db import with_databases

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from visionsim.app.cli import RunOptions
    from visionsim.runtime import (
        ClientSession,
        ErrorReport,
        OutputLine,
        Project,
        StallReport,
        TimerHandle,
    )

EXIT_OK, EXIT_ERROR, EXIT_VIOLATION, EXIT_BUSY, EXIT_USAGE = 0, 1, 2, 3, 4
EXIT_INTERRUPTED = 130  # the shell's convention for Ctrl+C
SHUTDOWN_S = 2.0
WATCHDOG_GRACE_S = 2.0
GATEWAY_STARTUP_S = 5.0


class HeadlessReporter:
    """Writes script output to stdout and problems to stderr, in order."""

    def __init__(self, out: TextIO, err: TextIO, *, show_threads: bool) -> None:
        self._out: TextIO | None = out
        self._err: TextIO | None = err
        self._show_threads = show_threads
        self._lock = threading.Lock()

    def attach(self, sim: Simulation) -> None:
        """Subscribe to the simulation's sinks."""
        sim.output.subscribe(self.on_output)
        sim.errors.subscribe(self.on_error)
        sim.stall.subscribe(self.on_stall)
        sim.guard.penalty = Penalty.LOG | Penalty.CALLBACK
        sim.guard._log = self.write_err

    def on_output(self, line: OutputLine) -> None:
        """Print one script ``print`` to stdout."""
        text = line.text
        if self._show_threads:
            text = f"[{line.thread}] {text}"
        self._write(text, to_err=line.is_error)

    def on_error(self, report: ErrorReport) -> None:
        """Print an error report to stderr."""
        self.write_err(report.format())

    def on_stall(self, report: StallReport) -> None:
        """Print stalls of warning level and above to stderr."""
        if report.level != "long task":
            self.write_err(report.format())

    def write_err(self, text: str) -> None:
        """Write to stderr, flushed. Thread: any."""
        self._write(text if text.endswith("\n") else text + "\n", to_err=True)

    def _write(self, text: str, *, to_err: bool) -> None:
        # A closed pipe (``| head``) or a bad console is not the script's
        # fault: stop writing to that stream and carry on.
        with self._lock:
            stream = self._err if to_err else self._out
            if stream is None:
                return
            try:
                stream.write(text)
                stream.flush()
            except (OSError, ValueError):
                if to_err:
                    self._err = None
                else:
                    self._out = None


def run_headless(
    options: RunOptions, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run ``options.script``; returns the exit code."""
    out = out or _own_stream(sys.stdout)
    err = err or _own_stream(sys.stderr)
    started = time.monotonic()
    try:
        project = with_databases(load_project(options.project), options.databases)
        remotes = {name: load_project(path) for name, path in options.remotes.items()}
        source = _read_script(options.script)
    except ProjectError as exc:
        err.write(f"visionsim: cannot load project: {exc}\n")
        return EXIT_USAGE
    except (OSError, UnicodeDecodeError) as exc:
        err.write(f"visionsim: cannot read script {options.script}: {exc}\n")
        return EXIT_USAGE

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    sim = Simulation()
    reporter = HeadlessReporter(out, err, show_threads=options.show_threads)
    reporter.attach(sim)
    sim.client_setup = headless_client_setup(sim, options.answers)
    watchdog = _start_watchdog(sim, reporter, options.timeout)
    with _ctrl_c_stops(sim) as interrupted:
        try:
            idle = _run(sim, options, project, remotes, source, started)
        except KeyboardInterrupt:
            interrupted.append(True)
            idle = False
        except ProjectError as exc:  # a handler that does not compile
            reporter.write_err(f"visionsim: cannot load project: {exc}")
            sim.shutdown(SHUTDOWN_S)
            watchdog.cancel()
            return EXIT_USAGE
    sim.bus.flush_unobserved()  # failed requests nobody looked at are errors
    code = _exit_code(sim, idle, options.strict)
    if interrupted:
        code = EXIT_INTERRUPTED
        reporter.write_err("visionsim: interrupted (Ctrl+C)")
    elif not idle:
        reporter.write_err(_busy_report(sim, options.timeout))
    watchdog.cancel()  # the loop noticed; shutdown is bounded on its own
    ended = sim.shutdown(SHUTDOWN_S)
    if options.trace is not None:
        _export_trace(sim, options.trace, reporter)
    del app
    if not ended:
        reporter.write_err(
            "visionsim: some script threads ignored the interrupt; exiting anyway"
        )
        _hard_exit(code, out, err)
    return code


def headless_client_setup(
    sim: Simulation, answers: dict[str, str]
) -> Callable[[ClientSession], None]:
    """Windows (offscreen) and printed dialogs for each client of a headless run."""
    from visionsim.app.dialogs import HeadlessDialogs
    from visionsim.widgets import WindowManager

    def setup(client: ClientSession) -> None:
        client.vision.windows = WindowManager(client)
        client.vision.dialogs = HeadlessDialogs(sim.output, answers)

    return setup


def _run(
    sim: Simulation,
    options: RunOptions,
    project: Project,
    remotes: dict[str, Project],
    source: str,
    started: float,
) -> bool:
    """Start everything, run the script, wait; returns whether it went idle."""
    for name, remote in remotes.items():
        sim.add_remote(name, remote)
    client = sim.open_project(project)
    name = str(options.script)
    if options.scope == "client":
        client.run_script(source, name)
    else:
        sim.gateway.run_script(project.name, source, name, "Script Console")
    left = options.timeout - (time.monotonic() - started)
    return sim.wait_idle(max(0.0, left))


@contextlib.contextmanager
def _ctrl_c_stops(sim: Simulation) -> Iterator[list[bool]]:
    """Ctrl+C ends the wait (or the GUI-thread script) and the run, exit 130.

    Python runs signal handlers only between bytecodes, so a light timer
    gives it a chance while Qt waits in C.
    """
    interrupted: list[bool] = []
    if threading.current_thread() is not threading.main_thread():
        yield interrupted
        return

    def on_sigint(signum: int, frame: object) -> None:
        interrupted.append(True)
        if sim.stall.is_busy:  # a script holds the GUI thread: abort it
            raise KeyboardInterrupt
        sim.interrupt_wait()

    from PySide6.QtCore import QTimer

    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(100)
    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield interrupted
    finally:
        signal.signal(signal.SIGINT, previous)
        heartbeat.stop()


def exit_now_if_threads_linger(code: int) -> None:
    """End the process if a script left a plain non-daemon thread running.

    Interpreter exit would wait for it forever; a run must never hang.
    """
    lingering = [
        t
        for t in threading.enumerate()
        if t is not threading.main_thread() and t.is_alive() and not t.daemon
    ]
    if lingering:
        names = ", ".join(t.name for t in lingering)
        sys.stderr.write(
            f"visionsim: threads started by the script are still running "
            f"({names}); exiting without waiting for them\n"
        )
        _hard_exit(code, sys.stdout, sys.stderr)


def _own_stream(stream: TextIO) -> TextIO:
    """A private copy of stdout/stderr that a script cannot close or break.

    Unencodable text is escaped instead of raising in the script's print.
    """
    try:
        fd = os.dup(stream.fileno())
    except (AttributeError, OSError, ValueError):
        return stream
    return io.TextIOWrapper(
        io.FileIO(fd, "w"),
        encoding=getattr(stream, "encoding", None) or "utf-8",
        errors="backslashreplace",
        line_buffering=True,
    )


def _export_trace(sim: Simulation, path: Path, reporter: HeadlessReporter) -> None:
    try:
        count = sim.tracer.export_chrome(str(path))
    except OSError as exc:
        reporter.write_err(f"visionsim: cannot write the trace: {exc}")
        return
    reporter.write_err(f"visionsim: wrote {count} trace events to {path}")


def _read_script(path: os.PathLike[str]) -> str:
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def _exit_code(sim: Simulation, idle: bool, strict: bool) -> int:
    if not idle:
        return EXIT_BUSY
    if strict and sim.guard.violations():
        return EXIT_VIOLATION
    if sim.errors.unhandled_count:
        return EXIT_ERROR
    return EXIT_OK


def _busy_report(sim: Simulation, timeout: float) -> str:
    tasks = [t for c in sim.clients for t in c.workers.running()]
    tasks += [t for g in sim.gateways.values() for t in g.workers.running()]
    lines = [f"visionsim: still busy after the {timeout:g} s timeout:"]
    for task in tasks:
        label = f" ({task.description})" if task.description else ""
        lines.append(f"  async task {task.name}{label}, running {task.elapsed:.1f} s")
    queued = sim.dispatcher.pending
    if queued:
        lines.append(f"  {queued} invokeLater call(s) queued or delayed")
    return "\n".join(lines) + "\n"


def _start_watchdog(
    sim: Simulation, reporter: HeadlessReporter, timeout: float
) -> TimerHandle:
    """End the process if the GUI thread cannot even notice the timeout."""

    def fire() -> None:
        reporter.write_err(
            f"visionsim: the GUI thread is still blocked {WATCHDOG_GRACE_S:g} s "
            f"after the {timeout:g} s timeout; exiting"
        )
        for report in sim.stall.reports()[-1:]:
            reporter.write_err(report.format())
        _hard_exit(EXIT_BUSY, sys.stdout, sys.stderr)

    return sim.timers.call_later(timeout + WATCHDOG_GRACE_S, fire)


def hard_exit(code: int) -> None:
    """Flush the standard streams and end the process now."""
    _hard_exit(code, sys.stdout, sys.stderr)


def _hard_exit(code: int, out: TextIO, err: TextIO) -> None:
    for stream in (out, err, sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
