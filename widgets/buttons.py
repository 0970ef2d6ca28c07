"""Ignition's state buttons: ToggleButton, TwoStateButton, MultiStateButton, TabStrip.

A click writes the control property (``selected``, ``controlValue``,
``selectedTab``) and fires ``actionPerformed``; what the button *shows*
follows the indicator, as in Vision (bind ``indicatorValue`` to the tag the
control value writes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QBoxLayout, QPushButton, QTabBar, QWidget

from visionsim.runtime.dataset import Dataset
from visionsim.widgets.component import VisionComponent
from visionsim.widgets.dataset_props import DatasetProps
from visionsim.widgets.events import ActionEvent

if TYPE_CHECKING:
    from collections.abc import Sequence

#: Ignition's default states of a multi-state button.
DEFAULT_STATES = Dataset(
    ["controlValue", "indicatorValue", "text"],
    [[0, 0, "Off"], [1, 1, "On"], [2, 2, "Auto"]],
)
#: Ignition's default tabs.
DEFAULT_TABS = Dataset(
    ["NAME", "DISPLAY_NAME"], [["Tab 1", "Tab 1"], ["Tab 2", "Tab 2"]]
)
_MAX_BUTTONS = 64  # states past this are not drawn (a runaway dataset)


class ToggleButton(VisionComponent):
    """A button that stays pressed: ``selected``."""

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        button = QPushButton()
        button.setCheckable(True)
        button.clicked.connect(self._on_clicked)
        return button

    def _render(self, name: str, value: object) -> None:
        if name == "text":
            self.widget.setText(str(value))
        elif name == "selected":
            self.widget.setChecked(bool(value))
        else:
            super()._render(name, value)

    def _on_clicked(self, checked: bool) -> None:
        self._apply("selected", bool(checked), False)
        self._fire("actionPerformed", ActionEvent(self))


class TwoStateButton(VisionComponent):
    """Ignition's 2-state toggle: a click writes the other state to ``controlValue``.

    It shows ``state2Text`` (pressed) while ``indicatorValue`` equals
    ``state2Value``, else ``state1Text``.
    """

    __slots__ = ()

    def _create_widget(self) -> QWidget:
        button = QPushButton()
        button.setCheckable(True)
        button.clicked.connect(self._on_clicked)
        self._show(button)
        return button

    def _show(self, button: QPushButton) -> None:
        values = self._values
        on = values["indicatorValue"] == values["state2Value"]
        button.setChecked(on)
        button.setText(str(values["state2Text" if on else "state1Text"]))

    def _render(self, name: str, value: object) -> None:
        if name in (
            "indicatorValue",
            "state1Value",
            "state2Value",
            "state1Text",
            "state2Text",
        ):
            self._show(self.widget)
        elif name != "controlValue":
            super()._render(name, value)

    def _on_clicked(self, _checked: bool) -> None:
        values = self._values
        on = values["indicatorValue"] == values["state2Value"]
        self.widget.setChecked(on)  # the indicator decides, not the click
        self._apply(
            "controlValue", values["state1Value" if on else "state2Value"], True
        )
        self._fire("actionPerformed", ActionEvent(self))


class MultiStateButton(DatasetProps):
    """One button per row of ``states``; a click writes that row's control value."""

    __slots__ = ()
    _DATASETS = ("states",)

    def _create_widget(self) -> QWidget:
        frame = QWidget()
        QBoxLayout(QBoxLayout.Direction.TopToBottom, frame).setContentsMargins(
            0, 0, 0, 0
        )
        if self._values["states"] is None:
            self._values["states"] = DEFAULT_STATES
        self._build(frame)
        return frame

    def _build(self, frame: QWidget) -> None:
        layout: QBoxLayout = frame.layout()  # type: ignore[assignment]
        for old in frame.findChildren(QPushButton):
            layout.removeWidget(old)
            old.setParent(None)
            old.deleteLater()
        horizontal = int(self._values["orientation"]) == 1
        layout.setDirection(
            QBoxLayout.Direction.LeftToRight
            if horizontal
            else QBoxLayout.Direction.TopToBottom
        )
        for row, (control, _indicator, text) in enumerate(self._states()):
            button = QPushButton(text, frame)
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, v=control: self._on_clicked(v))
            layout.addWidget(button)
            button.setObjectName(f"state{row}")
        self._show_indicator(frame)
        if hasattr(self, "widget"):  # rebuilt: the new buttons relay clicks too
            self._relay_inner(*frame.findChildren(QPushButton))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._relay_inner(*self.widget.findChildren(QPushButton))

    def _states(self) -> Sequence[tuple[int, int, str]]:
        data: Dataset | None = self._values["states"]
        if data is None or data.getColumnCount() < 3:
            return ()
        rows = min(data.getRowCount(), _MAX_BUTTONS)
        cell = data.getValueAt
        return [
            (_int(cell(r, 0)), _int(cell(r, 1)), str(cell(r, 2))) for r in range(rows)
        ]

    def _show_indicator(self, frame: QWidget) -> None:
        shown = self._values["indicatorValue"]
        buttons = frame.findChildren(QPushButton)
        for button, (_c, indicator, _t) in zip(buttons, self._states(), strict=False):
            button.setChecked(indicator == shown)

    def _render(self, name: str, value: object) -> None:
        if name in ("states", "orientation"):
            self._build(self.widget)
        elif name == "indicatorValue":
            self._show_indicator(self.widget)
        elif name != "controlValue":
            super()._render(name, value)

    def _on_clicked(self, control: int) -> None:
        self._show_indicator(self.widget)
        self._apply("controlValue", control, True)
        self._fire("actionPerformed", ActionEvent(self))


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload,no-any-return]
    except (TypeError, ValueError):
        return 0


class TabStrip(DatasetProps):
    """Tabs from ``tabData`` (NAME, DISPLAY_NAME); ``selectedTab`` is a NAME."""

    __slots__ = ()
    _DATASETS = ("tabData",)

    def _create_widget(self) -> QWidget:
        bar = QTabBar()
        bar.setExpanding(False)
        values = self._values
        if values["tabData"] is None:
            values["tabData"] = DEFAULT_TABS
        self._fill(bar)
        if not values["selectedTab"] and bar.count():
            values["selectedTab"] = self._names()[0]
        bar.currentChanged.connect(self._on_changed)
        return bar

    def _names(self) -> list[str]:
        data: Dataset = self._values["tabData"]
        if data is None or data.getColumnCount() == 0:
            return []
        return [str(data.getValueAt(r, 0)) for r in range(min(data.getRowCount(), 256))]

    def _fill(self, bar: QTabBar) -> None:
        data: Dataset = self._values["tabData"]
        bar.blockSignals(True)
        while bar.count():
            bar.removeTab(0)
        column = 1 if data is not None and data.getColumnCount() > 1 else 0
        for row, name in enumerate(self._names()):
            bar.addTab(str(data.getValueAt(row, column) or name))
        names = self._names()
        if self._values["selectedTab"] in names:
            bar.setCurrentIndex(names.index(self._values["selectedTab"]))
        bar.blockSignals(False)

    def _render(self, name: str, value: object) -> None:
        bar: QTabBar = self.widget
        if name == "tabData":
            self._fill(bar)
        elif name == "selectedTab":
            names = self._names()
            if value in names:
                bar.blockSignals(True)
                bar.setCurrentIndex(names.index(str(value)))
                bar.blockSignals(False)
        else:
            super()._render(name, value)

    def _on_changed(self, index: int) -> None:
        names = self._names()
        if 0 <= index < len(names):
            self._apply("selectedTab", names[index], False)
