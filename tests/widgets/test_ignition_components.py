"""Ignition's Vision components as visionsim simulates them (docs/components.md)."""

from __future__ import annotations

import datetime
import threading
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from tests.conftest import run
from visionsim.runtime.vision_catalog import CATALOG
from visionsim.runtime.vision_classes import IGNITION_CLASSES, font_text, svg_path
from visionsim.widgets.number_format import format_number
from visionsim.widgets.shapes import paint_color, parse_path

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Simulation
    from visionsim.widgets import VisionWindow

    MakeClient = Callable[[str], tuple[ClientSession, list[object]]]

WINDOW = """
openOnStartup: true
size: [640, 480]
rootContainer:
  components:
    - type: Label
      name: Html
      bounds: [0, 0, 120, 60]
      props: {text: "<html>two<br>lines", horizontalAlignment: 2, font: Dialog-BOLD-20}
    - type: Label
      name: Plain
      bounds: [0, 60, 60, 20]
      props: {text: "a long plain text that does not wrap"}
    - type: NumericLabel
      name: Num
      bounds: [0, 90, 120, 20]
      props: {value: 1234.567, pattern: "#,##0.0", prefix: "$", suffix: " USD"}
      events:
        propertyChange: "log.append((event.propertyName, event.newValue))"
    - type: ComboBox
      name: Combo
      bounds: [0, 120, 120, 24]
      props:
        data: {columns: [id, name], rows: [[1, One], [2, Two], [3, Three]]}
        selectedValue: 2
      events:
        actionPerformed: "log.append(('action', event.source.selectedLabel))"
    - type: Timer
      name: Tick
      bounds: [0, 150, 20, 20]
      props: {running: false, delay: 10, bound: 3}
      events:
        propertyChange: |
          import threading
          if event.propertyName == "value":
              log.append(("tick", event.newValue, threading.current_thread().ident))
    - type: TwoStateButton
      name: Motor
      bounds: [130, 0, 100, 30]
      events:
        actionPerformed: "log.append(('motor', event.source.controlValue))"
    - type: MultiStateButton
      name: Mode
      bounds: [130, 40, 100, 90]
      events:
        mouseClicked: "log.append(('mode clicked', event.source.name, event.y > 30))"
    - type: TabStrip
      name: Tabs
      bounds: [240, 0, 200, 30]
    - type: Shape
      name: Box
      bounds: [240, 40, 50, 30]
      props: {shapeType: rectangle, fillPaint: "#ff0000", strokeWidth: 0}
      events:
        mouseClicked: "log.append(('box', event.x, event.y))"
    - type: Shape
      name: Tri
      bounds: [300, 40, 40, 40]
      props: {shapeType: path, path: "M 0 40 L 20 0 L 40 40 Z", fillPaint: "#00ff00"}
    - type: TemplateHolder
      name: Holder
      bounds: [350, 40, 100, 60]
      props: {templatePath: Dev/loading}
      customProperties:
        color: {type: str, value: red}
    - type: Image
      name: Pic
      bounds: [460, 40, 80, 60]
      props: {path: Builtin/icons/48/nothing.png}
    - type: DateTimePopup
      name: When
      bounds: [0, 200, 200, 24]
      props: {format: yyyy-MM-dd HH:mm}
    - type: Meter
      name: Gauge
      bounds: [240, 120, 120, 80]
      props: {value: 150, maximum: 200}
    - type: NumericTextField
      name: Qty
      bounds: [0, 230, 100, 24]
      props: {mode: 3}
    - type: Chart
      name: Trend
      bounds: [380, 120, 100, 60]
"""


@pytest.fixture
def window(
    window_client: MakeClient,
) -> tuple[VisionWindow, ClientSession, list[object]]:
    client, log = window_client(WINDOW)
    assert client.vision.windows is not None
    [opened] = client.vision.windows.opened_windows()
    return opened, client, log  # type: ignore[return-value]


def test_every_ignition_class_maps_to_a_catalog_type() -> None:
    assert set(IGNITION_CLASSES.values()) <= set(CATALOG)
    label = "com.inductiveautomation.factorypmi.application.components.PMILabel"
    assert IGNITION_CLASSES[label] == "Label"
    shapes = "com.inductiveautomation.vision.api.client.components.shapes."
    assert IGNITION_CLASSES[shapes + "PathBasedVisionShape"] == "Shape"


