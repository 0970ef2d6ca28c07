"""What the runtime needs from the layers above to show windows and dialogs.

``system.nav`` and ``system.gui`` live in the runtime, but windows are widgets
and dialogs are the app's (or, headless, printed). The runtime declares these
Protocols; ``widgets`` and ``app`` implement them and plug them into a
client's :class:`VisionPort` (docs/DESIGN.md section 1).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Sequence


class VisionWindow(Protocol):
    """An open window as scripts see it (Ignition's FPMIWindow)."""

    @property
    def path(self) -> str:
        """The window's path, e.g. ``Main`` or ``Popups/Confirm``."""
        ...


class WindowHost(Protocol):
    """Opens and closes a client's windows. Called on the GUI thread."""

    def open_window(self, path: str, params: dict[str, object] | None) -> VisionWindow:
        """Open (or bring to front) the window at ``path`` with ``params``."""
        ...

    def swap_to(self, path: str, params: dict[str, object] | None) -> VisionWindow:
        """Close the current window and open ``path`` in its place."""
        ...

    def close_window(self, window: str | VisionWindow) -> None:
        """Close an open window, given by path or object."""
        ...

    def opened_windows(self) -> Sequence[VisionWindow]:
        """Open windows, oldest first."""
        ...

    def current_window(self) -> VisionWindow | None:
        """The window most recently opened or swapped to."""
        ...

    def window_of(self, component: object) -> VisionWindow | None:
        """The open window that holds ``component``."""
        ...

    def close_all(self) -> None:
        """Close every open window (the client is going away)."""
        ...


class DialogHost(Protocol):
    """Shows dialogs: modal in the app, printed and answered headless."""

    def message(self, kind: str, message: str, title: str) -> None:
        """A message box; ``kind`` is ``messageBox``, ``warningBox`` or ``errorBox``."""
        ...

    def confirm(self, message: str, title: str, allow_cancel: bool) -> bool | None:
        """Yes → True, No → False, Cancel (if allowed) → None."""
        ...

    def input(self, message: str, default_text: str) -> str | None:
        """The text entered, or None when cancelled."""
        ...


class VisionPort:
    """The slots a client's upper layers fill in (both start empty)."""

    def __init__(self) -> None:
        self.windows: WindowHost | None = None
        self.dialogs: DialogHost | None = None
