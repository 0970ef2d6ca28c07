"""Component bindings: tag, bidirectional, indirect and property bindings."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import pytest

from tests.conftest import run
from tests.runtime.tags.conftest import write_tag_project
from visionsim.app.dialogs import HeadlessDialogs
from visionsim.runtime import ProjectError, load_project
from visionsim.widgets import WindowManager

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Simulation
    from visionsim.widgets import VisionWindow

WINDOW = """
title: Tags
openOnStartup: true
size: [400, 300]
rootContainer:
  customProperties:
    line: {type: int, value: 1}
  components:
    - type: Label
      name: Speed
      bounds: [10, 10, 200, 24]
      bindings:
        text: {tag: "[default]Line1/Speed"}
      events:
        propertyChange: |
          if event.propertyName == "text":
              import threading
              log.append((event.newValue, threading.current_thread() is
                          threading.main_thread()))
    - type: TextField
      name: Name
      bounds: [10, 40, 200, 24]
      bindings:
        text: {tag: "[default]Line1/Name", bidirectional: true}
    - type: Label
      name: LineSpeed
      bounds: [10, 70, 200, 24]
      bindings:
        text: {indirect: "[default]Line{1}/Speed", refs: {"1": "Root Container.line"}}
    - type: Label
      name: Echo
      bounds: [10, 100, 200, 24]
      bindings:
        text: {property: "../Name.text"}
    - type: Label
      name: Missing
      bounds: [10, 130, 200, 24]
      props: {text: unchanged}
      bindings:
        text: {tag: "[default]No/Such"}
    - type: Table
      name: Orders
      bounds: [10, 160, 200, 100]
      bindings:
        data: {query: "SELECT * FROM orders", pollMs: 5000, database: DB}
    - type: Label
      name: Formula
      bounds: [220, 10, 100, 24]
      bindings:
        text: {expression: "{Root Container.line} * 2"}