def test_label_has_ignition_property_names_and_defaults(window: tuple) -> None:
    win, _client, _log = window
    plain = win.component("Plain")
    assert plain.horizontalAlignment == 0  # SwingConstants.CENTER
    assert plain.verticalAlignment == 0
    assert plain.font == "Dialog-PLAIN-12"
    assert plain.path == ""
    assert plain.fillBackground is False


def test_html_label_text_is_rich_and_wraps_plain_text_does_not(window: tuple) -> None:
    win, _client, _log = window
    html: QLabel = win.component("Html").widget
    plain: QLabel = win.component("Plain").widget
    assert html.textFormat() == Qt.TextFormat.RichText
    assert html.wordWrap()
    assert plain.textFormat() == Qt.TextFormat.PlainText
    assert not plain.wordWrap()
    assert html.alignment() & Qt.AlignmentFlag.AlignLeft
    assert html.font().bold()
    assert html.font().pointSize() == 20


def test_label_background_needs_fill_background(window: tuple) -> None:
    win, _client, _log = window
    label = win.component("Plain")
    label.background = "#123456"
    assert "#123456" not in label.widget.styleSheet()
    label.fillBackground = True
    assert "#123456" in label.widget.styleSheet()


def test_numeric_label_formats_value_and_fires_text_change(window: tuple) -> None:
    win, _client, log = window
    num = win.component("Num")
    assert num.text == "$1,234.6 USD" == num.widget.text()
    num.value = 2.0
    assert num.widget.text() == "$2.0 USD"
    assert ("value", 2.0) in log
    assert ("text", "$2.0 USD") in log


@pytest.mark.parametrize(
    ("value", "pattern", "shown"),
    [
        (1234.567, "#,##0.##", "1,234.57"),
        (0.256, "0.0%", "25.6%"),
        (-3.14159, "0.00", "-3.14"),
        (7, "000", "007"),
        (0.0, "#.##", "0"),
    ],
)
def test_decimal_format_patterns(value: float, pattern: str, shown: str) -> None:
    assert format_number(value, pattern) == shown


def test_combo_box_selection_properties_stay_in_step(window: tuple) -> None:
    win, _client, _log = window
    combo = win.component("Combo")
    assert (combo.selectedIndex, combo.selectedLabel) == (1, "Two")
    assert combo.selectedStringValue == "2"
    combo.selectedLabel = "Three"
    assert (combo.selectedIndex, combo.selectedValue) == (2, 3)
    assert combo.widget.currentIndex() == 2
    combo.selectedIndex = -1
    assert (combo.selectedValue, combo.selectedLabel) == (-1, "")


def test_combo_box_user_choice_fires_action_performed(window: tuple) -> None:
    win, _client, log = window
    combo = win.component("Combo")
    combo.widget.activated.emit(0)  # what a user's pick emits
    assert combo.selectedValue == 1
    assert log[-1] == ("action", "One")


def test_timer_ticks_on_the_gui_thread_and_wraps_at_bound(
    qtbot: QtBot, sim: Simulation, window: tuple
) -> None:
    win, _client, log = window
    timer = win.component("Tick")
    assert timer.delay == 10
    assert timer.value == 0
    timer.running = True
    qtbot.waitUntil(lambda: len([e for e in log if e[0] == "tick"]) >= 4, timeout=3000)
    timer.running = False
    ticks = [e for e in log if e[0] == "tick"]
    assert [t[1] for t in ticks[:4]] == [1, 2, 0, 1]  # back to initialValue at 3
    assert {t[2] for t in ticks} == {sim.dispatcher.gui_ident}
    assert threading.main_thread().ident == sim.dispatcher.gui_ident
    assert sim.wait_idle(2)  # stopped: nothing left scheduled


def test_a_running_timer_does_not_keep_the_simulation_busy(
    qtbot: QtBot, sim: Simulation, window: tuple
) -> None:
    """It ticks for ever, like a gateway timer script: `run` must still end."""
    win, _client, log = window
    win.component("Tick").running = True
    assert sim.wait_idle(2)
    before = len([e for e in log if e[0] == "tick"])
    qtbot.waitUntil(lambda: len([e for e in log if e[0] == "tick"]) > before + 2)
    win.component("Tick").running = False


