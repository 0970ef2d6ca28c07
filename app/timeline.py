"""The thread timeline dock: every simulated thread's work, live, one lane each.

:class:`TimelineWidget` polls the simulation's tracer every 100 ms into a
:class:`~visionsim.app.timeline_model.TimelineModel` and shows it in a
:class:`~visionsim.app.timeline_view.TimelineView`, with a toolbar (Follow, Fit, zoom,
Export trace…), scrollbars and a details panel for the clicked item. It is
the teaching centrepiece: a learner sees that ``longProcess`` ran on its own
``Thread-…`` lane and that the ``sendBack`` it posted ran on
``AWT-EventQueue-0``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from visionsim.app.timeline_details import describe
from visionsim.app.timeline_model import TimelineModel
from visionsim.app.timeline_paint import COLOURS
from visionsim.app.timeline_view import TimelineView

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint, QRectF
    from PySide6.QtGui import QShowEvent

    from visionsim.app.timeline_model import TimelineItem
    from visionsim.runtime import Simulation

POLL_MS = 100
ZOOM_STEP = 2.0
FOLLOW_MARGIN = 0.03  # of the window, between "now" and the right edge
_TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse
PLACEHOLDER = "Click an item on the timeline to see its details."
LEGEND = (
    ("task", "async task"),
    ("handler", "message handler"),
    ("gui", "GUI-thread call"),
    ("request", "request"),
    ("stall", "stall"),
    ("violation", "violation"),
)


class TimelineWidget(QWidget):
    """A live timeline of a simulation's threads, for a dock.

    Parameters
    ----------
    sim
        The simulation whose tracer is shown.
    parent
        The owning widget.
    """

    item_selected = Signal(object)  # (TimelineItem | None)

    def __init__(self, sim: Simulation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sim = sim
        self._model = TimelineModel(sim.tracer)
        self._scroll_origin, self._scroll_unit = 0.0, 1.0
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._setup_ui()
        self._connect_signals()
        self.refresh()
        self._timer.start()

    def _setup_ui(self) -> None:
        self.view = TimelineView(self._model, self)
        self.h_scroll = QScrollBar(Qt.Orientation.Horizontal)
        self.v_scroll = QScrollBar(Qt.Orientation.Vertical)
        grid = QGridLayout()
        grid.setSpacing(0)
        grid.addWidget(self.view, 0, 0)
        grid.addWidget(self.v_scroll, 0, 1)
        grid.addWidget(self.h_scroll, 1, 0)
        self.details = QLabel(PLACEHOLDER)
        self.details.setWordWrap(True)
        self.details.setFrameShape(QFrame.Shape.StyledPanel)
        self.details.setAlignment(_TOP_LEFT)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(_SELECTABLE)
        self.details.setMinimumHeight(self.details.fontMetrics().lineSpacing() * 4 + 10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._toolbar())
        layout.addLayout(grid, 1)
        layout.addWidget(self.details)

    def _toolbar(self) -> QHBoxLayout:
        self.follow_button = _tool_button("Follow", "Keep the newest events in view")
        self.follow_button.setCheckable(True)
        self.follow_button.setChecked(True)
        self.fit_button = _tool_button("Fit", "Show everything recorded")
        self.zoom_out_button = _tool_button("\u2212", "Zoom out (Ctrl+wheel)")
        self.zoom_in_button = _tool_button("+", "Zoom in (Ctrl+wheel)")
        self.export_button = QPushButton("Export trace\u2026")
        self.export_button.setToolTip("Save as Chrome-trace JSON (Perfetto)")
        self.status = QLabel()
        swatches = "&nbsp;&nbsp;".join(
            f'<span style="color:{COLOURS[key].name()}">\u25a0</span> {text}'
            for key, text in LEGEND
        )
        bar = QHBoxLayout()
        for button in (self.follow_button, self.fit_button):
            bar.addWidget(button)
        bar.addSpacing(6)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        bar.addSpacing(12)
        bar.addWidget(QLabel(swatches))
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.export_button)
        return bar

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self._on_timer_timeout)
        self.follow_button.toggled.connect(self._on_follow_button_toggled)
        self.fit_button.clicked.connect(self._on_fit_button_clicked)
        self.zoom_in_button.clicked.connect(self._on_zoom_in_button_clicked)
        self.zoom_out_button.clicked.connect(self._on_zoom_out_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.view.view_changed.connect(self._on_view_view_changed)
        self.view.item_clicked.connect(self._on_view_item_clicked)
        self.view.follow_dropped.connect(self._on_view_follow_dropped)
        self.h_scroll.valueChanged.connect(self._on_h_scroll_value_changed)
        self.v_scroll.valueChanged.connect(self._on_v_scroll_value_changed)

    # -- public API -------------------------------------------------------------

    def refresh(self) -> None:
        """Read the tracer's new events and redraw (the 100 ms timer calls it)."""
        added = self._model.poll()
        selected = self.view.selected
        if selected is not None and selected.is_running:  # it may have ended
            current = self._model.find(selected.lane, selected.seq) or selected
            if current != selected:
                self.select(current)
            else:
                self.details.setText(describe(self._model, selected))
        if self.is_following():
            self._follow_now()
        elif added or self._model.has_running:
            self.view.relayout()

    def lane_names(self) -> list[str]:
        """The names of the lanes shown, top to bottom (GUI thread first)."""
        return [row.title for row in self.view.lane_rows()]

    def items(self) -> list[TimelineItem]:
        """Every item the timeline holds (bounded; oldest dropped first)."""
        return self._model.items()

    def item_at(self, point: QPoint) -> TimelineItem | None:
        """The item drawn at ``point`` in :attr:`view` coordinates, if any."""
        return self.view.item_at(point)

    def item_rect(self, item: TimelineItem) -> QRectF | None:
        """Where ``item`` is drawn in :attr:`view`, or None when out of view."""
        return self.view.item_rect(item)

    def select(self, item: TimelineItem | None) -> None:
        """Highlight ``item`` and show its details (None clears)."""
        self.view.selected = item
        text = PLACEHOLDER if item is None else describe(self._model, item)
        self.details.setText(text)
        self.view.update()
        self.item_selected.emit(item)

    def selected_item(self) -> TimelineItem | None:
        """The highlighted item, if any."""
        return self.view.selected

    def details_text(self) -> str:
        """The details panel's text."""
        return self.details.text()

    def view_range(self) -> tuple[int, int]:
        """The visible time window, ns since the tracer started."""
        return int(self.view.start_ns), int(self.view.end_ns)

    def set_view(self, start_ns: int, end_ns: int) -> None:
        """Show ``[start_ns, end_ns]`` and stop following "now"."""
        self.set_following(False)
        self.view.set_range(start_ns, end_ns)

    def zoom(self, factor: float, anchor_ns: int | None = None) -> None:
        """Zoom in ``factor`` times (< 1 zooms out) around ``anchor_ns``.

        Without an anchor it keeps the right edge ("now") while following,
        else the middle.
        """
        view = self.view
        if anchor_ns is None:
            following = self.is_following()
            anchor = view.end_ns if following else (view.start_ns + view.end_ns) / 2
        else:
            self.set_following(False)
            anchor = anchor_ns
        view.zoom(factor, anchor)

    def fit(self) -> None:
        """Show everything the timeline holds and stop following."""
        first = self._model.first_ns or 0
        last = max(self._model.last_ns, first + 1)
        if self._model.has_running:
            last = max(last, self._model.now())
        margin = (last - first) * 0.02
        self.set_view(int(first - margin), int(last + margin))

    def is_following(self) -> bool:
        """Whether the view scrolls along with "now"."""
        return self.follow_button.isChecked()

    def set_following(self, on: bool) -> None:
        """Turn following "now" on or off."""
        self.follow_button.setChecked(on)

    def export(self, path: str) -> int:
        """Write the tracer's events as Chrome-trace JSON; returns the count."""
        return self._sim.tracer.export_chrome(path)

    # -- internals ----------------------------------------------------------------

    def _follow_now(self) -> None:
        view = self.view
        span = view.end_ns - view.start_ns
        end = max(self._model.now() + span * FOLLOW_MARGIN, span)
        view.set_range(end - span, end)

    def _sync_scrollbars(self) -> None:
        view = self.view
        span = view.end_ns - view.start_ns
        low = min(self._model.first_ns or 0, view.start_ns, 0)
        high = max(self._model.now(), view.end_ns)
        unit = max(1.0, (high - low) / 10_000)
        self._scroll_origin, self._scroll_unit = low, unit
        with QSignalBlocker(self.h_scroll):
            self.h_scroll.setRange(0, int((high - low - span) / unit))
            self.h_scroll.setPageStep(max(1, int(span / unit)))
            self.h_scroll.setSingleStep(max(1, int(span / unit / 10)))
            self.h_scroll.setValue(int((view.start_ns - low) / unit))
        hidden = max(0, view.content_height - view.lanes_height())
        self.v_scroll.setVisible(hidden > 0)
        with QSignalBlocker(self.v_scroll):
            self.v_scroll.setRange(0, hidden)
            self.v_scroll.setPageStep(max(1, view.lanes_height()))
            self.v_scroll.setSingleStep(20)
            self.v_scroll.setValue(view.v_offset)

    def showEvent(self, event: QShowEvent) -> None:
        """Catch up at once when the dock is shown again."""
        super().showEvent(event)
        self.refresh()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self.isVisible():
            self.refresh()
        else:  # a hidden dock only keeps up with the tracer's bounded ring
            self._model.poll()

    @Slot(bool)
    def _on_follow_button_toggled(self, checked: bool) -> None:
        if checked:
            self._follow_now()

    @Slot()
    def _on_fit_button_clicked(self) -> None:
        self.fit()

    @Slot()
    def _on_zoom_in_button_clicked(self) -> None:
        self.zoom(ZOOM_STEP)

    @Slot()
    def _on_zoom_out_button_clicked(self) -> None:
        self.zoom(1 / ZOOM_STEP)

    @Slot()
    def _on_export_button_clicked(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # not needed at start-up

        path, _ = QFileDialog.getSaveFileName(
            self, "Export trace", "visionsim-trace.json", "Chrome trace (*.json)"
        )
        if not path:
            return
        try:
            count = self.export(path)
        except OSError as exc:
            self.status.setText(f"Export failed: {exc.strerror or exc}")
            return
        self.status.setText(f"Exported {count} events")

    @Slot()
    def _on_view_view_changed(self) -> None:
        self._sync_scrollbars()

    @Slot(object)
    def _on_view_item_clicked(self, item: TimelineItem | None) -> None:
        self.select(item)

    @Slot()
    def _on_view_follow_dropped(self) -> None:
        self.set_following(False)

    @Slot(int)
    def _on_h_scroll_value_changed(self, value: int) -> None:
        self.set_following(False)
        view = self.view
        start = self._scroll_origin + value * self._scroll_unit
        view.set_range(start, start + view.end_ns - view.start_ns)

    @Slot(int)
    def _on_v_scroll_value_changed(self, value: int) -> None:
        self.view.v_offset = value
        self.view.relayout()


def _tool_button(text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAutoRaise(False)
    return button