"""


def open_window(
    sim: Simulation, tmp_path: Path, window_yaml: str = WINDOW
) -> tuple[ClientSession, list[Any]]:
    folder = write_tag_project(tmp_path)
    window = folder / "com.inductiveautomation.vision/windows/Tags/window.yaml"
    window.parent.mkdir(parents=True)
    window.write_text(window_yaml)
    log: list[Any] = []

    def setup(client: ClientSession) -> None:
        client.vision.windows = WindowManager(client)
        client.vision.dialogs = HeadlessDialogs(sim.output, {})
        client.scope.builtins["log"] = log

    sim.client_setup = setup
    client = sim.open_project(load_project(folder))
    client.tags.round_trip_s = 0
    return client, log


@pytest.fixture
def bound(sim: Simulation, tmp_path: Path) -> tuple[ClientSession, list[Any]]:
    return open_window(sim, tmp_path)


def window_of(client: ClientSession) -> VisionWindow:
    windows = client.vision.windows
    assert windows is not None
    [window] = windows.opened_windows()
    return window  # type: ignore[return-value]


def write(client: ClientSession, path: str, value: object) -> None:
    [code] = client.scope.system.tag.writeBlocking([path], [value])
    assert code.isGood()


def test_a_tag_binding_sets_the_property_as_the_window_opens(
    bound: tuple[ClientSession, list[Any]],
) -> None:
    client, log = bound
    label = window_of(client).component("Speed")
    assert label.text == "7"
    assert label.widget.text() == "7"
    assert log == [("7", True)]  # propertyChange fired while opening


def test_tag_changes_arrive_on_the_gui_thread_and_fire_property_change(
    qtbot: QtBot, sim: Simulation, bound: tuple[ClientSession, list[Any]]
) -> None:
    client, log = bound
    label = window_of(client).component("Speed")
    writer = threading.Thread(target=client.tags.write, args=("Line1/Speed", 8))
    writer.start()
    writer.join()
    assert label.text == "7"  # not yet: it is posted to the GUI thread
    qtbot.waitUntil(lambda: label.text == "8")
    assert log[-1] == ("8", True)
    assert sim.guard.violations() == []


def test_a_burst_of_changes_is_coalesced_into_one_update(
    sim: Simulation, bound: tuple[ClientSession, list[Any]]
) -> None:
    client, log = bound
    run(
        client,
        "for i in range(100):\n"
        "    system.tag.writeBlocking(['Line1/Speed'], [i + 100])\n",
    )
    assert sim.wait_idle(2)
    assert log[1:] == [("199", True)]


def test_a_bidirectional_binding_writes_user_changes_back(
    qtbot: QtBot, bound: tuple[ClientSession, list[Any]]
) -> None:
    client, _ = bound
    field = window_of(client).component("Name")
    assert field.text == "Line one"
    field.widget.setText("Line uno")
    field.widget.textEdited.emit("Line uno")  # what typing does
    qtbot.waitUntil(lambda: client.tags.read("Line1/Name").value == "Line uno")
    write(client, "Line1/Name", "Line 1")  # and tag changes still come in
    qtbot.waitUntil(lambda: field.text == "Line 1")


def test_a_script_write_to_a_bidirectional_property_reaches_the_tag(
    qtbot: QtBot, bound: tuple[ClientSession, list[Any]]
) -> None:
    client, _ = bound
    window_of(client).component("Name").text = "from a script"
    qtbot.waitUntil(lambda: client.tags.read("Line1/Name").value == "from a script")


def test_an_indirect_binding_follows_its_reference_property(
    qtbot: QtBot, sim: Simulation, bound: tuple[ClientSession, list[Any]]
) -> None:
    client, _ = bound
    window = window_of(client)
    label = window.component("LineSpeed")
    assert label.text == "7"
    window.getRootContainer().line = 2
    assert label.text == "12"  # re-resolved at once, on the GUI thread
    write(client, "Line1/Speed", 70)
    write(client, "Line2/Speed", 13)
    qtbot.waitUntil(lambda: label.text == "13")
    assert sim.wait_idle(2)
    assert label.text == "13"


def test_a_property_binding_copies_another_property(
    bound: tuple[ClientSession, list[Any]],
) -> None:
    client, _ = bound
    window = window_of(client)
    assert window.component("Echo").text == "Line one"
    window.component("Name").text = "changed"
    assert window.component("Echo").text == "changed"


def test_a_binding_to_a_missing_tag_leaves_the_property_and_says_so(
    sim: Simulation, bound: tuple[ClientSession, list[Any]]
) -> None:
    client, _ = bound
    assert window_of(client).component("Missing").text == "unchanged"
    assert any(
        "Missing.text" in line.text and "[default]No/Such: Bad_NotFound" in line.text
        for line in sim.output.history()
    )


def test_query_bindings_are_read_and_left_to_the_database(
    bound: tuple[ClientSession, list[Any]],
) -> None:
    client, _ = bound
    window = window_of(client)
    spec = window.spec.root.components[-2].bindings["data"]
    assert (spec.kind, spec.source, spec.poll_ms, spec.database) == (
        "query",
        "SELECT * FROM orders",
        5000,
        "DB",
    )
    assert window.bindings is not None
    assert [s.kind for _, s in window.bindings.deferred] == ["query"]


def test_a_closed_window_stops_following_its_tags(
    sim: Simulation, bound: tuple[ClientSession, list[Any]]
) -> None:
    client, log = bound
    windows = client.vision.windows
    assert windows is not None
    windows.close_window("Tags")
    write(client, "Line1/Speed", 99)
    assert sim.wait_idle(2)
    assert [value for value, _ in log] == ["7"]


COMPONENT = """
title: Bad
rootContainer:
  components:
    - type: Label
      name: L
      bounds: [0, 0, 10, 10]
      bindings:
{binding}
"""


@pytest.mark.parametrize(
    ("binding", "message", "line"),
    [
        ('        txt: {tag: "[default]A"}', "unknown property 'txt'", 9),
        ('        text: {tag: "[default]A", query: "SELECT 1"}', "exactly one", 9),
        ("        text: {indirect: 'L{1}/S', refs: {}}", r"no ref for \{1\}", 9),
        ("        text: {query: 'SELECT 1', pollMs: -1}", "pollMs", 9),
        ("        text: {tag: '[default]A', pollMs: 5}", "unknown key 'pollMs'", 9),
        ("        text: {tag: 7}", "tag must be text", 9),
        ("        text: tag", "must be a mapping", 9),
    ],
)
def test_bad_bindings_name_file_and_line(
    tmp_path: Path, binding: str, message: str, line: int
) -> None:
    folder = write_tag_project(tmp_path)
    window = folder / "com.inductiveautomation.vision/windows/Bad/window.yaml"
    window.parent.mkdir(parents=True)
    window.write_text(COMPONENT.format(binding=binding))
    with pytest.raises(ProjectError, match=message) as info:
        load_project(folder)
    assert info.value.path == window
    assert info.value.line == line


def test_named_query_bindings_keep_their_parameters(tmp_path: Path) -> None:
    folder = write_tag_project(tmp_path)
    window = folder / "com.inductiveautomation.vision/windows/Q/window.yaml"
    window.parent.mkdir(parents=True)
    window.write_text(
        COMPONENT.format(
            binding="        text: {namedQuery: Orders/Count, params: {id: 3}, "
            "pollMs: 1000}"
        )
    )
    spec = load_project(folder).windows["Q"].root.components[0].bindings["text"]
    assert (spec.kind, spec.source, spec.params, spec.poll_ms, spec.line) == (
        "namedQuery",
        "Orders/Count",
        {"id": 3},
        1000,
        9,
    )


def test_a_bound_property_ends_on_the_tags_last_value_under_racing_writers(
    sim: Simulation, bound: tuple[ClientSession, list[Any]]
) -> None:
    client, _ = bound
    label = window_of(client).component("Speed")

    def hammer(start: int) -> None:
        for value in range(start, start + 300):
            client.tags.write("Line1/Speed", value)

    writers = [threading.Thread(target=hammer, args=(n * 1000,)) for n in (1, 2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert sim.wait_idle(2)
    assert label.text == str(client.tags.read("Line1/Speed").value)


def test_touching_a_component_in_a_read_async_callback_is_a_violation(
    sim: Simulation, bound: tuple[ClientSession, list[Any]]
) -> None:
    client, _ = bound
    run(
        client,
        """
        label = system.gui.getWindow("Tags").rootContainer.getComponent("Missing")
        def wrong(values):
            label.text = str(values[0].value)
        def right(values):
            def apply():
                label.toolTipText = str(values[0].value)
            system.util.invokeLater(apply)
        system.tag.readAsync(["Line1/Speed"], wrong)
        system.tag.readAsync(["Line1/Speed"], right)
        """,
    )
    assert sim.wait_idle(2)
    [violation] = sim.guard.violations()
    assert violation.what == "Label.text write"
    assert violation.thread.startswith(f"client-{client.client_id}-tag-callbacks")
    label = window_of(client).component("Missing")
    assert label.text == "7"  # still applied, safely, on the GUI thread
    assert label.toolTipText == "7"


def test_an_expression_binding_says_it_is_not_simulated(
    sim: Simulation, bound: tuple[ClientSession, list[Any]]
) -> None:
    [line] = [line for line in sim.output.history() if "Formula.text" in line.text]
    assert line.is_error
    assert "(window.yaml line 50)" in line.text
    assert "expression bindings are not simulated" in line.text
