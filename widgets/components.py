"""The Vision components: Label, Button, text fields, CheckBox, ProgressBar, Table.

TYPES maps every catalog type to its class, including those in the other
modules of this package (shapes, templates, buttons, indicators...).

Each class is named as in the catalog (:mod:`runtime.vision_catalog`), builds
its QWidget, pushes property values into it, and turns the widget's signals
into Ignition events and property changes. User edits (typing, ticking) update
the property without re-rendering, so the cursor stays where it is.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QWidget,
)

from visionsim.widgets.buttons import (
    MultiStateButton,
    TabStrip,
    ToggleButton,
    TwoStateButton,
)
from visionsim.widgets.component import VisionComponent
from visionsim.widgets.containers import Container, RootContainer
from visionsim.widgets.dataset_support import to_dataset
from visionsim.widgets.events import ActionEvent
from visionsim.widgets.ignition_components import (
    ComboBox,
    DateTimePopup,
    Image,
    NumericLabel,
)
from visionsim.widgets.indicators import (
    Chart,
    DigitalDisplay,
    EasyChart,
    Meter,
    PieChart,
    Timer,
)
from visionsim.widgets.label_render import render_button, render_label
from visionsim.widgets.shapes import Shape, ShapeGroup
from visionsim.widgets.templates import TemplateHolder, TemplateRepeater

if TYPE_CHECKING:
    from visionsim.runtime.dataset import Dataset

__all__ = ["TYPES", "Container", "RootContainer"]

_ModelIndex = QModelIndex | QPersistentModelIndex


class Label(VisionComponent):
    """Text and an icon (PMILabel); ``<html>`` text is HTML, other text one line."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def _render(self, name: str, value: object) -> None:
        if not render_label(self.widget, self._values, name):
            super()._render(name, value)


class Button(VisionComponent):
    """A push button: ``actionPerformed`` on click, ``doClick()`` from scripts."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        button = QPushButton()
        button.clicked.connect(self._on_clicked)
        return button

    def _render(self, name: str, value: object) -> None:
        if not render_button(self.widget, self._values, name):
            super()._render(name, value)

    def _on_clicked(self) -> None:
        self._fire("actionPerformed", ActionEvent(self, str(self._values["text"])))

    def doClick(self) -> None:
        """Click the button as a user would (runs actionPerformed)."""
        self._env.check("Button.doClick()")
        self._on_gui(self.widget.click)


class TextField(VisionComponent):
    """One line of editable text: ``actionPerformed`` on Enter."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        edit = QLineEdit()
        edit.textEdited.connect(self._on_text_edited)
        edit.returnPressed.connect(self._on_return_pressed)
        return edit

    def _render(self, name: str, value: object) -> None:
        if name == "text":
            self.widget.setText(str(value))
        elif name == "editable":
            self.widget.setReadOnly(not value)
        else:
            super()._render(name, value)

    def _on_text_edited(self, text: str) -> None:
        self._apply("text", text, False)

    def _on_return_pressed(self) -> None:
        self._fire("actionPerformed", ActionEvent(self, str(self._values["text"])))


class TextArea(VisionComponent):
    """Multi-line editable text."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        edit = QPlainTextEdit()
        edit.textChanged.connect(self._on_text_changed)
        return edit

    def _render(self, name: str, value: object) -> None:
        widget: QPlainTextEdit = self.widget
        if name == "text":
            if widget.toPlainText() != value:
                widget.setPlainText(str(value))
        elif name == "editable":
            widget.setReadOnly(not value)
        else:
            super()._render(name, value)

    def _on_text_changed(self) -> None:
        widget: QPlainTextEdit = self.widget
        self._apply("text", widget.toPlainText(), False)


class NumericTextField(VisionComponent):
    """A number field; intValue/longValue/floatValue/doubleValue stay in step."""

    __slots__ = ()
    _INTEGRAL = ("intValue", "longValue")
    _REAL = ("floatValue", "doubleValue")

    def _create_widget(self) -> QWidget:
        edit = QLineEdit("0")
        edit.setValidator(QDoubleValidator(edit))
        edit.textEdited.connect(self._on_text_edited)
        edit.returnPressed.connect(self._on_return_pressed)
        return edit

    def _render(self, name: str, value: object) -> None:
        if name in self._INTEGRAL + self._REAL:
            self.widget.setText(_number_text(value))
        elif name == "editable":
            self.widget.setReadOnly(not value)
        else:
            super()._render(name, value)

    def _apply(self, name: str, value: object, render: bool) -> None:
        if name not in self._INTEGRAL + self._REAL:
            super()._apply(name, value, render)
            return
        number = float(value)  # type: ignore[arg-type]
        super()._apply(name, value, render)
        for other in self._INTEGRAL + self._REAL:
            if other != name:
                kind = int if other in self._INTEGRAL else float
                super()._apply(other, kind(number), False)

    def _on_text_edited(self, text: str) -> None:
        try:
            number = float(text)
        except ValueError:
            return
        if not math.isfinite(number):
            return
        mode = int(self._values["mode"])
        if mode in (0, 1):  # Integer, Long: the typed number, rounded
            limit = 2**31 - 1 if mode == 0 else 2**63 - 1
            rounded = max(-limit - 1, min(round(number), limit))
            self._apply(self._INTEGRAL[mode], rounded, False)
        else:
            self._apply(
                self._REAL[mode - 2] if mode < 4 else "doubleValue", number, False
            )

    def _on_return_pressed(self) -> None:
        self._fire("actionPerformed", ActionEvent(self))


class CheckBox(VisionComponent):
    """A check box: ``selected``, and ``actionPerformed`` when the user toggles it."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        box = QCheckBox()
        box.clicked.connect(self._on_clicked)
        return box

    def _render(self, name: str, value: object) -> None:
        box: QCheckBox = self.widget
        if name == "text":
            box.setText(str(value))
        elif name == "selected":
            box.setChecked(bool(value))
        else:
            super()._render(name, value)

    def _on_clicked(self, checked: bool) -> None:
        self._apply("selected", bool(checked), False)
        self._fire("actionPerformed", ActionEvent(self))