def test_two_state_button_writes_the_other_state(qtbot: QtBot, window: tuple) -> None:
    win, _client, log = window
    motor = win.component("Motor")
    assert motor.widget.text() == "Off"
    qtbot.mouseClick(motor.widget, Qt.MouseButton.LeftButton)
    assert motor.controlValue == 1
    assert log[-1] == ("motor", 1)
    assert motor.widget.text() == "Off"  # shows the indicator, not the click
    motor.indicatorValue = 1
    assert motor.widget.text() == "On"
    assert motor.widget.isChecked()


def test_multi_state_button_click_writes_the_row_control_value(
    qtbot: QtBot, window: tuple
) -> None:
    win, _client, log = window
    mode = win.component("Mode")
    assert mode.states.getRowCount() == 3
    from PySide6.QtWidgets import QPushButton

    auto = mode.widget.findChild(QPushButton, "state2")
    qtbot.mouseClick(auto, Qt.MouseButton.LeftButton)
    assert mode.controlValue == 2
    # the click on the inner button is the component's mouseClicked, at the
    # button's place within the component (the third of three rows)
    assert ("mode clicked", "Mode", True) in log


def test_tab_strip_selected_tab_follows_the_user(window: tuple) -> None:
    win, _client, _log = window
    tabs = win.component("Tabs")
    assert tabs.selectedTab == "Tab 1"
    tabs.widget.setCurrentIndex(1)
    assert tabs.selectedTab == "Tab 2"
    tabs.selectedTab = "Tab 1"
    assert tabs.widget.currentIndex() == 0


def test_shape_is_drawn_with_its_fill_and_gets_mouse_events(
    qtbot: QtBot, window: tuple
) -> None:
    win, _client, log = window
    box = win.component("Box")
    image = box.widget.grab().toImage()
    assert image.pixelColor(25, 15).name() == "#ff0000"
    qtbot.mouseClick(box.widget, Qt.MouseButton.LeftButton, pos=QPoint(5, 6))
    assert log[-1] == ("box", 5, 6)
    tri = win.component("Tri").widget.grab().toImage()
    assert tri.pixelColor(20, 30).name() == "#00ff00"  # inside the triangle
    assert tri.pixelColor(2, 2).name() != "#00ff00"  # outside it


def test_svg_path_from_general_path_segments_round_trips() -> None:
    text = svg_path(
        [(0, (10, 20)), (1, (30, 20)), (3, (1, 2, 3, 4, 5, 6)), (4, ())], (10, 20)
    )
    assert text == "M 0 0 L 20 0 C -9 -18 -7 -16 -5 -14 Z"
    assert parse_path(text).elementCount() == 6
    assert parse_path("M 0 0 L 1e400 5").elementCount() == 1  # bad number: stop
    assert font_text("Dialog", 1, 20) == "Dialog-BOLD-20"


def test_template_holder_without_children_names_its_template(window: tuple) -> None:
    win, _client, _log = window
    holder = win.component("Holder")
    caption = holder.widget.findChild(QLabel, "VisionTemplateLabel")
    assert "Dev/loading" in caption.text()
    assert caption.isVisibleTo(holder.widget)
    assert holder.color == "red"  # a template parameter: a custom property


def test_unresolvable_image_path_is_a_framed_placeholder(window: tuple) -> None:
    win, _client, _log = window
    pic = win.component("Pic")
    assert "nothing.png" in pic.widget.text()
    assert "dashed" in pic.widget.styleSheet()


def test_date_time_popup_date_and_format(window: tuple) -> None:
    win, _client, _log = window
    when = win.component("When")
    when.date = datetime.datetime(2024, 5, 6, 7, 8)
    assert when.widget.text() == "2024-05-06 07:08"
    assert when.text == "2024-05-06 07:08"


def test_meter_needle_is_clamped_to_its_range(window: tuple) -> None:
    win, _client, _log = window
    gauge = win.component("Gauge")
    assert gauge.widget.fraction == 0.75
    gauge.value = 10**9
    assert gauge.widget.fraction == 1.0


def test_numeric_text_field_mode_picks_the_typed_property(
    qtbot: QtBot, window: tuple
) -> None:
    win, _client, _log = window
    qty = win.component("Qty")
    qty.widget.clear()
    qtbot.keyClicks(qty.widget, "2.5")
    assert qty.doubleValue == 2.5
    assert qty.intValue == 2
    qty.mode = 0
    qty.widget.clear()
    qtbot.keyClicks(qty.widget, "7.6")
    assert qty.intValue == 8


