"""Vision shapes: a Shape drawn from its geometry, and the ShapeGroup holding shapes.

A Shape's ``shapeType`` is ``rectangle`` or ``ellipse`` (filling its bounds),
``line`` (top left to bottom right) or ``path``: ``path`` holds SVG path data
(M, L, Q, C, Z; absolute, in the shape's own coordinates) as
:func:`runtime.vision_classes.svg_path` makes it from a decoded GeneralPath.
It is painted with ``fillPaint`` and ``strokePaint`` (colours; empty: none)
and a ``strokeWidth`` pen. Clicks outside the drawn area still reach the shape:
Vision's hit test uses the bounds too.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from visionsim.widgets.component import VisionComponent
from visionsim.widgets.containers import Container

if TYPE_CHECKING:
    from collections.abc import Mapping

    from PySide6.QtGui import QPaintEvent

_TOKEN = re.compile(r"[MLQCZmlqcz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARGS = {"M": 2, "L": 2, "Q": 4, "C": 6, "Z": 0}
_MAX_STROKE = 1000.0
_MAX_COORD = 1e6  # coordinates past this are dropped: Qt would overflow


def parse_path(text: str) -> QPainterPath:
    """SVG path data (absolute M, L, Q, C, Z) as a QPainterPath.

    Anything malformed (an unknown letter, too few numbers, a number out of
    range) ends the path there: a shape draws what it can, never fails.
    """
    path = QPainterPath()
    tokens = _TOKEN.findall(text)
    i = 0
    while i < len(tokens):
        letter = tokens[i].upper()
        count = _ARGS.get(letter)
        numbers = tokens[i + 1 : i + 1 + (count or 0)]
        if count is None or len(numbers) < count:
            break
        try:
            n = [float(t) for t in numbers]
        except ValueError:
            break
        if not all(math.isfinite(v) and abs(v) <= _MAX_COORD for v in n):
            break
        if letter == "M":
            path.moveTo(*n)
        elif letter == "L":
            path.lineTo(*n)
        elif letter == "Q":
            path.quadTo(*n)
        elif letter == "C":
            path.cubicTo(*n)
        else:
            path.closeSubpath()
        i += 1 + count
    return path


_RGBA = re.compile(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)")


def paint_color(text: object) -> QColor | None:
    """A paint colour: ``#rrggbb``, a colour name or ``rgba(r, g, b, a)`` (0-255).

    None (nothing painted) for an empty or unreadable value; Ignition's
    gradient paints are not simulated, so they paint nothing too.
    """
    found = _RGBA.fullmatch(str(text).strip()) if text else None
    if found is not None:
        r, g, b, a = (min(int(v), 255) if v else 255 for v in found.groups())
        return QColor(r, g, b, a)
    color = QColor(str(text)) if text else QColor()
    return color if color.isValid() else None


class _ShapeCanvas(QWidget):
    """Paints one shape from its component's property values."""

    def __init__(self, values: Mapping[str, object]) -> None:
        super().__init__()
        self.values = values

    def stroke_width(self) -> float:
        """``strokeWidth`` within 0..1000 (NaN or negative: no stroke)."""
        width = float(self.values["strokeWidth"])  # type: ignore[arg-type]
        return min(width, _MAX_STROKE) if width > 0 else 0.0

    def geometry_path(self) -> QPainterPath:
        """The shape's outline in widget coordinates."""
        kind = str(self.values["shapeType"])
        inset = self.stroke_width() / 2
        box = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
        path = QPainterPath()
        if kind == "ellipse":
            path.addEllipse(box)
        elif kind == "line":
            path.moveTo(box.topLeft())
            path.lineTo(box.bottomRight())
        elif kind == "path":
            path = parse_path(str(self.values["path"]))
        else:
            path.addRect(box)
        return path

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = self.geometry_path()
        fill = paint_color(self.values["fillPaint"])
        if fill is not None and self.values["shapeType"] != "line":
            painter.fillPath(path, fill)
        stroke = paint_color(self.values["strokePaint"])
        width = self.stroke_width()
        if stroke is not None and width > 0:
            painter.strokePath(path, QPen(stroke, width))
        painter.end()


class Shape(VisionComponent):
    """PathBasedVisionShape: a rectangle, ellipse, line or path."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        return _ShapeCanvas(self._values)

    def _render(self, name: str, value: object) -> None:
        if name in ("shapeType", "path", "fillPaint", "strokePaint", "strokeWidth"):
            self.widget.update()
        else:
            super()._render(name, value)


class ShapeGroup(Container):
    """A group of shapes (and other components): as big as its members."""

    __slots__ = ()
