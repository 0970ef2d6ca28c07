"""Ignition input and display components: NumericLabel, ComboBox, Image, DateTimePopup.

Property names, defaults and events are Ignition's (runtime.vision_catalog);
user input updates the property (and fires ``propertyChange``) without
re-rendering, as the other input components do.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLabel, QLineEdit

from visionsim.runtime.project_io import INT_MAX, INT_MIN
from visionsim.widgets.component import VisionComponent
from visionsim.widgets.dataset_props import DatasetProps
from visionsim.widgets.events import ActionEvent
from visionsim.widgets.label_render import icon, render_label
from visionsim.widgets.number_format import format_number

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from visionsim.runtime.dataset import Dataset

_SELECTION = ("selectedIndex", "selectedValue", "selectedStringValue", "selectedLabel")


class NumericLabel(VisionComponent):
    """A label showing ``value`` through a DecimalFormat ``pattern``, prefix, suffix."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        values = self._values
        values["text"] = _numeric_text(values)
        label.setText(values["text"])
        return label

    def _apply(self, name: str, value: object, render: bool) -> None:
        super()._apply(name, value, render)
        if name in ("value", "pattern", "prefix", "suffix"):
            super()._apply("text", _numeric_text(self._values), render)

    def _render(self, name: str, value: object) -> None:
        if name in ("value", "pattern", "prefix", "suffix"):
            return
        if not render_label(self.widget, self._values, name):
            super()._render(name, value)


def _numeric_text(values: dict[str, Any]) -> str:
    number = format_number(float(values["value"]), str(values["pattern"]))
    return f"{values['prefix']}{number}{values['suffix']}"


class ComboBox(DatasetProps):
    """A drop-down of ``data``'s rows: value in column 0, label in the last column.

    Selecting (by the user or by setting any of ``selectedIndex``,
    ``selectedValue``, ``selectedStringValue``, ``selectedLabel``) keeps all
    four in step; no selection is index -1 with the ``noSelection*`` values.
    """

    __slots__ = ()
    _DATASETS = ("data",)

    def _create_widget(self) -> QWidget:
        box = QComboBox()
        box.activated.connect(self._on_activated)
        values = self._values
        index = self._initial_index()
        for prop, value in zip(_SELECTION, self._picked(index), strict=True):
            values[prop] = value  # what the file stored, made consistent
        return box

    def _initial_index(self) -> int:
        """The row a stored selection names (Ignition stores value and label)."""
        values = self._values
        if values["data"] is None:
            return -1
        if values["selectedIndex"] >= 0:
            return self._find("selectedIndex", values["selectedIndex"])
        for prop, unset in (
            ("selectedValue", values["noSelectionValue"]),
            ("selectedStringValue", ""),
            ("selectedLabel", ""),
        ):
            if values[prop] != unset:
                return self._find(prop, values[prop])
        return -1

    def _render(self, name: str, value: object) -> None:
        box: QComboBox = self.widget
        if name == "data":
            box.blockSignals(True)
            box.clear()
            box.addItems([self._row(i)[1] for i in range(_rows(value))])
            box.setCurrentIndex(int(self._values["selectedIndex"]))
            box.blockSignals(False)
        elif name == "selectedIndex":
            box.setCurrentIndex(int(value))  # type: ignore[call-overload]
        elif name == "editable":
            box.setEditable(bool(value))
        elif name not in _SELECTION:
            super()._render(name, value)

    def _apply(self, name: str, value: object, render: bool) -> None:
        if name not in _SELECTION:
            super()._apply(name, value, render)
            if name == "data":
                self._select(self._find("selectedValue", self._values["selectedValue"]))
            return
        self._select(self._find(name, value), render)

    def _find(self, name: str, value: object) -> int:
        """The row ``name = value`` selects (-1: none)."""
        if name == "selectedIndex":
            index = int(value)  # type: ignore[call-overload]
            return index if 0 <= index < _rows(self._values["data"]) else -1
        column = 1 if name == "selectedLabel" else 0
        for row in range(_rows(self._values["data"])):
            cell = self._row(row)[column]
            if cell == value or str(cell) == str(value):
                return row
        return -1

    def _picked(self, index: int) -> tuple[int, int, str, str]:
        """selectedIndex, selectedValue, selectedStringValue, selectedLabel."""
        values = self._values
        if index < 0:
            return (
                -1,
                values["noSelectionValue"],
                values["noSelectionString"],
                values["noSelectionLabel"],
            )
        key, label = self._row(index)
        number = key if isinstance(key, int) and not isinstance(key, bool) else -1
        return index, _int32(number), str(key), label

    def _select(self, index: int, render: bool = True) -> None:
        picked = self._picked(index)
        for prop, value in zip(_SELECTION, picked, strict=True):
            super()._apply(prop, value, render and prop == "selectedIndex")

    def _row(self, row: int) -> tuple[object, str]:
        data: Dataset = self._values["data"]
        key = data.getValueAt(row, 0)
        label = data.getValueAt(row, data.getColumnCount() - 1)
        return key, "" if label is None else str(label)

    def _on_activated(self, index: int) -> None:
        self._select(index, render=False)
        self._fire("actionPerformed", ActionEvent(self))