class ProgressBar(VisionComponent):
    """A progress bar; ``indeterminate`` shows a busy bar."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        bar = QProgressBar()
        bar.setRange(0, 100)
        return bar

    def _render(self, name: str, value: object) -> None:
        bar: QProgressBar = self.widget
        values = self._values
        if name in ("minimum", "maximum", "indeterminate"):
            if values["indeterminate"]:
                bar.setRange(0, 0)
            else:
                bar.setRange(int(values["minimum"]), int(values["maximum"]))
                bar.setValue(int(values["value"]))
        elif name == "value":
            bar.setValue(int(value))  # type: ignore[call-overload]
        else:
            super()._render(name, value)


class _DatasetModel(QAbstractTableModel):
    """Shows a Dataset in a QTableView."""

    def __init__(self) -> None:
        super().__init__()
        self.dataset: Dataset | None = None

    def set_dataset(self, dataset: Dataset | None) -> None:
        self.beginResetModel()
        self.dataset = dataset
        self.endResetModel()

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return (
            0
            if self.dataset is None or parent.isValid()
            else (self.dataset.getRowCount())
        )

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return (
            0
            if self.dataset is None or parent.isValid()
            else (self.dataset.getColumnCount())
        )

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.dataset is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self.dataset.getValueAt(index.row(), index.column())
        return "" if value is None else str(value)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            self.dataset is None
            or role != Qt.ItemDataRole.DisplayRole
            or orientation != Qt.Orientation.Horizontal
        ):
            return None
        return self.dataset.getColumnName(section)


class Table(VisionComponent):
    """A table showing ``data`` (a Dataset); tracks the selected row and column."""

    __slots__ = ("_model",)

    def _from_spec(self, name: str, value: object) -> object:
        return to_dataset(value) if name == "data" else value

    def _create_widget(self) -> QWidget:
        view = QTableView()
        model = _DatasetModel()
        object.__setattr__(self, "_model", model)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.selectionModel().currentChanged.connect(self._on_current_changed)
        return view

    def _write(self, name: str, value: object, what: str) -> None:
        super()._write(name, to_dataset(value) if name == "data" else value, what)

    def _render(self, name: str, value: object) -> None:
        if name == "data":
            self._model.set_dataset(value)
        elif name == "selectedRow":
            view: QTableView = self.widget
            view.selectRow(int(value))  # type: ignore[call-overload]
        else:
            super()._render(name, value)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._apply("selectedRow", current.row(), False)
        self._apply("selectedColumn", current.column(), False)


TYPES: dict[str, type[VisionComponent]] = {
    cls.__name__: cls
    for cls in (
        RootContainer,
        Container,
        Label,
        Button,
        TextField,
        TextArea,
        NumericTextField,
        CheckBox,
        ProgressBar,
        Table,
        NumericLabel,
        ComboBox,
        Image,
        DateTimePopup,
        ToggleButton,
        TwoStateButton,
        MultiStateButton,
        TabStrip,
        Timer,
        DigitalDisplay,
        Meter,
        Shape,
        ShapeGroup,
        TemplateHolder,
        TemplateRepeater,
        Chart,
        EasyChart,
        PieChart,
    )
}


def _number_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else str(value)
    return str(value)
