"""The Vision components: Label, Button, text fields, CheckBox, ProgressBar, Table.

Each class is named as in the catalog (:mod:`runtime.vision_catalog`), builds
its QWidget, pushes property values into it, and turns the widget's signals
into Ignition events and property changes. User edits (typing, ticking) update
the property without re-rendering, so the cursor stays where it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from visionsim.widgets.component import VisionComponent
from visionsim.widgets.dataset_support import to_dataset
from visionsim.widgets.events import ActionEvent

if TYPE_CHECKING:
    from visionsim.runtime.dataset import Dataset

_ModelIndex = QModelIndex | QPersistentModelIndex


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


class Label(VisionComponent):
    """Static text."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _render(self, name: str, value: object) -> None:
        if name == "text":
            label: QLabel = self.widget
            # As in Swing: only text starting with <html> is HTML (and wraps).
            label.setTextFormat(_text_format(str(value)))
            label.setText(str(value))
        else:
            super()._render(name, value)


def _text_format(text: str) -> Qt.TextFormat:
    if text[:6].lower() == "<html>":
        return Qt.TextFormat.RichText
    return Qt.TextFormat.PlainText


class Button(VisionComponent):
    """A push button: ``actionPerformed`` on click, ``doClick()`` from scripts."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        button = QPushButton()
        button.clicked.connect(self._on_clicked)
        return button

    def _render(self, name: str, value: object) -> None:
        if name == "text":
            self._show_text(str(value))
        else:
            super()._render(name, value)

    def _show_text(self, text: str) -> None:
        """Plain text on the button; ``<html>`` text in a rich-text label on it."""
        button: QPushButton = self.widget
        html = button.findChild(QLabel, "VisionButtonHtml")
        if _text_format(text) == Qt.TextFormat.PlainText:
            button.setText(text)
            if html is not None:
                html.hide()
            return
        button.setText("")
        if html is None:
            html = QLabel(button)
            html.setObjectName("VisionButtonHtml")
            html.setTextFormat(Qt.TextFormat.RichText)
            html.setAlignment(Qt.AlignmentFlag.AlignCenter)
            html.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout = QVBoxLayout(button)
            layout.setContentsMargins(4, 2, 4, 2)
            layout.addWidget(html)
        html.setText(text)
        html.show()

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
        self._apply("doubleValue", number, False)

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
    )
}


def _number_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else str(value)
    return str(value)