def _rows(data: object) -> int:
    if data is None or not data.getColumnCount():  # type: ignore[attr-defined]
        return 0
    return int(data.getRowCount())  # type: ignore[attr-defined]


def _int32(number: int) -> int:
    return number if INT_MIN <= number <= INT_MAX else -1


class Image(VisionComponent):
    """An image from ``path``; a framed placeholder naming the path if not found."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._show(label, "")
        return label

    def _render(self, name: str, value: object) -> None:
        if name in ("path", "stretchMode"):
            self._show(self.widget, str(self._values["path"]))
        else:
            super()._render(name, value)

    def _show(self, label: QLabel, path: str) -> None:
        pixmap = icon(path)
        if pixmap is not None:
            label.setStyleSheet("")
            label.setScaledContents(int(self._values["stretchMode"]) != 0)
            label.setPixmap(pixmap)
            return
        label.setStyleSheet("border: 1px dashed #8a94a6; color: #5b6576;")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setText(f"Image\n{path}" if path else "Image")


#: Java SimpleDateFormat letters -> Qt's (the ones Vision formats use).
_DATE_LETTERS = (("EEEE", "dddd"), ("EEE", "ddd"), ("a", "AP"), ("SSS", "zzz"))


def qt_date_format(java: str) -> str:
    """A SimpleDateFormat pattern (``MM/dd/yyyy h:mm a``) in Qt's letters."""
    for old, new in _DATE_LETTERS:
        java = java.replace(old, new)
    return java


class DateTimePopup(VisionComponent):
    """A date and time with a calendar pop-up; ``date`` defaults to now."""

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._relay_inner(*self.widget.findChildren(QLineEdit))

    def _create_widget(self) -> QWidget:
        values = self._values
        if values["date"] is None:
            values["date"] = datetime.datetime.now().replace(microsecond=0)
        edit = QDateTimeEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(qt_date_format(str(values["format"])))
        edit.setDateTime(_qdatetime(values["date"]))
        values["text"] = edit.text()
        edit.dateTimeChanged.connect(self._on_changed)
        return edit

    def _render(self, name: str, value: object) -> None:
        edit: QDateTimeEdit = self.widget
        if name == "date" and isinstance(value, datetime.datetime):
            edit.setDateTime(_qdatetime(value))
        elif name == "format":
            edit.setDisplayFormat(qt_date_format(str(value)))
            self._apply("text", edit.text(), False)
        elif name == "editable":
            edit.setReadOnly(not value)
        elif name != "text":
            super()._render(name, value)

    def _on_changed(self, value: QDateTime) -> None:
        self._apply("date", value.toPython(), False)
        self._apply("text", self.widget.text(), False)


def _qdatetime(value: datetime.datetime) -> QDateTime:
    """``value`` for Qt; a date the platform cannot place (year 1) is the epoch."""
    qt = QDateTime()
    try:
        qt.setMSecsSinceEpoch(round(value.timestamp() * 1000))
    except (OverflowError, ValueError, OSError):
        qt.setMSecsSinceEpoch(0)
    return qt
