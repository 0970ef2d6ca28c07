"""Vision components: properties, the tree, events, and their scripts."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

from tests.conftest import run

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Simulation
    from visionsim.widgets import VisionWindow


def _main(client: ClientSession) -> VisionWindow:
    windows = client.vision.windows
    assert windows is not None
    [window] = windows.opened_windows()
    return window  # type: ignore[return-value]


def test_startup_window_opens_with_its_components(vision_client: ClientSession) -> None:
    window = _main(vision_client)
    assert window.path == "Main"
    assert window.widget.windowTitle() == "Main"
    status = window.component("Status")
    assert status.text == "Idle"
    assert status.widget.text() == "Idle"
    assert window.component("Group/Input").parent.name == "Group"
    root = window.getRootContainer()
    assert [c.name for c in root.getComponents()] == ["Status", "Start", "Group"]
    assert root.getComponent("Nope") is None


def test_button_click_runs_action_performed_on_the_gui_thread(
    qtbot: QtBot, vision_client: ClientSession
) -> None:
    window = _main(vision_client)
    qtbot.mouseClick(window.component("Start").widget, Qt.LeftButton)
    assert window.component("Status").text == "Clicked"
    assert window.component("Status").widget.text() == "Clicked"


def test_do_click_from_a_script(vision_client: ClientSession) -> None:
    window = _main(vision_client)
    run(
        vision_client,
        """
        window = system.nav.openWindow("Main")
        window.rootContainer.getComponent("Start").doClick()
        """,
    )
    assert window.component("Status").text == "Clicked"


@pytest.mark.parametrize(
    ("path", "prop", "value", "shown"),
    [
        ("Status", "text", "Hello", lambda w: w.text()),
        ("Start", "text", "Go", lambda w: w.text()),
        ("Group/Input", "text", "abc", lambda w: w.text()),
        ("Group/Notes", "text", "a\nb", lambda w: w.toPlainText()),
        ("Group/Check", "selected", True, lambda w: w.isChecked()),
        ("Group/Check", "text", "I agree", lambda w: w.text()),
        ("Group/Progress", "value", 42, lambda w: w.value()),
        ("Group/Progress", "maximum", 50, lambda w: w.maximum()),
        ("Group/Number", "intValue", 7, lambda w: w.text()),
        ("Status", "visible", False, lambda w: w.isHidden()),
        ("Status", "enabled", False, lambda w: not w.isEnabled()),
        ("Status", "toolTipText", "tip", lambda w: w.toolTip()),
        ("Status", "foreground", "#ff0000", lambda w: "#ff0000" in w.styleSheet()),
        ("Group/Check", "background", "#00ff00", lambda w: "#00ff00" in w.styleSheet()),
    ],
)
def test_every_property_write_reaches_the_widget(
    vision_client: ClientSession, path: str, prop: str, value: object, shown: object
) -> None:
    component = _main(vision_client).component(path)
    setattr(component, prop, value)
    assert getattr(component, prop) == value
    result = shown(component.widget)  # type: ignore[operator]
    assert result in (True, value, str(value))


def test_numeric_text_field_keeps_its_value_properties_in_step(
    vision_client: ClientSession,
) -> None:
    number = _main(vision_client).component("Group/Number")
    number.doubleValue = 2.5
    assert (number.intValue, number.longValue, number.floatValue) == (2, 2, 2.5)
    number.intValue = 9
    assert number.doubleValue == 9.0
    assert number.widget.text() == "9"


def test_table_data_is_a_dataset_and_selection_is_tracked(
    vision_client: ClientSession,
) -> None:
    table = _main(vision_client).component("Group/Orders")
    assert table.data.getColumnNames() == ["id", "qty"]
    assert table.data.getValueAt(1, "qty") == 7
    assert table.widget.model().rowCount() == 2
    run(
        vision_client,
        """
        table = system.gui.getWindow("Main").rootContainer.getComponent("Group") \\
            .getComponent("Orders")
        table.data = system.dataset.toDataSet(["a"], [[1], [2], [3]])
        table.selectedRow = 2
        """,
    )
    assert table.widget.model().rowCount() == 3
    assert table.selectedRow == 2


def test_custom_properties_are_typed_and_double_as_window_params(
    vision_client: ClientSession,
) -> None:
    run(vision_client, 'system.nav.openWindow("Main", {"results": "r1", "count": 3})')
    root = _main(vision_client).getRootContainer()
    assert (root.results, root.count) == ("r1", 3)
    root.count = 4.0  # numbers convert
    assert root.count == 4
    with pytest.raises(TypeError):
        root.count = "many"
    assert root.getPropertyValue("results") == "r1"
    root.setPropertyValue("results", "r2")
    assert root.results == "r2"


def test_unknown_properties_name_the_nearest(vision_client: ClientSession) -> None:
    status = _main(vision_client).component("Status")
    with pytest.raises(AttributeError, match="did you mean 'text'"):
        status.txt = "x"
    with pytest.raises(AttributeError, match="did you mean 'text'"):
        _ = status.tex
    with pytest.raises(AttributeError):
        status.getPropertyValue("nope")


def test_property_change_fires_for_built_in_and_custom_properties(
    window_client: Callable[[str], tuple[ClientSession, list[object]]],
) -> None:
    client, log = window_client("""
