"""Screenshots of the Messaging and GatewayNetwork lessons for docs/messaging.md.

Each shot starts a fresh app (a temporary QSettings) on its project — the
GatewayNetwork one with the remote gateway Plant2 — opens the lesson from
the picker's button (``swapTo``, as a learner would), clicks the lesson's
buttons, lets the app run, and saves either the whole main window or just
the lesson's window as ``docs/messaging-<name>.png`` /
``docs/network-<name>.png``. Run under Xvfb::

    xvfb-run -a -s "-screen 0 1920x1200x24" \
        .venv/bin/python docs/messaging_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QRect, QSettings, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from visionsim.app.main_window import MainWindow  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.app.diagnostics import DiagnosticsPanel
    from visionsim.app.gateway_panel import GatewayPanel
    from visionsim.app.timeline import TimelineWidget
    from visionsim.runtime import ClientSession
    from visionsim.widgets import VisionWindow

#: The window size: ``VISIONSIM_SHOT_SIZE=WxH`` (default 1280x1024).
SIZE = tuple(
    int(n) for n in os.environ.get("VISIONSIM_SHOT_SIZE", "1280x1024").split("x")
)
SAMPLES = ROOT / "sample_projects"
MESSAGING = SAMPLES / "Messaging"
NETWORK = SAMPLES / "GatewayNetwork"
REMOTES = {"Plant2": NETWORK / "remote" / "PlantData"}


def settle(ms: int) -> None:
    """Let the event loop run for ``ms`` (repaint, timers, panel refresh)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def click(window: VisionWindow, name: str) -> None:
    """Click a button of ``window`` as a script would (``doClick``)."""
    window.component(name).doClick()


def text(window: VisionWindow, name: str) -> str:
    """A component's ``text``."""
    return str(window.component(name).text)


