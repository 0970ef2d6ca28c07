"""The thread timeline's canvas: time axis, lane gutter and items, drawn with QPainter.

:class:`TimelineView` lays out one row per lane that has something in the
visible time window (the GUI lane always, on top), grouped under process
headers, and paints only those rows' visible items: spans, stalls (a red band
over the whole GUI lane, labelled with its level), markers for violations,
instants and ``invokeLater`` posts, and a thin arrow from each post to the
GUI-thread run it caused. It pans by dragging and wheel, zooms with
Ctrl+wheel at the mouse, and reports clicks; :mod:`app.timeline` wraps it
with the toolbar, scrollbars and details panel. GUI thread only.

A little over 400 lines (STYLE.md section 4): geometry, hit-testing and
painting share the row layout and the gutter width; split, each half would
need the other's private state.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from visionsim.app.timeline_model import display_name, format_ns, nice_step
from visionsim.app.timeline_paint import (
    ALT_ROW,
    BACKGROUND,
    GRID,
    GUTTER,
    HEADER,
    LEFT,
    MARK,
    MUTED,
    NOW,
    SEPARATOR,
    STALL_STRIP,
    TEXT,
    colour_of,
    is_named_inside,
    paint_flow,
    paint_label,
    paint_marker,
    paint_span,
    paint_stall,
)
from visionsim.runtime import GUI_LANE

if TYPE_CHECKING:
    from PySide6.QtGui import QMouseEvent, QPaintEvent, QResizeEvent, QWheelEvent

    from visionsim.app.timeline_model import Row, TimelineItem, TimelineModel

DEFAULT_SPAN_NS = 3_000_000_000
MIN_SPAN_NS = 20_000
MAX_SPAN_NS = 24 * 3600 * 1_000_000_000
AXIS_H = 26
#: The lane-name column: as wide as the longest name, within these bounds
#: (a share of the view's width at most).
GUTTER_MIN_W, GUTTER_MAX_SHARE = 170, 0.3
WHEEL_ZOOM = 1.25


class TimelineView(QWidget):
    """The timeline canvas: time axis, lane gutter and the visible items."""

    view_changed = Signal()  # () -- time range, lanes or scroll changed
    item_clicked = Signal(object)  # (TimelineItem | None)
    follow_dropped = Signal()  # () -- the user panned away from "now"

    def __init__(self, model: TimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.start_ns, self.end_ns = 0.0, float(DEFAULT_SPAN_NS)
        self.v_offset = 0
        self.content_height = 0
        self.selected: TimelineItem | None = None
        self._rows: list[Row] = []
        self._press: tuple[QPoint, float, int] | None = None
        self._dragging = False
        self._font = QFont("DejaVu Sans", 8)
        self._bold = QFont(self._font)
        self._bold.setBold(True)
        self.gutter_w = GUTTER_MIN_W
        self.setMinimumSize(420, 140)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    # -- geometry -------------------------------------------------------------

    def x_of(self, ns: float) -> float:
        """The x coordinate of time ``ns``."""
        scale = (self.width() - self.gutter_w) / max(1.0, self.end_ns - self.start_ns)
        return self.gutter_w + (ns - self.start_ns) * scale

    def ns_at(self, x: float) -> float:
        """The time at x coordinate ``x``."""
        span = self.end_ns - self.start_ns
        return self.start_ns + (x - self.gutter_w) * span / max(
            1, self.width() - self.gutter_w
        )

    def set_range(self, start: float, end: float) -> None:
        """Show ``[start, end]`` (clamped to sensible widths) and re-lay out."""
        span = min(max(end - start, MIN_SPAN_NS), MAX_SPAN_NS)
        mid = (start + end) / 2
        self.start_ns, self.end_ns = mid - span / 2, mid + span / 2
        self.relayout()

    def relayout(self) -> None:
        """Recompute which lanes show (those with items in view) and repaint."""
        self._rows = self._model.rows(int(self.start_ns), int(self.end_ns))
        self.gutter_w = self._fit_gutter()
        self.content_height = sum(row.height for row in self._rows)
        self.v_offset = max(
            0, min(self.v_offset, self.content_height - self.lanes_height())
        )
        self.update()
        self.view_changed.emit()

    def _fit_gutter(self) -> int:
        bold = QFontMetrics(self._bold)  # the widest font a lane name uses
        widest = max(
            (bold.horizontalAdvance(r.title) for r in self._rows if r.lane), default=0
        )
        most = max(GUTTER_MIN_W, int(self.width() * GUTTER_MAX_SHARE))
        return min(max(GUTTER_MIN_W, widest + 24), most)

    def lanes_height(self) -> int:
        """Pixels available for rows below the axis."""
        return max(0, self.height() - AXIS_H)

    def lane_rows(self) -> list[Row]:
        """The lane rows shown, top to bottom."""
        return [row for row in self._rows if row.lane is not None]

    def row_of(self, lane: int) -> Row | None:
        """The row showing ``lane``, if it is shown."""
        return next((r for r in self._rows if r.lane and r.lane.lane == lane), None)

    def item_rect(self, item: TimelineItem, row: Row | None = None) -> QRectF | None:
        """Where ``item`` is drawn, or None when it is out of view."""
        row = row or self.row_of(item.lane)
        if row is None or row.lane is None:
            return None
        top = AXIS_H + row.y - self.v_offset
        x0 = self.x_of(item.start_ns)
        if item.is_marker:
            rect = QRectF(x0 - MARK / 2, top + (row.height - MARK) / 2, MARK, MARK)
        else:
            width = max(2.0, self.x_of(item.end_or(self._model.now())) - x0)
            if item.kind == "stall":
                rect = QRectF(x0, top + 1, width, row.height - 2)
            elif item.category == "request":  # async: a thin bar under the work
                rect = QRectF(x0, top + row.height - 7, width, 4)
            else:
                inner = top + (STALL_STRIP if row.lane.lane == GUI_LANE else 4)
                rect = QRectF(x0, inner, width, top + row.height - 4 - inner)
        if rect.right() < self.gutter_w or rect.left() > self.width():
            return None
        return rect

    def item_at(self, point: QPoint) -> TimelineItem | None:
        """The item drawn at ``point``: a marker first, else the narrowest span."""
        if point.x() < self.gutter_w or point.y() < AXIS_H:
            return None
        best: tuple[int, float, TimelineItem] | None = None
        for row in self._rows:
            top = AXIS_H + row.y - self.v_offset
            if row.lane is None or not top <= point.y() < top + row.height:
                continue
            for item in row.items:
                rect = self.item_rect(item, row)
                if rect is None or not rect.adjusted(-3, -2, 3, 2).contains(point):
                    continue
                rank = 0 if item.is_marker else 3 if item.kind == "stall" else 1
                rank += item.category == "request"
                if best is None or (rank, rect.width()) < best[:2]:
                    best = (rank, rect.width(), item)
        return best[2] if best else None

    # -- painting ---------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the rows in view, their items, the flows, "now" and the axis."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._font)
        painter.fillRect(self.rect(), BACKGROUND)
        span = self.end_ns - self.start_ns
        step = nice_step(span, (self.width() - self.gutter_w) / 110)
        first = (self.start_ns // step + 1) * step
        ticks = [first + i * step for i in range(int(span // step) + 1)]
        shown = [r for r in self._rows if self._is_row_in_view(r)]
        lanes = QRectF(0, AXIS_H, self.width(), self.lanes_height())
        painter.setClipRect(lanes)
        for index, row in enumerate(shown):
            self._paint_row_background(painter, row, index)
        painter.setClipRect(lanes.adjusted(self.gutter_w, 0, 0, 0))
        painter.setPen(QPen(GRID, 1))
        for tick in ticks:
            x = self.x_of(tick)
            painter.drawLine(QPointF(x, AXIS_H), QPointF(x, self.height()))
        now = self._model.now()
        for row in shown:
            self._paint_items(painter, row, now)
        self._paint_flows(painter)
        painter.setPen(QPen(NOW, 1, Qt.PenStyle.DashLine))
        x_now = self.x_of(now)
        painter.drawLine(QPointF(x_now, AXIS_H), QPointF(x_now, self.height()))
        painter.setClipRect(lanes)
        for row in shown:
            self._paint_gutter(painter, row)
        painter.setClipping(False)
        self._paint_axis(painter, ticks, step)

    def _top(self, row: Row) -> float:
        return AXIS_H + row.y - self.v_offset

    def _is_row_in_view(self, row: Row) -> bool:
        top = self._top(row)
        return top + row.height > AXIS_H and top < self.height()

    def _paint_row_background(self, painter: QPainter, row: Row, index: int) -> None:
        rect = QRectF(0, self._top(row), self.width(), row.height)
        colour = HEADER if row.lane is None else ALT_ROW if index % 2 else BACKGROUND
        painter.fillRect(rect, colour)
        painter.setPen(QPen(SEPARATOR, 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if row.lane is None:  # a process header
            painter.setPen(MUTED)
            painter.setFont(self._bold)
            painter.drawText(rect.adjusted(8, 0, -8, 0), LEFT, row.title)
            painter.setFont(self._font)

    def _paint_gutter(self, painter: QPainter, row: Row) -> None:
        if row.lane is None:
            return
        top = self._top(row)
        rect = QRectF(0, top, self.gutter_w, row.height - 1)
        painter.fillRect(rect, GUTTER)
        painter.setPen(QPen(SEPARATOR, 1))
        painter.drawLine(
            QPointF(self.gutter_w, top), QPointF(self.gutter_w, top + row.height)
        )
        painter.setFont(self._bold if row.lane.lane == GUI_LANE else self._font)
        painter.setPen(TEXT)
        label = painter.fontMetrics().elidedText(
            row.title, Qt.TextElideMode.ElideMiddle, self.gutter_w - 22
        )
        painter.drawText(rect.adjusted(14, 0, -8, 0), LEFT, label)
        painter.setFont(self._font)

    def _paint_items(self, painter: QPainter, row: Row, now: int) -> None:
        def paint_order(item: TimelineItem) -> tuple[int, int]:
            return _PAINT_ORDER[item.kind], item.start_ns - item.end_or(now)

        drawn: list[tuple[QRectF, TimelineItem]] = []
        last_pixel: dict[tuple[str, str], int] = {}
        for item in sorted(row.items, key=paint_order):  # long spans under short
            rect = self.item_rect(item, row)
            if rect is None:
                continue
            if (item.is_marker or rect.width() < 3) and item != self.selected:
                # Many tiny items in one pixel column (a flood): draw one.
                pixel, key = int(rect.center().x()), (item.kind, item.category)
                if last_pixel.get(key) == pixel:
                    continue
                last_pixel[key] = pixel
            if item.kind == "stall":
                paint_stall(painter, item, rect, self._bold)
            elif item.is_marker:
                paint_marker(painter, item, rect)
            else:
                paint_span(painter, item, rect, self.gutter_w)
                drawn.append((rect, item))
            if item == self.selected:
                painter.setPen(QPen(TEXT, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5))
        self._paint_outside_labels(painter, row, drawn)

    def _paint_outside_labels(
        self, painter: QPainter, row: Row, drawn: list[tuple[QRectF, TimelineItem]]
    ) -> None:
        """Name each span too narrow for its name to its right, where there is room.

        Left to right; a label never runs into the next item, nor starts over
        the text of the one before (two spans a pixel apart: the first is named).
        """
        lefts = [r.left() for r, _ in drawn]
        lefts += [
            r.left() for i in row.items if i.is_marker and (r := self.item_rect(i, row))
        ]
        lefts.sort()
        text_end = -1.0
        for rect, item in sorted(drawn, key=lambda pair: pair[0].left()):
            if item.category == "request" or is_named_inside(painter, item, rect):
                continue
            i = bisect.bisect_right(lefts, rect.right() + 1)
            right = lefts[i] if i < len(lefts) else self.width()
            if right - rect.right() < 40 or rect.right() + 4 < text_end + 6:
                continue
            label = QRectF(
                rect.right() + 4, rect.top(), right - rect.right() - 8, rect.height()
            )
            ink = colour_of(item).darker(150)
            text_end = max(
                text_end, paint_label(painter, label, display_name(item), ink)
            )

    def _paint_flows(self, painter: QPainter) -> None:
        """An arrow from each visible post to the GUI-thread run it caused."""
        gui_row = self.row_of(GUI_LANE)
        posts = [(i, r) for r in self._rows for i in r.items if i.kind == "post"]
        for post, row in posts[-MAX_FLOWS:] if gui_row else ():
            run = self._model.run_of(post)
            a = self.item_rect(post, row)
            b = None if run is None else self.item_rect(run, gui_row)
            if a is not None and b is not None:
                paint_flow(painter, QPointF(a.center().x(), a.top()), b.bottomLeft())

    def _paint_axis(self, painter: QPainter, ticks: list[float], step: float) -> None:
        painter.fillRect(QRectF(0, 0, self.width(), AXIS_H), BACKGROUND)
        painter.fillRect(QRectF(0, 0, self.gutter_w, AXIS_H), GUTTER)
        painter.setPen(QPen(SEPARATOR, 1))
        painter.drawLine(QPointF(0, AXIS_H - 0.5), QPointF(self.width(), AXIS_H - 0.5))
        painter.setPen(MUTED)
        window = f"window {format_ns(self.end_ns - self.start_ns)}"
        painter.drawText(QRectF(14, 0, self.gutter_w - 20, AXIS_H), LEFT, window)
        unit = max(abs(self.start_ns), abs(self.end_ns))
        for tick in ticks:
            x = self.x_of(tick)
            painter.setPen(QPen(SEPARATOR.darker(120), 1))
            painter.drawLine(QPointF(x, AXIS_H - 6), QPointF(x, AXIS_H - 1))
            label = format_ns(tick, step_ns=step, unit_ns=unit)
            if x + 3 + painter.fontMetrics().horizontalAdvance(label) < self.width():
                painter.setPen(MUTED)
                painter.drawText(QRectF(x + 3, 0, 120, AXIS_H - 3), LEFT, label)

    # -- mouse ------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Remember where a click or drag starts."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = (event.position().toPoint(), self.start_ns, self.v_offset)
            self._dragging = False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Drag to pan in time and across lanes."""
        if self._press is None:
            return
        origin, start, v_offset = self._press
        delta = event.position().toPoint() - origin
        if not self._dragging and delta.manhattanLength() < 4:
            return
        if not self._dragging:
            self._dragging = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            self.follow_dropped.emit()
        span = self.end_ns - self.start_ns
        shift = -delta.x() * span / max(1, self.width() - self.gutter_w)
        self.v_offset = v_offset - delta.y()
        self.set_range(start + shift, start + shift + span)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A press and release without a drag is a click on an item."""
        if self._press is not None and not self._dragging:
            self.item_clicked.emit(self.item_at(event.position().toPoint()))
        self._press = None
        self._dragging = False
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms at the mouse, Shift+wheel pans, the wheel scrolls."""
        delta = event.angleDelta()
        modifiers = event.modifiers()
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            self.follow_dropped.emit()
            self.zoom(WHEEL_ZOOM ** (delta.y() / 120), self.ns_at(event.position().x()))
        elif delta.x() or modifiers & Qt.KeyboardModifier.ShiftModifier:
            self.follow_dropped.emit()
            shift = -(delta.x() or delta.y()) / 120 * (self.end_ns - self.start_ns) / 8
            self.set_range(self.start_ns + shift, self.end_ns + shift)
        else:
            self.v_offset -= delta.y() // 4
            self.relayout()
        event.accept()

    def zoom(self, factor: float, anchor_ns: float) -> None:
        """Narrow the window ``factor`` times (< 1 widens), keeping ``anchor_ns``."""
        span = self.end_ns - self.start_ns
        new_span = min(max(span / factor, MIN_SPAN_NS), MAX_SPAN_NS)
        start = anchor_ns - (anchor_ns - self.start_ns) * new_span / max(1.0, span)
        self.set_range(start, start + new_span)

    def event(self, event: QEvent) -> bool:
        """Show the hovered item's name, duration and lane as a tooltip."""
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return super().event(event)
        item = self.item_at(event.pos())
        if item is None:
            QToolTip.hideText()
            return True
        took = ""
        if item.end_ns is not None and not item.is_marker:
            took = format_ns(item.end_ns - item.start_ns)
        text = f"{display_name(item)} {took}\n{item.lane_name}"
        QToolTip.showText(event.globalPos(), text, self)
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Lay the rows out again for the new height."""
        super().resizeEvent(event)
        self.relayout()


_PAINT_ORDER = {"stall": 0, "span": 1, "instant": 2, "post": 2, "violation": 3}
MAX_FLOWS = 500
