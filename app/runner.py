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
import os
import sys
import threading
import time
from typing import TYPE_CHECKING, TextIO

from runtime import Penalty, ProjectError, Simulation, load_project

if TYPE_CHECKING:
    from pathlib import Path

    from app.cli import RunOptions
    from runtime import ErrorReport, OutputLine, StallReport, TimerHandle

EXIT_OK, EXIT_ERROR, EXIT_VIOLATION, EXIT_BUSY, EXIT_USAGE = 0, 1, 2, 3, 4
SHUTDOWN_S = 2.0
WATCHDOG_GRACE_S = 2.0
GATEWAY_STARTUP_S = 5.0


class HeadlessReporter:
    """Writes script output to stdout and problems to stderr, in order."""

    def __init__(self, out: TextIO, err: TextIO, *, show_threads: bool) -> None:
        self._out = out
        self._err = err
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
        stream = self._err if line.is_error else self._out
        with self._lock:
            stream.write(text)
            stream.flush()

    def on_error(self, report: ErrorReport) -> None:
        """Print an error report to stderr."""
        self.write_err(report.format())

    def on_stall(self, report: StallReport) -> None:
        """Print stalls of warning level and above to stderr."""
        if report.level != "long task":
            self.write_err(report.format())

    def write_err(self, text: str) -> None:
        """Write to stderr, flushed. Thread: any."""
        with self._lock:
            self._err.write(text if text.endswith("\n") else text + "\n")
            self._err.flush()


def run_headless(
    options: RunOptions, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run ``options.script``; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    started = time.monotonic()
    try:
        project = load_project(options.project)
        remotes = {name: load_project(path) for name, path in options.remotes.items()}
        source = _read_script(options.script)
    except ProjectError as exc:
        err.write(f"visionsim: cannot load project: {exc}\n")
        return EXIT_USAGE
    except OSError as exc:
        err.write(f"visionsim: cannot read script: {exc}\n")
        return EXIT_USAGE

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    sim = Simulation()
    reporter = HeadlessReporter(out, err, show_threads=options.show_threads)
    reporter.attach(sim)
    watchdog = _start_watchdog(sim, reporter, options.timeout)
    for name, remote in remotes.items():
        sim.add_gateway(name).add_project(remote)
    client = sim.open_project(project)
    name = str(options.script)
    if options.scope == "client":
        client.run_script(source, name)
    else:
        sim.gateway.run_script(project.name, source, name, "Script Console")
    left = options.timeout - (time.monotonic() - started)
    idle = sim.wait_idle(max(0.0, left))
    sim.bus.flush_unobserved()  # failed requests nobody looked at are errors
    code = _exit_code(sim, idle, options.strict)
    if not idle:
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


def _hard_exit(code: int, out: TextIO, err: TextIO) -> None:
    for stream in (out, err, sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
