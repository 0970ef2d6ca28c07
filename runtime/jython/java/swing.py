"""``javax.swing`` for client scripts: ``SwingUtilities``, ``JOptionPane``, components.

``SwingUtilities.invokeLater`` posts to the GUI dispatcher (like
``system.util.invokeLater``); ``JOptionPane`` dialogs are ``system.gui``'s,
so the same headless answers apply. ``JFrame``, ``JPanel``, ``JLabel`` and
``JButton`` hold their properties; no real window is shown.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from visionsim.runtime.context import Flag
from visionsim.runtime.ignition.vision import GuiFunctions
from visionsim.runtime.jython.java.errors import (
    SCRIPT_ERRORS,
    InvocationTargetException,
    JavaError,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime.ignition.services import ScopeServices

YES_OPTION = OK_OPTION = 0
NO_OPTION = 1
CANCEL_OPTION = 2
CLOSED_OPTION = -1
YES_NO_CANCEL_OPTION = 1
OK_CANCEL_OPTION = 2
ERROR_MESSAGE = 0
INFORMATION_MESSAGE = 1
WARNING_MESSAGE = 2
QUESTION_MESSAGE = 3
PLAIN_MESSAGE = -1
_EDT_WAIT = "Cannot call invokeAndWait from the event dispatcher thread"


def swing_classes(svc: ScopeServices) -> dict[str, object]:
    """The ``javax.swing`` names for one client scope."""
    return {
        "SwingUtilities": SwingUtilities(svc),
        "JOptionPane": JOptionPane(GuiFunctions(svc)),
        "JComponent": JComponent,
        "JFrame": JFrame,
        "JPanel": JPanel,
        "JLabel": JLabel,
        "JButton": JButton,
    }


def _runnable(target: object, what: str) -> Callable[[], object]:
    fn = getattr(target, "run", target)
    if not callable(fn):
        raise TypeError(f"{what}() needs a Runnable or callable")
    return fn


class SwingUtilities:
    """``javax.swing.SwingUtilities`` of one client: the EDT helpers."""

    def __init__(self, svc: ScopeServices) -> None:
        assert svc.dispatcher is not None
        self._dispatcher = svc.dispatcher
        self._stall = svc.stall

    def invokeLater(self, runnable: object) -> None:
        """Run later on the GUI thread (``system.util.invokeLater``)."""
        fn = _runnable(runnable, "invokeLater")
        self._dispatcher.post(fn, 0, sys._getframe(1), "SwingUtilities.invokeLater")

    def isEventDispatchThread(self) -> bool:
        """Whether the caller is on the GUI thread."""
        return self._dispatcher.is_gui_thread()

    def invokeAndWait(self, runnable: object) -> None:
        """Run on the GUI thread and wait; an error comes back wrapped."""
        if self._dispatcher.is_gui_thread():
            raise JavaError(
                "Cannot call invokeAndWait from the event dispatcher thread"
            )
        fn = _runnable(runnable, "invokeAndWait")
        failed: list[BaseException] = []
        done = Flag()

        def run() -> None:
            try:
                fn()
            except SCRIPT_ERRORS as exc:
                failed.append(exc)
            finally:
                done.set()

        caller = sys._getframe(1)
        self._dispatcher.post(run, 0, caller, "SwingUtilities.invokeAndWait")
        with self._stall.blocking("invokeAndWait"):
            done.wait()
        if failed:
            raise InvocationTargetException(failed[0])


class JOptionPane:
    """``javax.swing.JOptionPane``: ``system.gui``'s dialogs, Java's answers."""

    YES_OPTION = YES_OPTION
    OK_OPTION = OK_OPTION
    NO_OPTION = NO_OPTION
    CANCEL_OPTION = CANCEL_OPTION
    CLOSED_OPTION = CLOSED_OPTION
    DEFAULT_OPTION = -1
    YES_NO_OPTION = 0
    YES_NO_CANCEL_OPTION = YES_NO_CANCEL_OPTION
    OK_CANCEL_OPTION = OK_CANCEL_OPTION
    ERROR_MESSAGE = ERROR_MESSAGE
    INFORMATION_MESSAGE = INFORMATION_MESSAGE
    WARNING_MESSAGE = WARNING_MESSAGE
    QUESTION_MESSAGE = QUESTION_MESSAGE
    PLAIN_MESSAGE = PLAIN_MESSAGE

    def __init__(self, gui: GuiFunctions) -> None:
        self._gui = gui

    def showMessageDialog(
        self,
        parent: object,
        message: object,
        title: str = "Message",
        messageType: int = INFORMATION_MESSAGE,
    ) -> None:
        """An information, warning or error message (by ``messageType``)."""
        gui = self._gui
        show = {WARNING_MESSAGE: gui.warningBox, ERROR_MESSAGE: gui.errorBox}.get(
            messageType, gui.messageBox
        )
        show(str(message), str(title))

    def showConfirmDialog(
        self,
        parent: object,
        message: object,
        title: str = "Select an Option",
        optionType: int = YES_NO_CANCEL_OPTION,
        messageType: int = QUESTION_MESSAGE,
    ) -> int:
        """``YES_OPTION``/``OK_OPTION``, ``NO_OPTION`` or ``CANCEL_OPTION``."""
        with_cancel = optionType == YES_NO_CANCEL_OPTION
        answer = self._gui.confirm(str(message), str(title), with_cancel)
        if optionType == OK_CANCEL_OPTION:
            return OK_OPTION if answer else CANCEL_OPTION
        if answer is None:
            return CANCEL_OPTION if with_cancel else CLOSED_OPTION
        return YES_OPTION if answer else NO_OPTION

    def showInputDialog(self, *args: Any) -> str | None:
        """Ask for text: ``(message[, initial])`` or ``(parent, message...)``."""
        if args and (args[0] is None or not isinstance(args[0], str)):
            args = args[1:]  # the parent component
        message = str(args[0]) if args else ""
        initial = args[1] if len(args) == 2 else ""
        return self._gui.inputBox(message, "" if initial is None else str(initial))


class JComponent:
    """A Swing component without a window: properties only."""

    _props: dict[str, Any]
    _children: list[JComponent]

    def __init__(self, text: object = "", *rest: object) -> None:
        props: dict[str, Any] = {"text": text if isinstance(text, str) else ""}
        props.update(visible=True, enabled=True, name=None, toolTipText=None)
        object.__setattr__(self, "_props", props)
        object.__setattr__(self, "_children", [])

    def __setattr__(self, name: str, value: Any) -> None:
        self._props[name] = value  # Jython's bean property: ``label.text = "x"``

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._props:
            return self._props[name]
        prefix = next((p for p in ("get", "is", "set") if name.startswith(p)), None)
        if prefix is None or len(name) == len(prefix):
            raise AttributeError(name)
        prop = name[len(prefix)].lower() + name[len(prefix) + 1 :]
        if prefix == "set":
            return lambda value: self._props.__setitem__(prop, value)
        return lambda: self._props.get(prop)

    def add(self, child: JComponent, *constraints: object) -> JComponent:
        """Add a child component."""
        self._children.append(child)
        return child

    def getComponents(self) -> list[JComponent]:
        """The children."""
        return list(self._children)

    def getComponentCount(self) -> int:
        """How many children."""
        return len(self._children)

    def repaint(self) -> None:
        """Nothing to paint."""

    revalidate = repaint
    pack = repaint

    def dispose(self) -> None:
        """Hide it."""
        self._props["visible"] = False


class JFrame(JComponent):
    """``javax.swing.JFrame``: a title and components; never shown."""

    EXIT_ON_CLOSE = 3
    DISPOSE_ON_CLOSE = 2
    HIDE_ON_CLOSE = 1
    DO_NOTHING_ON_CLOSE = 0

    def __init__(self, title: str = "") -> None:
        super().__init__()
        self._props.update(title=title, visible=False)

    def getContentPane(self) -> JFrame:
        """The frame itself holds the components."""
        return self


class JPanel(JComponent):
    """``javax.swing.JPanel``."""


class JLabel(JComponent):
    """``javax.swing.JLabel``."""


class JButton(JComponent):
    """``javax.swing.JButton``."""
