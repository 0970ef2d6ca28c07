"""A Vision client's desktop: its windows inside an MDI area, one tab per client."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMdiArea, QMdiSubWindow

if TYPE_CHECKING:
    from visionsim.runtime import ClientSession
    from visionsim.widgets import VisionWindow


#: How far each further window opens from the one before (a cascade).
CASCADE_PX = 24


class ClientDesktop(QMdiArea):
    """Shows one client's open Vision windows as sub-windows."""

    def __init__(self, client: ClientSession) -> None:
        super().__init__()
        self.client = client
        self.setBackground(QColor("#e8ecf1"))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    @property
    def title(self) -> str:
        """The tab label: client id, host and user."""
        c = self.client
        return f"Client {c.client_id} · {c.host_name} · {c.user_name}"

    def place(self, window: VisionWindow) -> None:
        """Add a newly opened window; closing it closes the Vision window.

        A window marked ``startMaximized`` fills the desktop; any other opens
        at its designed size, inside the visible area (a little below and to
        the right of the last one opened, as a cascade).
        """
        sub = QMdiSubWindow()
        sub.setWidget(window.widget)
        sub.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sub.setWindowTitle(window.title)
        self.addSubWindow(sub)
        # Room for the title bar and borders, so the window's size is all
        # content: addSubWindow set the frame's margins from the style (asking
        # the style ourselves means QStyle's enums, 5 ms at start-up).
        frame = sub.contentsMargins()
        width, height = window.spec.size
        sub.resize(
            width + frame.left() + frame.right(), height + frame.top() + frame.bottom()
        )
        others = [w for w in self.subWindowList() if w is not sub and w.isVisible()]
        step = CASCADE_PX * len(others)
        sub.move(self._inside(sub, step, step))
        if getattr(window.spec, "start_maximized", False):
            sub.showMaximized()
        else:
            sub.show()
        sub.destroyed.connect(lambda: self._on_frame_destroyed(window))

    def _inside(self, sub: QMdiSubWindow, x: int, y: int) -> QPoint:
        """``(x, y)``, moved so ``sub`` fits in the visible area (top-left wins)."""
        # The viewport's size; viewport() itself would make PySide build a
        # wrapper for every widget type (see test_desktop_process).
        area = self.contentsRect().size()
        x = max(0, min(x, area.width() - sub.width()))
        y = max(0, min(y, area.height() - sub.height()))
        return QPoint(x, y)

    def _on_frame_destroyed(self, window: VisionWindow) -> None:
        # The user closed the frame (its X): the Vision window is closed too.
        windows = self.client.vision.windows
        forget = getattr(windows, "forget", None)
        if forget is not None:
            forget(window)
