"""How each timeline item looks: the palette and stateless QPainter helpers.

:class:`~visionsim.app.timeline_view.TimelineView` decides *where* an item goes; these
functions draw it there: a span as a rounded bar (striped while still
running) named inside when it fits, a stall as a red band labelled with its
level, a violation as a red diamond, a post as a tick, and a post-to-run
flow as a thin arrow. Colours follow the item's category: async tasks blue,
handlers purple, GUI-thread calls green, requests orange, stalls and
violations red. GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF

from visionsim.app.timeline_model import GUI_RUN_CATEGORIES, display_name, format_ns

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QPainter

    from visionsim.app.timeline_model import TimelineItem

BACKGROUND, ALT_ROW, SEPARATOR = QColor("#ffffff"), QColor("#f8f9fb"), QColor("#e4e7eb")
GUTTER, HEADER, GRID = QColor("#f2f4f7"), QColor("#e9edf2"), QColor("#eef0f3")
TEXT, MUTED, NOW = QColor("#24292f"), QColor("#57606a"), QColor("#0969da")
WHITE = QColor("#ffffff")
COLOURS = {
    "task": QColor("#4e79a7"),
    "handler": QColor("#8e6bb8"),
    "gui": QColor("#59a14f"),
    "request": QColor("#f28e2b"),
    "stall": QColor("#e15759"),
    "violation": QColor("#d62728"),
    "other": QColor("#9aa0a6"),
}
FLOW = COLOURS["gui"].darker(130)
LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
MARK = 10  # marker size in pixels
STALL_STRIP = 14  # the GUI lane's top strip, where stall labels go
INSIDE_LABEL_W = 40  # spans at least this wide are named inside


def colour_of(item: TimelineItem) -> QColor:
    """The fill colour for ``item`` (by kind, then category)."""
    if item.kind in ("stall", "violation"):
        return COLOURS[item.kind]
    if item.category in GUI_RUN_CATEGORIES:
        return COLOURS["gui"]
    return COLOURS.get(item.category, COLOURS["other"])


def paint_label(painter: QPainter, rect: QRectF, text: str, ink: QColor) -> float:
    """Draw ``text`` in ``rect``, elided, if a useful part of it fits.

    Returns the x where the drawn text ends (``rect.left()`` if none was).
    """
    if rect.width() < 20 or rect.height() < 9:
        return rect.left()
    metrics = painter.fontMetrics()
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()))
    if len(shown) <= 2:
        return rect.left()
    painter.setPen(ink)
    painter.drawText(rect, LEFT, shown)
    return rect.left() + metrics.horizontalAdvance(shown)


def is_named_inside(painter: QPainter, item: TimelineItem, rect: QRectF) -> bool:
    """Whether a span is wide enough to carry its name (or a useful part)."""
    if rect.width() >= INSIDE_LABEL_W:
        return True
    return (
        painter.fontMetrics().horizontalAdvance(display_name(item)) <= rect.width() - 8
    )


def paint_span(
    painter: QPainter, item: TimelineItem, rect: QRectF, left: float
) -> None:
    """A bar, striped while running, named inside from x ``left`` on."""
    colour = colour_of(item)
    painter.setPen(QPen(colour.darker(125), 1))
    painter.setBrush(colour)
    painter.drawRoundedRect(rect, 2, 2)
    if item.is_running:
        painter.setBrush(QBrush(QColor(255, 255, 255, 110), Qt.BrushStyle.BDiagPattern))
        painter.drawRect(rect)
    if is_named_inside(painter, item, rect):
        name = display_name(item) + (" (running)" if item.is_running else "")
        inside = QRectF(rect)
        inside.setLeft(max(rect.left(), left))  # keep the name in view
        paint_label(painter, inside.adjusted(4, 0, -4, 0), name, WHITE)


def paint_stall(
    painter: QPainter, item: TimelineItem, rect: QRectF, bold: QFont
) -> None:
    """A translucent red band over the lane, its level in the top strip."""
    colour = COLOURS["stall"]
    painter.setPen(QPen(colour, 1))
    painter.setBrush(QColor(colour.red(), colour.green(), colour.blue(), 45))
    painter.drawRect(rect)
    level = item.name.split(":", 1)[0]
    label = f"{level} \u00b7 {format_ns(item.end_or(0) - item.start_ns)}"
    strip = QRectF(rect.left() + 3, rect.top(), rect.width() - 6, STALL_STRIP - 1)
    font = painter.font()
    painter.setFont(bold)
    if painter.fontMetrics().horizontalAdvance(label) > strip.width():
        label = level
    paint_label(painter, strip, label, colour.darker(150))
    painter.setFont(font)


def paint_marker(painter: QPainter, item: TimelineItem, rect: QRectF) -> None:
    """A violation's diamond, a post's tick, or an instant's dot."""
    c, r = rect.center(), MARK / 2 + 1
    if item.kind == "violation":
        painter.setPen(QPen(WHITE, 1))
        painter.setBrush(COLOURS["violation"])
        corners = [(0, -r), (r, 0), (0, r), (-r, 0)]
        painter.drawPolygon(QPolygonF([c + QPointF(x, y) for x, y in corners]))
    elif item.kind == "post":  # where invokeLater was called
        painter.setPen(QPen(FLOW, 2))
        painter.drawLine(c + QPointF(0, -r), c + QPointF(0, r))
        painter.setBrush(FLOW)
        painter.drawEllipse(c + QPointF(0, -r), 2, 2)
    else:
        colour = colour_of(item)
        painter.setPen(QPen(colour.darker(120), 1))
        painter.setBrush(colour)
        painter.drawEllipse(c, 3.5, 3.5)


def paint_flow(painter: QPainter, start: QPointF, end: QPointF) -> None:
    """A thin curved arrow from a post (``start``) to its run (``end``)."""
    mid = (start.y() + end.y()) / 2
    path = QPainterPath(start)
    path.cubicTo(QPointF(start.x(), mid), QPointF(end.x(), mid), end)
    painter.setPen(QPen(FLOW, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setBrush(FLOW)
    painter.drawPolygon(QPolygonF([end, end + QPointF(-3, 5), end + QPointF(3, 5)]))
