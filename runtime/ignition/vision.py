"""``system.gui``, ``system.nav`` and Ignition 8.3's ``system.vision`` (client scope).

Every function here touches the GUI, so each asks the thread guard first: on
a worker thread that is a violation (with both stacks). The call is still
carried out — on the GUI thread, with the worker waiting for its result — so
a user's bug never crashes the simulated client. Windows and dialogs come
from the :class:`~visionsim.runtime.vision_port.VisionPort` that the upper layers fill.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, TypeVar

from visionsim.runtime.context import Flag
from visionsim.runtime.vision_port import VisionPort

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime.dispatch import GuiDispatcher
    from visionsim.runtime.ignition.services import ScopeServices
    from visionsim.runtime.thread_guard import ThreadGuard
    from visionsim.runtime.vision_port import DialogHost, VisionWindow, WindowHost

T = TypeVar("T")


class _Gui:
    """Shared plumbing: guard check, then run on the GUI thread."""

    def __init__(self, svc: ScopeServices) -> None:
        assert svc.dispatcher is not None
        assert svc.guard is not None
        self._dispatcher: GuiDispatcher = svc.dispatcher
        self._guard: ThreadGuard = svc.guard
        self._port: VisionPort = svc.vision or VisionPort()

    def _call(self, what: str, fn: Callable[[], T]) -> T:
        self._guard.check(what)
        if self._dispatcher.is_gui_thread():
            return fn()
        return _run_on_gui_and_wait(self._dispatcher, fn, sys._getframe(2))

    def _windows(self) -> WindowHost:
        if self._port.windows is None:
            raise RuntimeError("this client has no Vision windows attached")
        return self._port.windows

    def _dialogs(self) -> DialogHost:
        if self._port.dialogs is None:
            raise RuntimeError("this client has no dialog host attached")
        return self._port.dialogs


class GuiFunctions(_Gui):
    """``system.gui``."""

    def messageBox(self, message: str, title: str = "Information") -> None:
        """Show an information message (modal)."""
        self._call(
            "system.gui.messageBox",
            lambda: self._dialogs().message("messageBox", str(message), str(title)),
        )

    def warningBox(self, message: str, title: str = "Warning") -> None:
        """Show a warning message (modal)."""
        self._call(
            "system.gui.warningBox",
            lambda: self._dialogs().message("warningBox", str(message), str(title)),
        )

    def errorBox(self, message: str, title: str = "Error") -> None:
        """Show an error message (modal)."""
        self._call(
            "system.gui.errorBox",
            lambda: self._dialogs().message("errorBox", str(message), str(title)),
        )

    def confirm(
        self, message: str, title: str = "Confirm", allowCancel: bool = False
    ) -> bool | None:
        """Ask yes/no (or cancel): True, False, or None when cancelled."""
        return self._call(
            "system.gui.confirm",
            lambda: self._dialogs().confirm(
                str(message), str(title), bool(allowCancel)
            ),
        )

    def inputBox(self, message: str, defaultText: str = "") -> str | None:
        """Ask for text: the text entered, or None when cancelled."""
        return self._call(
            "system.gui.inputBox",
            lambda: self._dialogs().input(str(message), str(defaultText)),
        )

    def getSibling(self, event: Any, name: str) -> Any:
        """The component called ``name`` next to the event's source."""
        return event.source.parent.getComponent(name)

    def getParentWindow(self, event: Any) -> VisionWindow:
        """The window that holds the event's source."""
        window = self._call(
            "system.gui.getParentWindow",
            lambda: self._windows().window_of(event.source),
        )
        if window is None:
            raise ValueError("the event's component is not in an open window")
        return window

    def getWindow(self, name: str) -> VisionWindow:
        """The open window at path ``name``; ValueError if it is not open."""

        def find() -> VisionWindow:
            for window in self._windows().opened_windows():
                if window.path == name:
                    return window
            raise ValueError(f'Window "{name}" is not currently open')

        return self._call("system.gui.getWindow", find)

    def getOpenedWindows(self) -> tuple[VisionWindow, ...]:
        """Every open window."""
        return self._call(
            "system.gui.getOpenedWindows",
            lambda: tuple(self._windows().opened_windows()),
        )

    def getOpenedWindowNames(self) -> tuple[str, ...]:
        """The paths of every open window."""
        return self._call(
            "system.gui.getOpenedWindowNames",
            lambda: tuple(w.path for w in self._windows().opened_windows()),
        )


class NavFunctions(_Gui):
    """``system.nav``."""

    def openWindow(
        self, path: str, params: dict[str, Any] | None = None
    ) -> VisionWindow:
        """Open the window at ``path``; ``params`` set root-container properties."""
        return self._call(
            "system.nav.openWindow",
            lambda: self._windows().open_window(str(path), _params(params)),
        )

    def closeWindow(self, arg: str | VisionWindow) -> None:
        """Close a window given by path or window object."""
        self._call("system.nav.closeWindow", lambda: self._windows().close_window(arg))

    def swapTo(self, path: str, params: dict[str, Any] | None = None) -> VisionWindow:
        """Close the current window and open ``path`` in its place."""
        return self._call(
            "system.nav.swapTo",
            lambda: self._windows().swap_to(str(path), _params(params)),
        )

    def getCurrentWindow(self) -> str | None:
        """The path of the current main window."""

        def current() -> str | None:
            window = self._windows().current_window()
            return None if window is None else window.path

        return self._call("system.nav.getCurrentWindow", current)


class VisionFunctions:
    """``system.vision`` (8.3): the Vision functions under their new names."""

    def __init__(
        self,
        gui: GuiFunctions,
        nav: NavFunctions,
        invoke_later: Callable[..., None],
        client_id: Callable[[], str],
    ) -> None:
        self.invokeLater = invoke_later
        self.getClientId = client_id
        self.showMessage = gui.messageBox
        self.showWarning = gui.warningBox
        self.showError = gui.errorBox
        self.showConfirm = gui.confirm
        self.showInput = gui.inputBox
        for name in (
            "getSibling",
            "getParentWindow",
            "getWindow",
            "getOpenedWindows",
            "getOpenedWindowNames",
        ):
            setattr(self, name, getattr(gui, name))
        for name in ("openWindow", "closeWindow", "swapTo", "getCurrentWindow"):
            setattr(self, name, getattr(nav, name))


def _params(params: object) -> dict[str, object] | None:
    if params is None:
        return None
    if not isinstance(params, dict):
        raise TypeError(f"params must be a dict, not {type(params).__name__}")
    return dict(params)


def _run_on_gui_and_wait(
    dispatcher: GuiDispatcher, fn: Callable[[], T], caller: Any
) -> T:
    """Run ``fn`` on the GUI thread and wait for it (Swing's invokeAndWait)."""
    done = Flag()
    box: list[Any] = []

    def run() -> None:
        try:
            box.append((True, fn()))
        except BaseException as exc:
            box.append((False, exc))
        finally:
            done.set()

    dispatcher.post(run, 0, caller, "GUI call from a worker")
    done.wait()
    ok, value = box[0]
    if not ok:
        raise value
    result: T = value
    return result
