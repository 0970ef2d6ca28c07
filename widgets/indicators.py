"""Ignition's indicators: DigitalDisplay, Meter, Timer, and the chart placeholders.

The Timer counts on the GUI thread through the runtime's GUI dispatcher (a
delayed post per tick, never a thread or timer of its own): each tick adds
``stepBy`` to ``value`` (back to ``initialValue`` on reaching ``bound``) and
fires ``propertyChange``. A running Timer keeps the simulation busy, as a
running Vision timer keeps a client busy.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from visionsim.widgets.component import VisionComponent
from visionsim.widgets.dataset_props import DatasetProps
from visionsim.widgets.ignition_style import to_qfont
from visionsim.widgets.number_format import format_number

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

#: Timer delays are clamped to this range (ms): Qt's int, and not a busy loop.
MIN_DELAY_MS, MAX_DELAY_MS = 10, 2**31 - 1


class DigitalDisplay(VisionComponent):
    """A seven-segment style number: ``value`` through ``pattern``."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setStyleSheet("background: #111; color: #3cff5a; padding: 2px;")
        font = to_qfont("Monospace-BOLD-18")
        font.setStyleHint(font.StyleHint.Monospace)
        label.setFont(font)
        self._show(label)
        return label

    def _show(self, label: QLabel) -> None:
        values = self._values
        label.setText(format_number(float(values["value"]), str(values["pattern"])))

    def _render(self, name: str, value: object) -> None:
        if name in ("value", "pattern"):
            self._show(self.widget)
        elif name == "font":
            self.widget.setFont(to_qfont(str(value)))
        else:
            super()._render(name, value)


class _MeterFace(QFrame):
    """Draws a half-circle gauge with a needle at a fraction 0..1."""

    def __init__(self) -> None:
        super().__init__()
        self.fraction = 0.0
        self.caption = ""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height() * 2) - 8
        box = QRectF((self.width() - side) / 2, 4, side, side)
        painter.setPen(QPen(QColor("#5b6576"), 3))
        painter.drawArc(box, 0, 180 * 16)
        painter.setPen(QPen(QColor("#2e7d32"), 6))
        painter.drawArc(box.adjusted(6, 6, -6, -6), 0, 60 * 16)
        painter.setPen(QPen(QColor("#c62828"), 6))
        painter.drawArc(box.adjusted(6, 6, -6, -6), 150 * 16, 30 * 16)
        center = box.center()
        angle = math.pi * (1 - self.fraction)
        tip = QPointF(
            center.x() + math.cos(angle) * side * 0.45,
            center.y() - math.sin(angle) * side * 0.45,
        )
        painter.setPen(QPen(QColor("#1f2933"), 2))
        painter.drawLine(center, tip)
        painter.drawText(
            QRectF(0, center.y() - 18, self.width(), 18),
            Qt.AlignmentFlag.AlignCenter,
            self.caption,
        )
        painter.end()


class Meter(VisionComponent):
    """A gauge: a needle at ``value`` between ``minimum`` and ``maximum``."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        face = _MeterFace()
        self._show(face)
        return face

    def _show(self, face: _MeterFace) -> None:
        values = self._values
        low, high, value = (float(values[k]) for k in ("minimum", "maximum", "value"))
        span = high - low
        fraction = (value - low) / span if span and math.isfinite(span) else 0.0
        face.fraction = min(1.0, max(0.0, fraction)) if math.isfinite(fraction) else 0.0
        face.caption = f"{format_number(value, '#,##0.##')} {values['units']}".strip()
        face.update()

    def _render(self, name: str, value: object) -> None:
        if name in ("value", "minimum", "maximum", "units"):
            self._show(self.widget)
        else:
            super()._render(name, value)


class Timer(VisionComponent):
    """Ignition's Timer: invisible at run time, counts while ``running``."""

    __slots__ = ("_generation",)

    def _create_widget(self) -> QWidget:
        object.__setattr__(self, "_generation", 0)
        label = QLabel("Timer")  # the Designer's look; Vision hides it at run time
        label.setVisible(False)
        if self._values["running"]:
            self._schedule(label)
        return label

    def _render(self, name: str, value: object) -> None:
        if name in ("running", "delay"):
            object.__setattr__(self, "_generation", self._generation + 1)
            if self._values["running"]:
                self._schedule()
        elif name not in ("value", "initialValue", "stepBy", "bound"):
            super()._render(name, value)

    def _schedule(self, widget: QWidget | None = None) -> None:
        # A Qt timer on the widget, not a delayed invokeLater: like a gateway
        # timer script, a Timer component ticks for ever, and its ticks must
        # not keep the simulation from ever being idle (``run`` and tests
        # wait for idle). Its script still runs on the GUI thread, watched.
        generation = self._generation
        delay = min(MAX_DELAY_MS, max(MIN_DELAY_MS, int(self._values["delay"])))
        context = widget if widget is not None else self.widget
        QTimer.singleShot(delay, context, lambda: self._tick(generation))

    def _tick(self, generation: int) -> None:
        """One step. Thread: GUI (the dispatcher runs it)."""
        if generation != self._generation or self._env.closed:
            return  # stopped, restarted or closed since this tick was posted
        values = self._values
        value = int(values["value"]) + int(values["stepBy"])
        if value >= int(values["bound"]):
            value = int(values["initialValue"])
        self._apply("value", max(-(2**31), min(value, 2**31 - 1)), True)
        if values["running"] and generation == self._generation:
            self._schedule()


class _ChartPlaceholder(DatasetProps):
    """A chart visionsim does not draw: a labelled frame; its data is a property."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("border: 1px dashed #8a94a6; color: #5b6576;")
        self._describe(label)
        return label

    def _describe(self, label: QLabel) -> None:
        values = self._values
        rows = [
            f"{name}: {data.getRowCount()} rows"
            for name in self._DATASETS
            if (data := values.get(name)) is not None
        ]
        title = values.get("title") or ""
        label.setText(
            "\n".join([f"{type(self).__name__} (not simulated)", title, *rows])
        )

    def _render(self, name: str, value: object) -> None:
        if name in (*self._DATASETS, "title"):
            self._describe(self.widget)
        else:
            super()._render(name, value)


class Chart(_ChartPlaceholder):
    """PMIChart placeholder."""

    __slots__ = ()
    _DATASETS = ("data",)


class PieChart(_ChartPlaceholder):
    """PMIPieChart placeholder."""

    __slots__ = ()
    _DATASETS = ("data",)


class EasyChart(_ChartPlaceholder):
    """PMIEasyChart placeholder: ``pens`` and the date range are properties."""

    __slots__ = ()
    _DATASETS = ("pens",)
