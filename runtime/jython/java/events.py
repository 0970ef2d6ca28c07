"""``java.awt.event`` and ``java.beans``: listener interfaces and event constants.

Scripts subclass the listeners (``class L(ActionListener)``) and compare key
codes with ``KeyEvent.VK_ENTER``; the adapters' methods do nothing, as in
Java, so a subclass overrides only what it needs.
"""

from __future__ import annotations

import string


class ActionListener:
    """``java.awt.event.ActionListener``: define ``actionPerformed(event)``."""

    def actionPerformed(self, event: object) -> None:
        """Called for an action."""


class PropertyChangeListener:
    """``java.beans.PropertyChangeListener``: define ``propertyChange(event)``."""

    def propertyChange(self, event: object) -> None:
        """Called when a bound property changes."""


def _adapter(name: str, methods: tuple[str, ...]) -> type:
    """A listener/adapter class whose methods do nothing."""

    def nothing(self: object, event: object) -> None:
        """Does nothing until overridden."""

    body: dict[str, object] = dict.fromkeys(methods, nothing)
    body["__doc__"] = f"``java.awt.event.{name}``: override the methods you need."
    cls = type(name, (), body)
    cls.__module__ = "java.awt.event"
    return cls


_MOUSE = (
    "mouseClicked",
    "mousePressed",
    "mouseReleased",
    "mouseEntered",
    "mouseExited",
    "mouseDragged",
    "mouseMoved",
    "mouseWheelMoved",
)
_KEY = ("keyPressed", "keyReleased", "keyTyped")
_FOCUS = ("focusGained", "focusLost")

LISTENERS = {
    "MouseListener": _adapter("MouseListener", _MOUSE),
    "MouseAdapter": _adapter("MouseAdapter", _MOUSE),
    "MouseMotionListener": _adapter("MouseMotionListener", _MOUSE),
    "KeyListener": _adapter("KeyListener", _KEY),
    "KeyAdapter": _adapter("KeyAdapter", _KEY),
    "FocusListener": _adapter("FocusListener", _FOCUS),
    "FocusAdapter": _adapter("FocusAdapter", _FOCUS),
    "ItemListener": _adapter("ItemListener", ("itemStateChanged",)),
}


class InputEvent:
    """``java.awt.event.InputEvent``: modifier masks."""

    SHIFT_MASK = 1
    CTRL_MASK = 2
    META_MASK = 4
    ALT_MASK = 8
    SHIFT_DOWN_MASK = 64
    CTRL_DOWN_MASK = 128
    META_DOWN_MASK = 256
    ALT_DOWN_MASK = 512


class KeyEvent(InputEvent):
    """``java.awt.event.KeyEvent``: event ids and the ``VK_`` key codes."""

    KEY_TYPED = 400
    KEY_PRESSED = 401
    KEY_RELEASED = 402
    VK_BACK_SPACE = 8
    VK_TAB = 9
    VK_ENTER = 10
    VK_SHIFT = 16
    VK_CONTROL = 17
    VK_ALT = 18
    VK_ESCAPE = 27
    VK_SPACE = 32
    VK_PAGE_UP = 33
    VK_PAGE_DOWN = 34
    VK_END = 35
    VK_HOME = 36
    VK_LEFT = 37
    VK_UP = 38
    VK_RIGHT = 39
    VK_DOWN = 40
    VK_DELETE = 127
    VK_INSERT = 155


for _letter in string.ascii_uppercase:
    setattr(KeyEvent, f"VK_{_letter}", ord(_letter))
for _digit in string.digits:
    setattr(KeyEvent, f"VK_{_digit}", ord(_digit))
for _n in range(1, 13):
    setattr(KeyEvent, f"VK_F{_n}", 111 + _n)


class MouseEvent(InputEvent):
    """``java.awt.event.MouseEvent``: buttons and event ids."""

    NOBUTTON = 0
    BUTTON1 = 1
    BUTTON2 = 2
    BUTTON3 = 3
    MOUSE_CLICKED = 500
    MOUSE_PRESSED = 501
    MOUSE_RELEASED = 502
    MOUSE_MOVED = 503
    MOUSE_ENTERED = 504
    MOUSE_EXITED = 505
    MOUSE_DRAGGED = 506


class ActionEvent:
    """``java.awt.event.ActionEvent``: the event id and modifier masks."""

    ACTION_PERFORMED = 1001
    SHIFT_MASK = 1
    CTRL_MASK = 2
    META_MASK = 4
    ALT_MASK = 8


class ItemEvent:
    """``java.awt.event.ItemEvent``: state changes."""

    ITEM_STATE_CHANGED = 701
    SELECTED = 1
    DESELECTED = 2


class FocusEvent:
    """``java.awt.event.FocusEvent``: event ids."""

    FOCUS_GAINED = 1004
    FOCUS_LOST = 1005
