"""Vision windows in the project loader: the full format, and precise errors."""

from __future__ import annotations

import json
import textwrap
from typing import TYPE_CHECKING

import pytest

from visionsim.runtime import ProjectError, load_project
from visionsim.runtime.windows import WINDOWS

if TYPE_CHECKING:
    from pathlib import Path

MAIN = """\
title: Main Window
openOnStartup: true
size: [800, 600]
rootContainer:
  props: {background: "#ffffff"}
  customProperties:
    results: {type: str, value: done}
    count: {type: int, value: 3}
    ratio: {type: float, value: 2}
    flag: {type: bool, value: true}
    orders: {type: dataset, value: {columns: [id, item], rows: [[1, bolt]]}}
    blank: {type: str}
    none: {type: dataset}
  events:
    mouseClicked: print("root")
  components:
    - type: Label
      name: Status
      bounds: [20, 20, 240, 24]
      props: {text: No, visible: false}
    - type: Container
      name: Group
      bounds: [0, 60, 400, 300]
      customProperties:
        target: {type: float}
      components:
        - type: Button
          name: Start
          bounds: [20, 60, 120, 32]
          props: {text: Start}
          events:
            actionPerformed: |
              def work():
                  print("working")
              system.util.invokeAsynchronous(work)
        - type: NumericTextField
          name: Amount
          bounds: [20, 100, 120, 24]
          props: {intValue: 5, doubleValue: 7}
        - type: Table
          name: Orders
          bounds: [0, 140, 400, 150]
          props:
            data: {columns: [a, b], rows: [[1, x], [2, null]]}
            selectedRow: 0
"""


def _project(tmp_path: Path, windows: dict[str, str | bytes]) -> Path:
    root = tmp_path / "Proj"
    root.mkdir()
    (root / "project.json").write_text(json.dumps({"title": "Proj"}))
    for path, content in windows.items():
        folder = root / WINDOWS / path
        folder.mkdir(parents=True)
        if isinstance(content, bytes):
            (folder / "window.bin").write_bytes(content)
        else:
            (folder / "window.yaml").write_text(textwrap.dedent(content))
    return root


def test_well_formed_window_loads_every_field(tmp_path: Path) -> None:
    root = _project(tmp_path, {"Main": MAIN, "Popups/Confirm": ""})
    windows = load_project(root).windows
    assert sorted(windows) == ["Main", "Popups/Confirm"]

    main = windows["Main"]
    assert (main.path, main.title, main.open_on_startup) == (
        "Main",
        "Main Window",
        True,
    )
    assert main.size == (800, 600)
    assert main.file == root / WINDOWS / "Main" / "window.yaml"

    rc = main.root
    assert (rc.type, rc.name, rc.path) == (
        "RootContainer",
        "Root Container",
        "Root Container",
    )
    assert (rc.bounds, rc.line) == ((0, 0, 800, 600), 4)
    assert rc.props == {"background": "#ffffff"}
    assert rc.events == {"mouseClicked": 'print("root")'}
    params = {n: (p.type, p.value) for n, p in rc.custom_properties.items()}
    assert params == {
        "results": ("str", "done"),
        "count": ("int", 3),
        "ratio": ("float", 2.0),
        "flag": ("bool", True),
        "orders": ("dataset", {"columns": ["id", "item"], "rows": [[1, "bolt"]]}),
        "blank": ("str", ""),
        "none": ("dataset", None),
    }
    assert type(rc.custom_properties["ratio"].value) is float

    status, group = rc.components
    assert (status.type, status.path, status.bounds) == (
        "Label",
        "Root Container/Status",
        (20, 20, 240, 24),
    )
    assert status.props == {"text": "No", "visible": False}  # YAML 1.2: No is text
    assert (status.line, status.components) == (17, ())

    assert (group.type, group.line) == ("Container", 21)
    assert group.custom_properties["target"].value == 0.0
    start, amount, table = group.components
    assert start.path == "Root Container/Group/Start"
    assert start.events["actionPerformed"].startswith("def work():\n")
    assert amount.props == {"intValue": 5, "doubleValue": 7.0}
    assert type(amount.props["doubleValue"]) is float
    assert table.props == {
        "data": {"columns": ["a", "b"], "rows": [[1, "x"], [2, None]]},
        "selectedRow": 0,
    }


def test_window_defaults_title_size_and_startup(tmp_path: Path) -> None:
    root = _project(tmp_path, {"Popups/Confirm": "rootContainer: {}\n"})
    window = load_project(root).windows["Popups/Confirm"]
    assert (window.title, window.size, window.open_on_startup) == (
        "Confirm",
        (640, 400),
        False,
    )
    assert window.root.components == ()
    assert window.root.custom_properties == {}