def wait_until(condition: Callable[[], bool], ms: int = 15000) -> None:
    """Run the event loop until ``condition()`` (or fail after ``ms``)."""
    for _ in range(ms // 25):
        if condition():
            return
        settle(25)
    raise SystemExit("the lesson never got there")


def frame_of(window: VisionWindow) -> QWidget:
    """The window's sub-window on the client desktop."""
    frame = window.widget.parentWidget()
    assert frame is not None
    return frame


class Shot:
    """A fresh app on ``project`` (with ``remotes``), for one screenshot."""

    def __init__(
        self,
        project: Path,
        remotes: dict[str, Path] | None = None,
        side: str | None = None,
        size: tuple[int, int] = SIZE,
    ) -> None:
        self.ini = Path(tempfile.mkdtemp()) / "settings.ini"
        self.app = MainWindow(
            project,
            remotes or {},
            settings=QSettings(str(self.ini), QSettings.Format.IniFormat),
        )
        self.app.resize(*size)
        self.app.show()
        settle(300)
        if side is not None:  # the side panel the shot is about, in front
            self.app.docks[side].raise_()
            settle(200)

    @property
    def client(self) -> ClientSession:
        """The client whose tab is showing."""
        client = self.app.current_client()
        assert client is not None
        return client

    def window(self, path: str, client: ClientSession | None = None) -> VisionWindow:
        """The open window at ``path`` in ``client`` (default: the current one)."""
        windows = (client or self.client).vision.windows
        assert windows is not None
        for window in windows.opened_windows():
            if window.path == path:
                return window  # type: ignore[return-value]
        raise SystemExit(f"{path} is not open")

    def open_lesson(self, button: str, path: str) -> VisionWindow:
        """Press the picker's ``button``; the lesson at ``path`` replaces it."""
        click(self.window("Main"), button)
        lesson = self.window(path)  # where swapTo put it
        settle(200)
        return lesson

    @property
    def diagnostics(self) -> DiagnosticsPanel:
        """The Diagnostics dock."""
        return self.app.panels["Diagnostics"]  # type: ignore[return-value]

    @property
    def gateway(self) -> GatewayPanel:
        """The Gateway dock."""
        return self.app.panels["Gateway"]  # type: ignore[return-value]

    def focus_timeline(self, select: str | None = None) -> None:
        """Zoom the timeline onto the lesson's clicks and what followed them.

        ``select``: click the first item whose name contains it (its details
        show below the lanes).
        """
        timeline: TimelineWidget = self.app.panels["Thread Timeline"]  # type: ignore[assignment]
        timeline.refresh()
        items = timeline.items()
        start = min(i.start_ns for i in items if i.name.startswith("Lessons/"))
        end = max(i.end_ns or i.start_ns for i in items)
        margin = (end - start) * 0.06
        timeline.set_view(int(start - margin), int(end + margin))
        if select is not None:
            timeline.select(next(i for i in items if select in i.name))
        settle(200)

    def save(self, name: str, what: QWidget | QPixmap | None = None) -> None:
        """Save ``what`` (default: the main window) to docs/NAME.png; close."""
        if self.app.error_popup.box is not None:
            raise SystemExit(f"{name}: a script error popped up")
        save(name, what if isinstance(what, QPixmap) else (what or self.app).grab())
        self.app.close()
        settle(100)


def save(name: str, shot: QPixmap) -> None:
    """Write ``shot`` to ``docs/<name>.png``."""
    out = ROOT / "docs" / f"{name}.png"
    shot.save(str(out))
    sys.stdout.write(f"wrote {out} ({shot.width()}x{shot.height()})\n")


# -- Messaging -----------------------------------------------------------------


def picker() -> None:
    """The Messaging project's Main window: the lesson picker."""
    shot = Shot(MESSAGING)
    main = shot.window("Main")
    settle(200)
    shot.save("messaging-picker", frame_of(main))


def async_request() -> None:
    """Lesson 1 after each of its buttons."""
    shot = Shot(MESSAGING)
    lesson = shot.open_lesson("Lesson1", "Lessons/AsyncRequest")
    for button in ("GetOrders", "Missing", "Fail", "Lost"):
        click(lesson, button)
        settle(150)
    wait_until(lambda: text(lesson, "FailResult").startswith("onError"))
    settle(300)
    shot.save("messaging-async", frame_of(lesson))


def timeout_cancel() -> None:
    """Lesson 2: a 0.5 s timeout on a 2 s handler, then Send and Cancel."""
    shot = Shot(MESSAGING)
    lesson = shot.open_lesson("Lesson2", "Lessons/TimeoutCancel")
    click(lesson, "SendTimeout")
    wait_until(lambda: text(lesson, "TimeoutResult").startswith("onError"))
    settle(300)
    click(lesson, "Send")
    settle(700)
    click(lesson, "Cancel")
    settle(1600)  # both handlers finish; their late results are discarded
    shot.focus_timeline(select="discarded late")
    shot.save("messaging-timeout")


def get_blocking() -> None:
    """Lesson 3: get() in a worker, then get() on the GUI thread (a stall)."""
    shot = Shot(MESSAGING, side="Diagnostics")
    lesson = shot.open_lesson("Lesson3", "Lessons/GetBlocking")
    shot.diagnostics.setCurrentIndex(3)  # Stalls
    click(lesson, "InWorker")
    wait_until(lambda: "rows after" in text(lesson, "WorkerResult"))
    settle(300)
    click(lesson, "OnGui")  # the GUI thread waits 0.6 s in get()
    settle(500)
    shot.diagnostics.refresh()
    shot.diagnostics.select_stall(0)
    settle(200)
    shot.save("messaging-get")


def shared_dedicated() -> None:
    """Lesson 4 with N = 4: the fast Shared request waits for a pool thread."""
    shot = Shot(MESSAGING)
    lesson = shot.open_lesson("Lesson4", "Lessons/SharedDedicated")
    click(lesson, "Fire")
    wait_until(lambda: text(lesson, "SlowResult").startswith("4 of 4"))
    settle(400)
    shot.focus_timeline()
    shot.save("messaging-shared-dedicated")


def shared_pool() -> None:
    """Lesson 4 with N = 6, mid-flight: the Gateway panel's Shared pool line."""
    shot = Shot(MESSAGING, side="Gateway")
    lesson = shot.open_lesson("Lesson4", "Lessons/SharedDedicated")
    lesson.component("Count").intValue = 6
    click(lesson, "Fire")
    settle(300)
    shot.gateway.refresh()
    settle(50)
    tree = shot.gateway.tree
    panel = tree.grab(QRect(0, 0, tree.width(), 150))  # the rows, not the blank
    wait_until(lambda: text(lesson, "SlowResult").startswith("6 of 6"))
    shot.save("messaging-shared-pool", panel)


def client_messages() -> None:
    """Lesson 5 with two clients: localhost sends to hmi-2."""
    shot = Shot(MESSAGING)
    first = shot.client
    lesson = shot.open_lesson("Lesson5", "Lessons/ClientMessages")
    second = shot.app.add_client("hmi-2", "operator")  # Clients > Add client…
    shot.app.tabs.setCurrentIndex(0)
    settle(200)
    lesson.component("Host").text = "hmi-2"
    click(lesson, "SendEdt")
    settle(300)
    sender = frame_of(lesson).grab()
    shot.app.tabs.setCurrentIndex(1)
    received = shot.window("Lessons/ClientMessages", second)
    settle(300)
    receiver = frame_of(received).grab()
    captions = (
        f"Client {first.client_id} on localhost: sends to hostName hmi-2",
        f"Client {second.client_id} on hmi-2: showAlert filled its Inbox",
    )
    shot.save("messaging-clients", side_by_side(sender, receiver, captions))


def side_by_side(
    left: QPixmap, right: QPixmap, captions: tuple[str, str], gap: int = 16
) -> QPixmap:
    """One picture: ``left`` and ``right`` next to each other, captioned."""
    band = 28
    height = band + max(left.height(), right.height())
    out = QPixmap(left.width() + gap + right.width(), height)
    out.fill(QColor("#e8ecf1"))
    painter = QPainter(out)
    font = QFont(painter.font())
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#1f2933"))
    for x, caption in ((0, captions[0]), (left.width() + gap, captions[1])):
        painter.drawText(x + 4, 19, caption)
    painter.drawPixmap(0, band, left)
    painter.drawPixmap(left.width() + gap, band, right)
    painter.end()
    return out


# -- GatewayNetwork --------------------------------------------------------------


def network_picker() -> None:
    """The GatewayNetwork project's Main window."""
    shot = Shot(NETWORK, REMOTES)
    main = shot.window("Main")
    settle(200)
    shot.save("network-picker", frame_of(main))


def network_remote() -> None:
    """Lesson 1: a request to Plant2 and a note, with 40 ms of link latency."""
    shot = Shot(NETWORK, REMOTES, side="Gateway")
    lesson = shot.open_lesson("Lesson1", "Lessons/RemoteRequest")
    shot.gateway.set_link_latency("Plant2", 40)
    click(lesson, "Request")
    click(lesson, "Note")
    wait_until(lambda: text(lesson, "Result").startswith("onSuccess"))
    settle(800)
    shot.focus_timeline(select="PlantData/gateway-events/messageHandlers/getProduction")
    shot.save("network-remote")


def network_wrong_names() -> None:
    """Lesson 2 after its three buttons."""
    shot = Shot(NETWORK, REMOTES)
    lesson = shot.open_lesson("Lesson2", "Lessons/WrongNames")
    for button in ("NoRemote", "Unknown", "Fail"):
        click(lesson, button)
        settle(150)
    wait_until(lambda: text(lesson, "FailResult").startswith("onError"))
    settle(300)
    shot.save("network-wrong-names", frame_of(lesson))


def network_faulted() -> None:
    """Lesson 3: Plant2's link faulted in the Gateway panel (2 s connect timeout)."""
    shot = Shot(NETWORK, REMOTES, side="Gateway")
    lesson = shot.open_lesson("Lesson3", "Lessons/FaultedLink")
    shot.gateway.set_link_faulted("Plant2", True)
    shot.app.sim.network.configure("Plant2", connect_timeout_s=2.0)
    shot.gateway.refresh()
    click(lesson, "Note")
    click(lesson, "Request")
    wait_until(lambda: text(lesson, "Result").startswith("onError"))
    settle(600)
    shot.focus_timeline()
    shot.save("network-faulted")


SHOTS = {
    "messaging-picker": picker,
    "messaging-async": async_request,
    "messaging-timeout": timeout_cancel,
    "messaging-get": get_blocking,
    "messaging-shared-dedicated": shared_dedicated,
    "messaging-shared-pool": shared_pool,
    "messaging-clients": client_messages,
    "network-picker": network_picker,
    "network-remote": network_remote,
    "network-wrong-names": network_wrong_names,
    "network-faulted": network_faulted,
}


def main(names: list[str]) -> None:
    """Take the named shots (default: all)."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert app is not None
    for name in names or list(SHOTS):
        SHOTS[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
