"""The status bar's GUI-responsiveness meter and violation counter.

A 100 ms timer measures how late the event loop delivers it: that lateness is
what a user feels. Over 200 ms (or while the stall monitor sees the GUI
thread busy in a script) the meter turns red and says the GUI is stalled.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

if TYPE_CHECKING:
    from visionsim.app.bridge import SimBridge
    from visionsim.runtime import Violation

TICK_MS = 100
STALLED_MS = 200
HOLD_S = 2.0  # a frozen GUI cannot repaint: show the stall once it is back
_OK = "color: #1a7f37;"
_BAD = "color: white; background: #cf222e; padding: 0 6px; border-radius: 3px;"


class StatusMeter(QWidget):
    """Event-loop latency and the violation count, for the status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.latency_ms = 0.0
        self.worst_ms = 0.0
        self._stall_ms = 0.0
        self._red_until = 0.0
        self._bridge: SimBridge | None = None
        self._setup_ui()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._last = time.perf_counter()
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    def _setup_ui(self) -> None:
        self.latency = QLabel("GUI: ok")
        self.violations = QLabel("Violations: 0")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.latency)
        layout.addWidget(self.violations)
        self._show_latency(0.0)

    def watch(self, bridge: SimBridge) -> None:
        """Follow a (new) simulation's violations."""
        if self._bridge is not None:
            self._bridge.violation_recorded.disconnect(self._on_bridge_violation)
        self._bridge = bridge
        bridge.violation_recorded.connect(self._on_bridge_violation)
        self._show_violations(bridge.sim.guard.total)

    @Slot()
    def _on_timer_timeout(self) -> None:
        now = time.perf_counter()
        late_ms = max(0.0, (now - self._last) * 1000 - TICK_MS)
        self._last = now
        self.latency_ms = late_ms
        self.worst_ms = max(self.worst_ms * 0.95, late_ms)
        if late_ms >= STALLED_MS:
            self._stall_ms = late_ms
            self._red_until = now + HOLD_S
        self._show_latency(late_ms)

    def _show_latency(self, late_ms: float) -> None:
        stalled = time.perf_counter() < self._red_until
        self.latency.setText(
            f"GUI stalled {self._stall_ms:.0f} ms"
            if stalled
            else f"GUI: {late_ms:.0f} ms"
        )
        self.latency.setStyleSheet(_BAD if stalled else _OK)
        self.latency.setToolTip(
            "How late the event loop runs a 100 ms timer: what a user feels. "
            f"Recent worst: {self.worst_ms:.0f} ms."
        )

    @property
    def is_stalled(self) -> bool:
        """Whether a stall is being shown (it stays red for a moment)."""
        return time.perf_counter() < self._red_until

    @Slot(object)
    def _on_bridge_violation(self, _violation: Violation) -> None:
        assert self._bridge is not None
        self._show_violations(self._bridge.sim.guard.total)

    def _show_violations(self, total: int) -> None:
        self.violations.setText(f"Violations: {total}")
        self.violations.setStyleSheet(_BAD if total else "")
