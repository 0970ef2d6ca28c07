"""Where the main window's docks go, and how the room is shared out."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QDockWidget, QMainWindow

#: Each panel's dock and where it starts (View > Reset layout puts it back).
DOCK_AREAS = (
    ("Gateway", Qt.DockWidgetArea.RightDockWidgetArea),
    ("Tags", Qt.DockWidgetArea.RightDockWidgetArea),
    ("Database", Qt.DockWidgetArea.RightDockWidgetArea),
    ("Project", Qt.DockWidgetArea.RightDockWidgetArea),
    ("Diagnostics", Qt.DockWidgetArea.RightDockWidgetArea),
    ("Thread Timeline", Qt.DockWidgetArea.BottomDockWidgetArea),
    ("Output Console", Qt.DockWidgetArea.BottomDockWidgetArea),
    ("Script Console", Qt.DockWidgetArea.BottomDockWidgetArea),
)
#: Docks sharing one place as tabs; the first is in front. The side panels
#: share the right-hand column: each gets its full width (tables with every
#: column readable) instead of two columns too narrow for either.
TABBED = (
    ("Diagnostics", "Gateway", "Tags", "Database", "Project"),
    ("Thread Timeline", "Output Console", "Script Console"),
)
#: Around a window in the client desktop: its frame, the client tabs, the
#: dock splitters (measured with the Fusion style).
DESKTOP_MARGIN = (60, 150)
#: Room kept for the desktop when the project has no windows.
DEFAULT_WINDOW = (640, 400)


def arrange(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """Put every dock in its starting area, shown, tabbed as :data:`TABBED`."""
    for title, area in DOCK_AREAS:
        dock = docks[title]
        dock.setFloating(False)
        window.addDockWidget(area, dock)
        dock.show()
    for titles in TABBED:
        group = [docks[t] for t in titles]
        for first, second in itertools.pairwise(group):
            window.tabifyDockWidget(first, second)
        group[0].raise_()


def share_out(
    window: QMainWindow,
    docks: dict[str, QDockWidget],
    window_sizes: Sequence[tuple[int, int]],
) -> None:
    """Give the central desktop room for the largest of ``window_sizes`` first.

    The docks get the rest, but never less than 30% of the width for the
    side column and 28% of the height for the bottom row; the desktop never
    asks for more than 60% / 70%.
    """
    width, height = window.width(), window.height()
    sizes = [DEFAULT_WINDOW, *window_sizes]
    need_w = min(max(w for w, _ in sizes) + DESKTOP_MARGIN[0], int(width * 0.6))
    need_h = min(max(h for _, h in sizes) + DESKTOP_MARGIN[1], int(height * 0.7))
    side = max(width - need_w, int(width * 0.3))
    window.resizeDocks([docks["Diagnostics"]], [side], Qt.Orientation.Horizontal)
    bottom = max(height - need_h, int(height * 0.28))
    window.resizeDocks([docks["Thread Timeline"]], [bottom], Qt.Orientation.Vertical)