rootContainer:
  customProperties:
    level: {type: int, value: 1}
  events:
    propertyChange: |
      if event.propertyName == "level":
          log.append(("root", event.oldValue, event.newValue))
  components:
    - type: Label
      name: L
      bounds: [0, 0, 50, 20]
      events:
        propertyChange: |
          log.append((event.propertyName, event.oldValue, event.newValue,
                      event.source.name))
""")
    run(
        client,
        """
        w = system.nav.openWindow("W")
        label = w.rootContainer.getComponent("L")
        label.text = "a"
        label.text = "a"          # no change: no event
        label.text = "b"
        w.rootContainer.level = 5
        """,
    )
    assert log == [
        ("text", "", "a", "L"),
        ("text", "a", "b", "L"),
        ("root", 1, 5),
    ]


def test_typing_in_a_text_field_updates_text_and_fires_enter_action(
    qtbot: QtBot, vision_client: ClientSession
) -> None:
    field = _main(vision_client).component("Group/Input")
    qtbot.keyClicks(field.widget, "hello")
    assert field.text == "hello"


def test_mouse_events_carry_position_button_and_click_count(
    qtbot: QtBot,
    window_client: Callable[[str], tuple[ClientSession, list[object]]],
) -> None:
    client, log = window_client("""
openOnStartup: true
rootContainer:
  components:
    - type: Label
      name: Target
      bounds: [0, 0, 100, 40]
      props: {text: click me}
      events:
        mousePressed: "log.append(('pressed', event.x, event.y, event.button))"
        mouseReleased: "log.append(('released', event.clickCount))"
        mouseClicked: "log.append(('clicked', event.clickCount, event.shiftDown))"
""")
    target = _main(client).component("Target")
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(target.widget, Qt.LeftButton, Qt.ShiftModifier, QPoint(12, 7))
    assert log == [("pressed", 12, 7, 1), ("released", 1), ("clicked", 1, True)]


def test_script_error_in_an_event_names_the_component_script(
    sim: Simulation, vision_client: ClientSession
) -> None:
    start = _main(vision_client).component("Start")
    start._scripts["actionPerformed"] = vision_client.scope.compile(
        "x = 1\nundefined()\n", "Main/Root Container/Start.actionPerformed"
    )
    start.doClick()
    [report] = sim.errors.reports()
    assert str(report.location) == "Main/Root Container/Start.actionPerformed, line 2"


def test_enter_checkbox_focus_and_hover_events_run_their_scripts(
    qtbot: QtBot,
    window_client: Callable[[str], tuple[ClientSession, list[object]]],
) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QFocusEvent
    from PySide6.QtWidgets import QApplication

    client, log = window_client("""
openOnStartup: true
rootContainer:
  components:
    - type: TextField
      name: Field
      bounds: [0, 0, 100, 24]
      events:
        actionPerformed: "log.append(('enter', event.source.text))"
        focusGained: "log.append('focus in')"
        focusLost: "log.append('focus out')"
        mouseEntered: "log.append('hover')"
    - type: CheckBox
      name: Box
      bounds: [0, 30, 100, 24]
      events:
        actionPerformed: "log.append(('box', event.source.selected))"
""")
    win = _main(client)
    field = win.component("Field")
    qtbot.keyClicks(field.widget, "42")
    qtbot.keyClick(field.widget, Qt.Key_Return)
    QApplication.sendEvent(field.widget, QFocusEvent(QEvent.Type.FocusIn))
    QApplication.sendEvent(field.widget, QFocusEvent(QEvent.Type.FocusOut))
    QApplication.sendEvent(field.widget, QEvent(QEvent.Type.Enter))
    win.component("Box").widget.click()  # the indicator, as a user would
    assert log == [("enter", "42"), "focus in", "focus out", "hover", ("box", True)]


def test_every_component_of_an_open_window_is_visible(
    vision_client: ClientSession,
) -> None:
    window = _main(vision_client)
    assert window.widget.isVisible()
    hidden = [path for path, c in window.components.items() if not c.widget.isVisible()]
    assert hidden == []
    assert not any(c.widget.isWindow() for c in window.components.values())


def test_a_worker_writing_to_a_closed_window_is_harmless(
    sim: Simulation, vision_client: ClientSession
) -> None:
    window = _main(vision_client)
    status = window.component("Status")
    run(
        vision_client,
        """
        import time
        def work(root=system.gui.getWindow("Main").rootContainer):
            time.sleep(0.1)
            def back():
                root.getComponent("Status").text = "late"
            system.util.invokeLater(back)
        system.util.invokeAsynchronous(work)
        system.nav.closeWindow("Main")
        """,
    )
    assert sim.wait_idle(5)
    assert sim.errors.reports() == []
    assert status.text == "late"  # the value is kept; nothing is drawn


def test_a_java_awt_color_set_by_a_script_colours_the_component(
    window_client: Callable[[str], tuple[ClientSession, list[object]]],
) -> None:
    """Ignition scripts set colours as java.awt.Color objects."""
    client, log = window_client(
        "rootContainer:\n"
        "  components:\n"
        "    - {type: Label, name: L, bounds: [0, 0, 90, 20]}\n"
    )
    run(
        client,
        """
        from java.awt import Color
        label = system.nav.openWindow("W").rootContainer.getComponent("L")
        label.foreground = Color.RED
        label.background = Color(0, 0, 255, 128)
        log.append(label.foreground)
        log.append(label.background)
        """,
    )
    assert log == ["#ff0000", "rgba(0, 0, 255, 128)"]
