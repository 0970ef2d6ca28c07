"""Template instances: TemplateHolder and TemplateRepeater.

A holder's children are its template's components (the model puts them
there, with the template's parameters as the holder's custom properties); a
holder with none, as a window.yaml may write it, is a labelled frame naming
``templatePath``. A repeater is a frame listing what it repeats.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from visionsim.widgets.containers import Container
from visionsim.widgets.dataset_support import to_dataset

if TYPE_CHECKING:
    from visionsim.widgets.component import VisionComponent

_LISTED = 6  # instances listed by name in a repeater's frame
_FRAME = "#%s { border: 1px dashed #8a94a6; }"


def _framed(name: str) -> QFrame:
    frame = QFrame()
    frame.setObjectName(name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(2, 2, 2, 2)
    label = QLabel(frame)
    label.setObjectName("VisionTemplateLabel")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("color: #5b6576;")
    label.setWordWrap(True)
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    layout.addWidget(label)
    return frame


def _caption(frame: QWidget) -> QLabel:
    label = frame.findChild(QLabel, "VisionTemplateLabel")
    assert isinstance(label, QLabel)
    return label


class TemplateHolder(Container):
    """One template instance; its children are the template's root components."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        frame = _framed("VisionTemplateHolder")
        self._describe(frame)
        return frame

    def _describe(self, frame: QWidget) -> None:
        empty = not self._children
        frame.setStyleSheet(_FRAME % "VisionTemplateHolder" if empty else "")
        _caption(frame).setText(f"Template\n{self._values['templatePath']}")
        _caption(frame).setVisible(empty)

    def add_child(self, child: VisionComponent) -> None:
        """Adopt one of the template's components (the caption goes)."""
        super().add_child(child)
        self._describe(self.widget)

    def _render(self, name: str, value: object) -> None:
        if name == "templatePath":
            self._describe(self.widget)
        else:
            super()._render(name, value)


class TemplateRepeater(Container):
    """Repeated template instances: listed in a frame (count or dataset rows)."""

    __slots__ = ()

    def _from_spec(self, name: str, value: object) -> object:
        return to_dataset(value) if name == "templateParams" else value

    def _write(self, name: str, value: object, what: str) -> None:
        if name == "templateParams":
            value = to_dataset(value)
        super()._write(name, value, what)

    def _create_widget(self) -> QWidget:
        frame = _framed("VisionTemplateRepeater")
        frame.setStyleSheet(_FRAME % "VisionTemplateRepeater")
        self._describe(frame)
        return frame

    def _instance_count(self) -> int:
        """How many instances it repeats: repeatCount, or templateParams' rows."""
        values = self._values
        params = values["templateParams"]
        if int(values["repeatBehavior"]) == 1:
            return 0 if params is None else int(params.getRowCount())
        return max(0, int(values["repeatCount"]))

    def _describe(self, frame: QWidget) -> None:
        path = self._values["templatePath"]
        count = self._instance_count()
        lines = ["Template Repeater", f"{path} x {count}"]
        params = self._values["templateParams"]
        if int(self._values["repeatBehavior"]) == 1 and params is not None:
            names = params.getColumnNames()
            for row in range(min(count, _LISTED)):
                cells = (f"{n}={params.getValueAt(row, n)}" for n in names)
                lines.append(f"{row + 1}: {', '.join(cells)}")
            if count > _LISTED:
                lines.append(f"... {count - _LISTED} more")
        _caption(frame).setText("\n".join(lines))

    def _render(self, name: str, value: object) -> None:
        if name in ("templatePath", "repeatBehavior", "repeatCount", "templateParams"):
            self._describe(self.widget)
        else:
            super()._render(name, value)
