"""Containers: components that hold other components, placed by their bounds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame

from visionsim.widgets.component import VisionComponent

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class Container(VisionComponent):
    """A group of components placed by their bounds."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        frame = QFrame()
        frame.setObjectName("VisionContainer")
        return frame

    def add_child(self, child: VisionComponent) -> None:
        """Adopt a child component (its widget goes inside this one)."""
        self._children.append(child)
        child.widget.setParent(self.widget)


class RootContainer(Container):
    """The window's root; its custom properties are the window's parameters."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        frame = QFrame()
        frame.setObjectName("VisionRootContainer")
        return frame
