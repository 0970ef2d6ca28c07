"""The simulation's reports as Qt signals on the GUI thread, for the app's panels.

The runtime's sinks call their listeners on whatever thread produced the
report (a worker printing, a handler failing). :class:`SimBridge` subscribes
once and re-emits each report as a signal of a QObject living on the GUI
thread: emitted from a worker, Qt queues it to the GUI thread; emitted on the
GUI thread, it is delivered at once. Panels connect to these signals (with
``@Slot`` methods of their own, never lambdas) and never touch the sinks.

It also reports, as errors, failed ``sendRequestAsync`` requests nobody
looked at (no ``onError``, no ``get``/``block``/``getError``) once they have
been failed for :data:`UNOBSERVED_GRACE_S`: in Ignition such a failure is
silent, which is exactly what a learner needs to hear about. The headless
runner does the same at the end of its run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

if TYPE_CHECKING:
    from runtime import ErrorReport, OutputLine, Simulation, StallReport, Violation

#: How long a failed request may stay unobserved before it is reported.
UNOBSERVED_GRACE_S = 2.0
UNOBSERVED_CHECK_MS = 500


class SimBridge(QObject):
    """Re-emits a simulation's output, errors, violations and stalls.

    Create it on the GUI thread, once per simulation.
    """

    line_printed = Signal(object)  # (OutputLine)
    error_reported = Signal(object)  # (ErrorReport)
    violation_recorded = Signal(object)  # (Violation) -- also each repeat
    stall_reported = Signal(object)  # (StallReport)

    def __init__(
        self,
        sim: Simulation,
        parent: QObject | None = None,
        unobserved_grace_s: float = UNOBSERVED_GRACE_S,
    ) -> None:
        super().__init__(parent)
        self.sim = sim
        self._unobserved_grace_s = unobserved_grace_s
        sim.output.subscribe(self._relay_line)
        sim.errors.subscribe(self._relay_error)
        sim.guard.subscribe(self._relay_violation)
        sim.stall.subscribe(self._relay_stall)
        self._unobserved = QTimer(self)
        self._unobserved.setInterval(UNOBSERVED_CHECK_MS)
        self._unobserved.timeout.connect(self._on_unobserved_timeout)
        self._unobserved.start()

    @Slot()
    def _on_unobserved_timeout(self) -> None:
        self.sim.bus.flush_unobserved(older_than_s=self._unobserved_grace_s)

    def _relay_line(self, line: OutputLine) -> None:
        self.line_printed.emit(line)

    def _relay_error(self, report: ErrorReport) -> None:
        self.error_reported.emit(report)

    def _relay_violation(self, violation: Violation) -> None:
        self.violation_recorded.emit(violation)

    def _relay_stall(self, report: StallReport) -> None:
        self.stall_reported.emit(report)
