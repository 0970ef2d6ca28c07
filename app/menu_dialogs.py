"""The dialogs the main window's menus open: Settings and Add client.

Apart from the window so their widgets load when first opened, not at start-up.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from visionsim.app.diagnostics import make_table, set_row
from visionsim.app.settings import MAX_MS, MAX_TIMEOUT_S, LinkSettings, Settings


class SettingsDialog(QDialog):
    """Edits a :class:`Settings`; read the outcome with :meth:`result_settings`."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._link_names = sorted(settings.links)
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.setWindowTitle("visionsim settings")
        self.penalty_boxes = {
            name: QCheckBox(name.capitalize()) for name in ("log", "raise", "callback")
        }
        guard = QHBoxLayout()
        for name, box in self.penalty_boxes.items():
            box.setChecked(name in self._settings.guard_penalty)
            guard.addWidget(box)
        s = self._settings
        self.long_ms = _ms_box(s.stall_long_ms)
        self.warn_ms = _ms_box(s.stall_warn_ms)
        self.not_responding_ms = _ms_box(s.stall_not_responding_ms)
        self.request_timeout = _seconds_box(s.request_timeout_s)
        form = QFormLayout()
        form.addRow("Thread-guard penalty:", guard)
        form.addRow("Long task from:", self.long_ms)
        form.addRow("Warning from:", self.warn_ms)
        form.addRow("Not responding from:", self.not_responding_ms)
        form.addRow("Default request timeout:", self.request_timeout)
        self.links = self._links_table()
        group = QGroupBox("Gateway Network links")
        QVBoxLayout(group).addWidget(self.links)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group)
        layout.addWidget(self.buttons)
        self._on_thresholds_changed()

    def _links_table(self) -> QTableWidget:
        table = make_table(("Gateway", "Faulted", "Latency ms", "Connect timeout s"), 0)
        table.setRowCount(len(self._link_names))
        for row, name in enumerate(self._link_names):
            link = self._settings.links[name]
            set_row(table, row, [name])
            faulted = QCheckBox()
            faulted.setChecked(link.faulted)
            table.setCellWidget(row, 1, faulted)
            table.setCellWidget(row, 2, _ms_box(link.latency_ms))
            table.setCellWidget(row, 3, _seconds_box(link.connect_timeout_s))
        return table

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.long_ms.valueChanged.connect(self._on_thresholds_changed)
        self.warn_ms.valueChanged.connect(self._on_thresholds_changed)

    @Slot()
    def _on_thresholds_changed(self) -> None:
        # Keep long <= warning <= not responding.
        self.warn_ms.setMinimum(self.long_ms.value())
        self.not_responding_ms.setMinimum(self.warn_ms.value())

    def result_settings(self) -> Settings:
        """The settings as edited (whether or not OK was pressed)."""
        links = {}
        for row, name in enumerate(self._link_names):
            faulted, latency, timeout = (
                self.links.cellWidget(row, c) for c in (1, 2, 3)
            )
            assert isinstance(faulted, QCheckBox)
            assert isinstance(latency, QSpinBox)
            assert isinstance(timeout, QDoubleSpinBox)
            links[name] = LinkSettings(
                float(latency.value()), faulted.isChecked(), timeout.value()
            )
        penalty = frozenset(
            n for n, box in self.penalty_boxes.items() if box.isChecked()
        )
        return dataclasses.replace(
            self._settings,
            guard_penalty=penalty,
            stall_long_ms=float(self.long_ms.value()),
            stall_warn_ms=float(self.warn_ms.value()),
            stall_not_responding_ms=float(self.not_responding_ms.value()),
            request_timeout_s=self.request_timeout.value(),
            links=links,
        )


def _ms_box(value: float) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, MAX_MS)
    box.setSuffix(" ms")
    box.setSingleStep(10)
    box.setValue(round(value))
    return box


def _seconds_box(value: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0.0, MAX_TIMEOUT_S)
    box.setDecimals(1)
    box.setSuffix(" s")
    box.setValue(value)
    return box


class AddClientDialog(QDialog):
    """Asks the new client's host name and user."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add client")
        self._host = QLineEdit("hmi-2")
        self._user = QLineEdit("operator")
        form = QFormLayout(self)
        form.addRow("Host name", self._host)
        form.addRow("User", self._user)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def host_name(self) -> str:
        """The host name entered."""
        return self._host.text().strip() or "localhost"

    def user_name(self) -> str:
        """The user entered."""
        return self._user.text().strip() or "admin"
