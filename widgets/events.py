"""The ``event`` objects component scripts receive, with Ignition's attribute names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class ActionEvent:
    """``actionPerformed``: a button press, Enter in a field, a checkbox toggle."""

    source: object
    actionCommand: str = ""
    modifiers: int = 0


@dataclass(slots=True)
class MouseEvent:
    """The mouse set: ``mouseClicked``, ``mousePressed``… (x, y in the component)."""

    source: object
    x: int
    y: int
    button: int  # 1 left, 2 middle, 3 right (java.awt.event.MouseEvent)
    clickCount: int
    altDown: bool = False
    controlDown: bool = False
    shiftDown: bool = False
    metaDown: bool = False
    popupTrigger: bool = False


@dataclass(slots=True)
class PropertyChangeEvent:
    """``propertyChange``: a built-in or custom property changed."""

    source: object
    propertyName: str
    newValue: object
    oldValue: object


@dataclass(slots=True)
class FocusEvent:
    """``focusGained`` / ``focusLost``."""

    source: object
    oppositeComponent: object = None


@dataclass(slots=True)
class WindowEvent:
    """``visionWindowOpened`` / ``visionWindowClosed`` / ``internalFrameActivated``.

    ``source`` is the window (as in Ignition, ``event.source`` is the FPMIWindow).
    """

    source: object
