"""What a reload keeps of the learner's place: clients, open windows, positions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from visionsim.widgets import WindowManager

if TYPE_CHECKING:
    from PySide6.QtCore import QRect

    from visionsim.runtime import ClientSession, Simulation


@dataclass(frozen=True, slots=True)
class WindowPlace:
    """An open window: its path, and its frame's geometry and state."""

    path: str
    geometry: QRect | None
    maximized: bool


@dataclass(frozen=True, slots=True)
class ClientPlace:
    """A client to start again: its identity and its open windows, oldest first."""

    identity: dict[str, object]
    windows: tuple[WindowPlace, ...]


def capture(sim: Simulation) -> list[ClientPlace]:
    """Every client of ``sim`` as a reload should bring it back."""
    return [_capture_client(client) for client in sim.clients]


def _capture_client(client: ClientSession) -> ClientPlace:
    identity: dict[str, object] = {
        "client_id": client.client_id,
        "host_name": client.host_name,
        "user_name": client.user_name,
        "roles": client.roles,
    }
    windows = client.vision.windows
    places = []
    if isinstance(windows, WindowManager):
        for window in windows.opened_windows():
            frame = window.widget.parentWidget()
            if frame is None:
                places.append(WindowPlace(window.path, None, False))
            else:
                places.append(
                    WindowPlace(window.path, frame.geometry(), frame.isMaximized())
                )
    return ClientPlace(identity, tuple(places))


def restore(sim: Simulation, places: list[ClientPlace]) -> None:
    """Put each client's windows back as they were (a window now gone is skipped).

    The clients started as the project says (startup windows open); windows
    the learner had closed are closed again, the others reopen where they
    were. Raises what building a window raises (the reload then fails).
    """
    for client, place in zip(sim.clients, places, strict=False):
        windows = client.vision.windows
        if not isinstance(windows, WindowManager):
            continue
        keep = [w for w in place.windows if w.path in client.project.windows]
        wanted = {w.path for w in keep}
        for window in windows.opened_windows():
            if window.path not in wanted:
                windows.close_window(window)
        for spot in keep:
            window = windows.open_window(spot.path, None)
            frame = window.widget.parentWidget()
            if frame is None or spot.geometry is None:
                continue
            if spot.maximized:
                frame.showMaximized()
            else:
                frame.showNormal()
                frame.setGeometry(spot.geometry)
