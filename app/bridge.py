"""The simulation's reports as Qt signals on the GUI thread, for the app's panels.

The runtime's sinks call their listeners on whatever thread produced the
report (a worker printing, a handler failing). :class:`SimBridge` subscribes
once and re-emits each report as a signal of a QObject living on the GUI
thread: emitted from a worker, Qt queues it to the GUI thread; emitted on the
GUI thread, it is delivered at once. Panels connect to these signals (with
``@Slot`` methods of their own, never lambdas) and never touch the sinks.

The sinks hold the bridge weakly: a bridge nobody uses any more is freed when
its last user lets go (on the GUI thread), not by the garbage collector on
whatever thread happens to run it — a QObject must die on its own thread.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

T = TypeVar("T")

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime import (
        ErrorReport,
        OutputLine,
        Simulation,
        StallReport,
        Violation,
    )


class SimBridge(QObject):
    """Re-emits a simulation's output, errors, violations and stalls.

    Create it on the GUI thread, once per simulation.
    """

    line_printed = Signal(object)  # (OutputLine)
    error_reported = Signal(object)  # (ErrorReport)
    violation_recorded = Signal(object)  # (Violation) -- also each repeat
    stall_reported = Signal(object)  # (StallReport)

    def __init__(self, sim: Simulation, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sim = sim
        sim.output.subscribe(_weakly(self._relay_line))
        sim.errors.subscribe(_weakly(self._relay_error))
        sim.guard.subscribe(_weakly(self._relay_violation))
        sim.stall.subscribe(_weakly(self._relay_stall))

    def _relay_line(self, line: OutputLine) -> None:
        self.line_printed.emit(line)

    def _relay_error(self, report: ErrorReport) -> None:
        self.error_reported.emit(report)

    def _relay_violation(self, violation: Violation) -> None:
        self.violation_recorded.emit(violation)

    def _relay_stall(self, report: StallReport) -> None:
        self.stall_reported.emit(report)


def _weakly(method: Callable[[T], None]) -> Callable[[T], None]:
    """``method`` as a listener that does not keep its object alive."""
    ref = weakref.WeakMethod(method)

    def listener(item: T) -> None:
        bound = ref()
        if bound is not None:
            bound(item)

    return listener