def _component(body: str) -> str:
    """A window with one component whose mapping (at line 3) is ``body``."""
    indented = textwrap.indent(textwrap.dedent(body), "      ").lstrip()
    return f"rootContainer:\n  components:\n    - {indented}"


LABEL = "type: Label\nname: Status\nbounds: [0, 0, 10, 10]\n"

MALFORMED = [
    pytest.param(
        _component("type: Lable\nname: Status\nbounds: [0, 0, 10, 10]\n"),
        (3, 13),
        "unknown component type 'Lable' (did you mean 'Table' or 'Label'?)",
        id="unknown-type",
    ),
    pytest.param(
        _component(LABEL + "props: {txt: hi}\n"),
        (6, 15),
        "unknown property 'txt' of Label (did you mean 'text'?)",
        id="unknown-property",
    ),
    pytest.param(
        _component(LABEL + "props: {visible: yes}\n"),
        (6, 24),
        "visible must be a bool, not 'yes'",
        id="str-for-bool",
    ),
    pytest.param(
        _component(
            "type: ProgressBar\nname: Bar\nbounds: [0, 0, 10, 10]\n"
            "props:\n  value: true\n"
        ),
        (7, 16),
        "value must be an int, not True",
        id="bool-for-int",
    ),
    pytest.param(
        _component(LABEL + "props: {text: 12}\n"),
        (6, 21),
        "text must be a str, not 12 (quote it to make it text)",
        id="number-for-str",
    ),
    pytest.param(
        _component(
            "type: Button\nname: Go\nbounds: [0, 0, 10, 10]\n"
            "events:\n  actionPerformd: pass\n"
        ),
        (7, 9),
        "unknown event 'actionPerformd' for Button (did you mean 'actionPerformed'?)",
        id="unknown-event",
    ),
    pytest.param(
        _component("type: Label\nbounds: [0, 0, 10, 10]\n"),
        (3, 7),
        "a Label needs a name (text), not None",
        id="missing-name",
    ),
    pytest.param(
        "rootContainer:\n  components:\n"
        "    - {type: Label, name: Status, bounds: [0, 0, 10, 10]}\n"
        "    - {type: Button, name: Status, bounds: [0, 0, 10, 10]}\n",
        (4, 28),
        "duplicate component name 'Status' in Root Container (first at line 3)",
        id="duplicate-name",
    ),
    pytest.param(
        _component("type: Label\nname: Status\nbounds: [0, 0, 10]\n"),
        (5, 15),
        "bounds must be 4 integers [x, y, width, height], not [0, 0, 10]",
        id="bounds-not-four-ints",
    ),
    pytest.param(
        _component("type: Label\nname: Status\nbounds: [0, 0, -5, 10]\n"),
        (5, 15),
        "bounds: width and height cannot be negative, not -5x10",
        id="bounds-negative-size",
    ),
    pytest.param(
        _component(LABEL + "components:\n  - " + LABEL.replace("\n", "\n    ")),
        (6, 7),
        "a Label cannot have components (only containers can)",
        id="children-on-non-container",
    ),
    pytest.param(
        "rootContainer:\n  customProperties:\n    count: {type: integer}\n",
        (3, 19),
        "custom property 'count': unknown type 'integer' (did you mean 'int'?)",
        id="custom-unknown-type",
    ),
    pytest.param(
        "rootContainer:\n  customProperties:\n    count: {type: int, value: '3'}\n",
        (3, 31),
        "custom property 'count' must be an int, not '3'",
        id="custom-wrong-value",
    ),
    pytest.param(
        "rootContainer:\n  customProperties:\n    visible: {type: bool}\n",
        (3, 5),
        "custom property 'visible' clashes with RootContainer's built-in property",
        id="custom-clashes-with-built-in",
    ),
    pytest.param(
        "title: Main\nopneOnStartup: true\n",
        (2, 1),
        "unknown key 'opneOnStartup' in window (did you mean 'openOnStartup'?)",
        id="unknown-top-level-key",
    ),
    pytest.param(
        _component(LABEL + "evnts: {}\n"),
        (6, 7),
        "unknown key 'evnts' in component (did you mean 'events' or 'components'?)",
        id="unknown-component-key",
    ),
    pytest.param(
        "size: [640]\n",
        (1, 7),
        "size must be [width, height], two integers from 1 to 8192, not [640]",
        id="bad-size",
    ),
    pytest.param(
        _component("type: RootContainer\nname: Inner\nbounds: [0, 0, 10, 10]\n"),
        (3, 13),
        "unknown component type 'RootContainer' (a window has one root container",
        id="nested-root-container",
    ),
    pytest.param(
        _component(
            "type: Table\nname: T\nbounds: [0, 0, 10, 10]\nprops:\n"
            "  data:\n    columns: [a, b]\n    rows:\n      - [1, 2]\n      - [3]\n"
        ),
        (11, 15),
        "data: row 1 must be a list of 2 plain values (one per column), not [3]",
        id="dataset-row-length",
    ),
]