def test_chart_placeholder_data_is_readable_and_writable(window: tuple) -> None:
    win, client, _log = window
    run(
        client,
        """
        trend = system.gui.getWindow("W").rootContainer.getComponent("Trend")
        trend.data = system.dataset.toDataSet(["t", "v"], [[1, 2], [3, 4]])
        assert trend.data.getRowCount() == 2
        """,
    )
    assert "2 rows" in win.component("Trend").widget.text()


def test_a_worker_writing_a_combo_box_is_a_violation_still_applied(
    sim: Simulation, window: tuple
) -> None:
    win, client, _log = window
    run(
        client,
        """
        combo = system.gui.getWindow("W").rootContainer.getComponent("Combo")
        def work():
            combo.selectedIndex = 0
        system.util.invokeAsynchronous(work)
        """,
    )
    assert sim.wait_idle(5)
    assert "ComboBox.selectedIndex write" in [v.what for v in sim.guard.violations()]
    assert win.component("Combo").selectedLabel == "One"


def test_window_yaml_rejects_an_unknown_property_of_a_new_type(
    window_client: MakeClient,
) -> None:
    from visionsim.runtime import ProjectError

    bad = WINDOW.replace("repeat: 1", "").replace("{running: false", "{runing: false")
    with pytest.raises(ProjectError, match="unknown property 'runing' of Timer"):
        window_client(bad)


def test_plain_text_too_long_for_the_label_ends_in_an_ellipsis(window: tuple) -> None:
    win, _client, _log = window
    plain = win.component("Plain")
    shown = plain.widget.text()
    assert shown.endswith("\u2026")
    assert shown.startswith("a long")
    assert plain.text == "a long plain text that does not wrap"  # the property


@pytest.mark.parametrize(
    ("text", "rgba"),
    [
        ("#ff8000", (255, 128, 0, 255)),
        ("rgba(10, 20, 30, 128)", (10, 20, 30, 128)),  # a decoded translucent Color
        ("red", (255, 0, 0, 255)),
        ("", None),
        ("not a colour", None),
    ],
)
def test_shape_paint_colours(text: str, rgba: tuple[int, ...] | None) -> None:
    color = paint_color(text)
    assert (color.getRgb() if color is not None else None) == rgba


def test_window_yaml_dates_set_a_date_time_popup(window_client: MakeClient) -> None:
    client, _log = window_client("""
openOnStartup: true
rootContainer:
  components:
    - type: DateTimePopup
      name: D
      bounds: [0, 0, 200, 24]
      props: {date: 2024-05-06 07:08:00, format: dd.MM.yyyy HH:mm}
    - type: DateTimePopup
      name: Day
      bounds: [0, 30, 200, 24]
      props: {date: 2024-05-06, format: dd.MM.yyyy}
""")
    assert client.vision.windows is not None
    [win] = client.vision.windows.opened_windows()
    assert win.component("D").widget.text() == "06.05.2024 07:08"
    assert win.component("Day").date == datetime.datetime(2024, 5, 6)


def test_a_window_yaml_date_that_is_no_date_names_the_line(
    window_client: MakeClient,
) -> None:
    from visionsim.runtime import ProjectError

    bad = """
rootContainer:
  components:
    - {type: DateTimePopup, name: D, bounds: [0, 0, 9, 9], props: {date: soon}}
"""
    with pytest.raises(ProjectError, match=r"window.yaml:4:.*date must be a date"):
        window_client(bad)


def test_button_background_from_button_bg_or_background(
    window_client: MakeClient,
) -> None:
    client, _log = window_client("""
openOnStartup: true
rootContainer:
  components:
    - {type: Button, name: Ign, bounds: [0, 0, 80, 30], props: {buttonBG: "#abcdef"}}
    - {type: Button, name: Yaml, bounds: [0, 40, 80, 30],
       props: {background: "#fedcba"}}
""")
    assert client.vision.windows is not None
    [win] = client.vision.windows.opened_windows()
    assert "#abcdef" in win.component("Ign").widget.styleSheet()
    assert "#fedcba" in win.component("Yaml").widget.styleSheet()


#: Defaults a component works out when it is built (the rest are the catalog's).
_COMPUTED = {
    ("DateTimePopup", "date"),
    ("DateTimePopup", "text"),
    ("MultiStateButton", "states"),
    ("TabStrip", "tabData"),
    ("TabStrip", "selectedTab"),
}


