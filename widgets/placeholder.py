"""The placeholder: a component class visionsim does not simulate yet (DESIGN.md 11).

It is drawn as a labelled dashed box naming the Ignition class, holds the
children Ignition gave it (a ShapeGroup's shapes), and keeps every property
the resource stored: scripts read and write them like any property (thread
guard, ``propertyChange`` and all), they just change nothing on screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from visionsim.widgets.components import Container

_STYLE = "#VisionPlaceholder { border: 1px dashed #8a94a6; %s }"


class Placeholder(Container):
    """A stand-in for an unsimulated Ignition component class."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        frame = QFrame()
        frame.setObjectName("VisionPlaceholder")
        frame.setStyleSheet(_STYLE % "")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(2, 2, 2, 2)
        label = QLabel(frame)
        label.setObjectName("VisionPlaceholderLabel")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("color: #5b6576; font-size: 9px;")
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(label)
        return frame

    @property
    def ignition_class(self) -> str:
        """The Ignition class this placeholder stands for."""
        return str(self.widget.property("ignitionClass") or "")

    def describe(self, ignition_class: str) -> None:
        """Name the class (and a template's path) in the box. Thread: GUI only."""
        self.widget.setProperty("ignitionClass", ignition_class)
        short = ignition_class.rsplit(".", 1)[-1] or "unknown component"
        path = self._values.get("templatePath")
        text = f"{short}\n{path}" if isinstance(path, str) and path else short
        label = self.widget.findChild(QLabel, "VisionPlaceholderLabel")
        label.setText(text)
        label.setToolTip(f"{ignition_class} is not simulated by visionsim")

    def _render(self, name: str, value: object) -> None:
        if name in ("foreground", "background"):
            background = self._values.get("background")
            rule = f"background-color: {background};" if background else ""
            self.widget.setStyleSheet(_STYLE % rule)
        elif name == "templatePath":
            self.describe(self.ignition_class)
        else:
            super()._render(name, value)

    # -- every stored property is a property ---------------------------------

    def __getattr__(self, name: str) -> Any:
        values = object.__getattribute__(self, "_values")
        if name in values:
            self._env.check(f"{self.ignition_class or 'Placeholder'}.{name} read")
            return values[name]
        return super().__getattr__(name)

    def __setattr__(self, name: str, value: object) -> None:
        if self._is_stored(name):
            self._write(name, value, f"{self.ignition_class}.{name} write")
        else:
            super().__setattr__(name, value)

    def setPropertyValue(self, name: str, value: object) -> None:
        """Set a property by name (stored ones take any value)."""
        if self._is_stored(name):
            self._write(name, value, f"{self.ignition_class}.setPropertyValue()")
        else:
            super().setPropertyValue(name, value)

    def _is_stored(self, name: str) -> bool:
        return (
            name not in self._PROPS
            and name not in self._custom
            and name in object.__getattribute__(self, "_values")
        )