@pytest.mark.parametrize(("text", "position", "message"), MALFORMED)
def test_malformed_window_names_file_line_column_and_nearest_name(
    tmp_path: Path, text: str, position: tuple[int, int], message: str
) -> None:
    root = _project(tmp_path, {"Main": text})
    with pytest.raises(ProjectError) as info:
        load_project(root)
    error = info.value
    assert error.path == root / WINDOWS / "Main" / "window.yaml"
    assert (error.line, error.column) == position
    assert message in error.message
    line, column = position
    assert str(error).startswith(f"{error.path}:{line}:{column}: ")


def _script_error(root: Path) -> ProjectError:
    """The one script error a project loads with (it does not stop the load)."""
    [error] = load_project(root).script_errors
    return error


def test_syntax_error_in_block_script_points_at_its_yaml_line_and_column(
    tmp_path: Path,
) -> None:
    text = _component(
        "type: Button\nname: Go\nbounds: [0, 0, 10, 10]\nevents:\n"
        "  actionPerformed: |\n    x = 1\n    if x\n        pass\n"
    )
    root = _project(tmp_path, {"Popups/Ask": text})
    error = _script_error(root)
    # the key is on line 7, so script line 2 ("if x") is line 9, indented by
    # 10: the missing ':' is at column 15
    assert (error.line, error.column) == (9, 15)
    assert error.message == (
        "syntax error in Popups/Ask/Root Container/Go.actionPerformed: "
        "expected ':' (script line 2)"
    )


def test_syntax_error_in_one_line_script_points_at_its_line(tmp_path: Path) -> None:
    # Python 3's print(..., end=...) is a syntax error in Jython 2.7 too
    text = "rootContainer:\n  events:\n    mouseClicked: 'print(1, end=\"\")'\n"
    root = _project(tmp_path, {"Main": text})
    error = _script_error(root)
    assert error.line == 3
    assert "syntax error in Main/Root Container.mouseClicked" in error.message


def test_python2_print_is_valid_in_a_jython_project(tmp_path: Path) -> None:
    text = "rootContainer:\n  events:\n    mouseClicked: 'print \"hi\"'\n"
    assert load_project(_project(tmp_path, {"Main": text})).script_errors == []


def test_python3_project_checks_scripts_as_python3(tmp_path: Path) -> None:
    text = "rootContainer:\n  events:\n    mouseClicked: 'print \"hi\"'\n"
    root = _project(tmp_path, {"Main": text})
    (root / "visionsim.yaml").write_text("scriptDialect: python3\n")
    error = _script_error(root)
    assert "Missing parentheses in call to 'print'" in error.message


def test_return_outside_function_is_a_syntax_error_at_load(tmp_path: Path) -> None:
    text = "rootContainer:\n  events:\n    mouseClicked: |\n      return\n"
    root = _project(tmp_path, {"Main": text})
    error = _script_error(root)
    assert (error.line, error.column) == (4, 7)
    assert "'return' outside function" in error.message


def test_broken_window_bin_is_reported_when_the_window_is_decoded(
    tmp_path: Path,
) -> None:
    root = _project(tmp_path, {"Main": b"\x1f\x8b\x08binary"})
    project = load_project(root)  # binary windows are decoded when first used
    assert list(project.windows) == ["Main"]
    with pytest.raises(ProjectError) as info:
        project.windows["Main"]
    assert info.value.path == root / WINDOWS / "Main" / "window.bin"
    assert "gzip" in info.value.message


def test_data_bin_in_a_window_folder_is_reported(tmp_path: Path) -> None:
    root = _project(tmp_path, {})
    folder = root / WINDOWS / "Main"
    folder.mkdir(parents=True)
    (folder / "data.bin").write_bytes(b"\x00")
    project = load_project(root)
    with pytest.raises(ProjectError, match=r"data\.bin: not an Ignition binary"):
        project.windows["Main"]


def test_yaml_syntax_error_in_window_names_line_and_column(tmp_path: Path) -> None:
    root = _project(tmp_path, {"Main": "title: Main\nsize: [1, 2\n"})
    with pytest.raises(ProjectError) as info:
        load_project(root)
    assert info.value.path.name == "window.yaml"
    assert info.value.line == 3
    assert "YAML error" in info.value.message