def test_every_type_builds_with_the_catalog_defaults(window_client: MakeClient) -> None:
    from visionsim.runtime.vision_catalog import PLACEABLE
    from visionsim.widgets.components import TYPES

    assert set(PLACEABLE) <= set(TYPES)
    items = "\n".join(
        f"    - {{type: {name}, name: C{i}, bounds: [0, 0, 40, 20]}}"
        for i, name in enumerate(PLACEABLE)
    )
    client, _log = window_client(
        "openOnStartup: true\nrootContainer:\n  components:\n" + items + "\n"
    )
    assert client.vision.windows is not None
    [win] = client.vision.windows.opened_windows()
    for i, name in enumerate(PLACEABLE):
        component = win.component(f"C{i}")
        assert type(component).__name__ == name
        for spec in CATALOG[name].properties:
            if spec.name != "name" and (name, spec.name) not in _COMPUTED:
                assert getattr(component, spec.name) == spec.default, (name, spec)


@settings(max_examples=200, deadline=None)
@given(st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30))
def test_any_number_and_pattern_format_without_error(
    value: float, pattern: str
) -> None:
    assert isinstance(format_number(value, pattern), str)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="MLQCZ0123456789.-e ,", max_size=60))
def test_any_path_text_parses_to_a_path_without_error(text: str) -> None:
    assert parse_path(text).elementCount() >= 0


def test_template_holder_with_the_template_components_shows_them(
    window_client: MakeClient,
) -> None:
    client, _log = window_client("""
openOnStartup: true
rootContainer:
  components:
    - type: TemplateHolder
      name: Valve
      bounds: [0, 0, 100, 60]
      props: {templatePath: Symbols/Valve}
      customProperties:
        open: {type: bool, value: true}
      components:
        - {type: Label, name: State, bounds: [0, 0, 100, 20], props: {text: open}}
    - type: TemplateRepeater
      name: Pumps
      bounds: [0, 70, 200, 100]
      props:
        templatePath: Symbols/Pump
        repeatBehavior: 1
        templateParams: {columns: [id], rows: [[7], [8]]}
""")
    assert client.vision.windows is not None
    [win] = client.vision.windows.opened_windows()
    holder = win.component("Valve")
    caption = holder.widget.findChild(QLabel, "VisionTemplateLabel")
    assert not caption.isVisibleTo(holder.widget)
    assert holder.getComponent("State").text == "open"
    assert holder.open is True
    listing = win.component("Pumps").widget.findChild(QLabel, "VisionTemplateLabel")
    assert listing.text().splitlines() == [
        "Template Repeater",
        "Symbols/Pump x 2",
        "1: id=7",
        "2: id=8",
    ]


def test_scripts_paint_shapes_with_java_colors(window: tuple) -> None:
    win, client, _log = window
    run(
        client,
        """
        from java.awt import Color
        root = system.gui.getWindow("W").rootContainer
        root.getComponent("Box").fillPaint = Color.BLUE
        root.getComponent("Tri").strokePaint = Color(0, 0, 0, 64)
        """,
    )
    assert win.component("Box").fillPaint == "#0000ff"
    assert win.component("Tri").strokePaint == "rgba(0, 0, 0, 64)"
    assert win.component("Box").widget.grab().toImage().pixelColor(25, 15).name() == (
        "#0000ff"
    )


def test_window_yaml_rejects_a_fill_paint_that_is_no_colour(
    window_client: MakeClient,
) -> None:
    from visionsim.runtime import ProjectError

    bad = WINDOW.replace('fillPaint: "#ff0000"', "fillPaint: reddish")
    with pytest.raises(ProjectError, match="fillPaint must be a colour"):
        window_client(bad)


@pytest.mark.parametrize(
    ("prop", "value"),
    [
        ("strokeWidth", float("nan")),
        ("strokeWidth", 1e300),
        ("strokeWidth", -5.0),
        ("path", "M 0 0 L nan 3"),
    ],
)
def test_shape_with_unusable_numbers_still_draws(
    window: tuple, prop: str, value: object
) -> None:
    win, _client, _log = window
    tri = win.component("Tri")
    tri.shapeType = "path"
    setattr(tri, prop, value)
    assert not tri.widget.grab().toImage().isNull()


def test_date_time_popup_takes_extreme_dates(window: tuple) -> None:
    win, _client, _log = window
    when = win.component("When")
    for value in (datetime.datetime(1, 1, 1), datetime.datetime(9999, 12, 31)):
        when.date = value
        assert when.widget.text()
