"""Decoded windows, templates and event scripts: the same model the YAML builds."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.runtime.resources.encoder import (
    array,
    b,
    dbl,
    document,
    encode,
    hashmap,
    i,
    leaf,
    lng,
    obj,
    s,
)
from tests.runtime.resources.projects import (
    CLIENT_EVENTS,
    FPMI,
    GATEWAY_EVENTS,
    Comp,
    custom_props,
    gateway_events,
    template_path,
    window,
    window_path,
    write_project,
)
from visionsim.runtime import ProjectError, load_project
from visionsim.runtime.resources import decode_window as decode_window_module
from visionsim.runtime.resources.binary import Attr
from visionsim.runtime.resources.components import MAX_COORDINATE
from visionsim.runtime.resources.lazy import LazyMapping
from visionsim.runtime.resources.values import (
    Color,
    Floats,
    Font,
    GeneralPath,
    PathSegment,
    Raw,
)

if TYPE_CHECKING:
    from pathlib import Path

BUTTON_SCRIPT = "system.util.invokeAsynchronous(work)\n"


def _main_window() -> object:
    label = Comp(
        "Label",
        "Status",
        (10.4, 20.6, 240, 24),
        calls=[
            ("setText", [s("Idle")]),
            ("setForeground", [leaf("clr", Color(0xFF102030))]),
            ("setFont", [leaf("font", Font("Dialog", 1, 20))]),
            ("setHorizontalAlignment", [i(0)]),
        ],
        events={"mouse.mouseClicked": "print('clicked')"},
    )
    button = Comp(
        "Button",
        "Start",
        (20, 60, 120, 32),
        calls=[("setText", [s("Start")]), ("setComponentEnabled", [b(False)])],
        events={"action.actionPerformed": BUTTON_SCRIPT},
    )
    chart = Comp("Chart", "Trend", (0, 100, 300, 150), calls=[("setTitle", [s("T")])])
    group = Comp("Container", "Group", (5, 5, 390, 290), children=[button, chart])
    custom_fn = hashmap([(s("refresh"), s("def refresh(self):\n\tpass\n"))])
    label.calls.append(("putClientProperty", [s("vision.custom.functions"), custom_fn]))
    root_props = custom_props(
        {
            "count": ("I", i(4)),
            "ratio": ("D", dbl(0.5)),
            "name": ("str", s("pump")),
            "flag": ("B", None),
        }
    )
    return window(
        "Main",
        [label, group],
        title="Main Window",
        size=(800, 600),
        root_calls=[("setDynamicProps", [root_props])],
        window_calls=[("setStartMaximized", [b(True)]), ("setDockPosition", [i(4)])],
        window_events={"visionWindow.visionWindowOpened": "print('opened')"},
    )


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    return write_project(tmp_path / "Proj", {window_path("Main"): _main_window()})


def test_window_settings_and_root_container(project_dir: Path) -> None:
    spec = load_project(project_dir).windows["Main"]
    assert (spec.title, spec.size, spec.path) == ("Main Window", (800, 600), "Main")
    assert spec.start_maximized is True
    assert spec.dock_position == "South"
    assert spec.events == {"visionWindowOpened": "print('opened')"}
    root = spec.root
    assert (root.type, root.name, root.bounds) == (
        "RootContainer",
        "Root Container",
        (0, 0, 800, 600),
    )
    custom = {name: (p.type, p.value) for name, p in root.custom_properties.items()}
    assert custom == {
        "count": ("int", 4),
        "ratio": ("float", 0.5),
        "name": ("str", "pump"),
        "flag": ("bool", False),  # no stored value: the type's default
    }


def test_components_map_to_catalog_types_with_ignition_properties(
    project_dir: Path,
) -> None:
    root = load_project(project_dir).windows["Main"].root
    label, group = root.components
    assert (label.type, label.path, label.bounds) == (
        "Label",
        "Root Container/Status",
        (10, 21, 240, 24),
    )
    assert label.props["text"] == "Idle"
    assert label.props["foreground"] == "#102030"
    assert label.props["horizontalAlignment"] == 0
    assert label.props["font"] == "Dialog-BOLD-20"  # Java's Font.decode text
    assert label.events == {"mouseClicked": "print('clicked')"}
    assert label.custom_methods == {"refresh": "def refresh(self):\n\tpass\n"}
    assert label.ignition_class == f"{FPMI}.components.PMILabel"
    button, chart = group.components
    assert button.path == "Root Container/Group/Start"
    assert button.props == {"text": "Start", "enabled": False}
    assert button.events == {"actionPerformed": BUTTON_SCRIPT}
    assert (chart.type, chart.ignition_class.rsplit(".", 1)[1]) == (
        "Placeholder",
        "PMIChart",
    )
    assert chart.props == {"title": "T"}


def test_windows_are_decoded_only_when_first_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = encode(_main_window())  # type: ignore[arg-type]
    root = write_project(tmp_path / "Many", {})
    for n in range(200):
        file = root / window_path(f"Screens/W{n:03}")
        file.parent.mkdir(parents=True)
        file.write_bytes(data)
    read: list[Path] = []
    real_read = decode_window_module.read_bytes
    monkeypatch.setattr(
        decode_window_module,
        "read_bytes",
        lambda path: read.append(path) or real_read(path),
    )
    project = load_project(root)
    assert read == []  # loading lists folders, reads no window file
    windows = project.windows
    assert isinstance(windows, LazyMapping)
    assert len(windows) == 200
    assert "Screens/W007" in windows
    assert windows["Screens/W007"].title == "Main Window"
    assert windows["Screens/W007"] is windows["Screens/W007"]  # decoded once
    assert [p.parent.name for p in read] == ["W007"]
    assert list(windows.loaded()) == ["Screens/W007"]


def test_bindings_become_binding_specs_by_kind(tmp_path: Path) -> None:
    label = Comp("Label", "Speed", calls=[("setText", [s("")])])
    slider = Comp("TextField", "Source")
    interaction = obj(
        f"{FPMI}.binding.PropertyInteractionDescriptor",
        [("setSource", [obj("placeholder")]), ("setSourceProperty", [s("text")])],
    )
    tag = obj(
        f"{FPMI}.binding.SimpleBoundTagAdapter",
        [
            ("setTagPathString", [s("[default]Line1/Speed")]),
            ("setBidirectional", [b(True)]),
        ],
    )
    expression = obj(
        f"{FPMI}.binding.ExpressionPropertyAdapter",
        [("setExpressionSource", [s("{Root Container.Source.text} + 'x'")])],
    )
    color = obj(
        f"{FPMI}.binding.SimpleBoundColorAdapter", [("setInteraction", [interaction])]
    )
    doc = window(
        "B",
        [label, slider],
        bindings=[
            (label, "text", tag),
            (slider, "toolTipText", expression),
            (label, "background", color),
        ],
    )
    root = (
        load_project(write_project(tmp_path / "P", {window_path("B"): doc}))
        .windows["B"]
        .root
    )
    speed, source = root.components
    text = speed.bindings["text"]
    assert (text.kind, text.source, text.bidirectional) == (
        "tag",
        "[default]Line1/Speed",
        True,
    )
    assert speed.bindings["background"].kind == "numberToColor"
    assert source.bindings["toolTipText"].kind == "expression"
    assert source.bindings["toolTipText"].source == "{Root Container.Source.text} + 'x'"


def test_templates_are_listed_and_decoded_lazily(tmp_path: Path) -> None:
    holder = Comp(
        "Holder",
        "loading",
        calls=[
            ("setTemplatePath", [s("Dev/loading")]),
            ("setParameterValues", [hashmap([(s("stepTime"), i(100))])]),
        ],
    )
    params = custom_props(
        {"stepTime": ("I", i(50))},
        f"{FPMI}.components.template.PublicCustomProperty",
    )
    template = document(
        obj(
            f"{FPMI}.components.template.VisionTemplate",
            [
                ("setDynamicProps", [params]),
                ("setChildrenForSerialization", [hashmap([])]),
            ],
            kind="c",
            comm=[
                leaf("p2df", Floats((60.0, 60.0))),
                leaf("r2dd", Floats((0.0, 0.0, 60.0, 60.0))),
                s("loading"),
                leaf("lc", Raw(b"\x12\x00\x00\x02\x10\x00")),
            ],
        )
    )
    resources = {
        window_path("Main"): window("Main", [holder]),
        template_path("Dev/loading"): template,
    }
    project = load_project(write_project(tmp_path / "T", resources))
    assert list(project.templates) == ["Dev/loading"]
    template_spec = project.templates["Dev/loading"]
    assert template_spec.parameters["stepTime"].value == 50
    assert template_spec.size == (60, 60)
    placed = project.windows["Main"].root.components[0]
    assert placed.type == "Placeholder"
    assert placed.props["templatePath"] == "Dev/loading"
    assert placed.props["parameterValues"] == {"stepTime": 100}


def test_gateway_event_scripts_from_data_bin(tmp_path: Path) -> None:
    doc = gateway_events(
        startup="print('up')",
        timers=[("poll", 250, "print('tick')")],
        handlers={
            "getOrders": ("Dedicated", "def handleMessage(payload):\n\treturn 1\n"),
            "plain": (None, "def handleMessage(payload):\n\tpass"),
        },
        tag_change=[("watch", ["[default]A", "[default]B"], "print(newValue)")],
    )
    events = load_project(
        write_project(tmp_path / "G", {GATEWAY_EVENTS: doc})
    ).gateway_events
    assert events.startup == "print('up')"
    (timer,) = events.timers
    assert (timer.name, timer.delay_ms, timer.shared_thread) == ("poll", 250, False)
    orders = events.message_handlers["getOrders"]
    assert orders.threading == "Dedicated"
    assert orders.script == "\nreturn 1\n"  # the body; line 2 stays line 2
    assert events.message_handlers["plain"].threading == "Shared"
    (tag,) = events.tag_change
    assert (tag.name, tag.paths) == ("watch", ("[default]A", "[default]B"))


def test_client_event_scripts_from_data_bin(tmp_path: Path) -> None:
    base = "com.inductiveautomation.factorypmi.application.script"
    common = "com.inductiveautomation.ignition.common.script"

    def node(name: str, script: str = "", children: list[object] = ()) -> object:  # type: ignore[assignment]
        calls = [("setName", [s(name)]), ("setScript", [s(script)])]
        if children:
            items = [("add", [child]) for child in children]
            calls.append(("setChildren", [obj("java.util.LinkedList", items)]))
        return obj(f"{base}.MenuNode", calls)

    menu = node(
        "", children=[node("File", children=[node("Quit", "system.util.exit()")])]
    )
    timer = obj(
        f"{common}.TimerKey",
        [
            ("setName", [s("Check Inactivity")]),
            ("setDelay", [lng(5000)]),
            ("setFixedDelay", [b(False)]),
        ],
    )
    handler = obj(
        f"{common}.message.MessageHandlerKey",
        [("setName", [s("refresh")]), ("setThreadType", [s("EDT")])],
    )
    config = obj(
        f"{base}.ClientScriptConfig",
        [
            ("setStartupScript", [s("print('client up')")]),
            ("setShutdownScript", [s("print('bye')")]),
            ("setMenuRoot", [menu]),
            ("setTimerScripts", [hashmap([(timer, s("print('idle?')"))])]),
            ("setMessageHandlerScripts", [hashmap([(handler, s("pass"))])]),
        ],
    )
    events = load_project(
        write_project(tmp_path / "C", {CLIENT_EVENTS: document(config)})
    ).client_events
    assert (events.startup, events.shutdown) == ("print('client up')", "print('bye')")
    (file_menu,) = events.menu
    assert file_menu.name == "File"
    assert file_menu.children[0].script == "system.util.exit()"
    (timer_spec,) = events.timers
    assert (timer_spec.delay_ms, timer_spec.fixed_rate) == (5000, True)
    assert events.message_handlers["refresh"].threading == "EDT"


def test_an_unknown_handler_threading_names_the_file(tmp_path: Path) -> None:
    doc = gateway_events(handlers={"h": ("EDT", "pass")})  # EDT: clients only
    with pytest.raises(ProjectError, match="threading 'EDT'") as info:
        load_project(write_project(tmp_path / "G", {GATEWAY_EVENTS: doc}))
    assert info.value.path.name == "data.bin"


def test_yaml_and_binary_window_together_is_an_error_naming_both(
    tmp_path: Path,
) -> None:
    root = write_project(tmp_path / "P", {window_path("Main"): _main_window()})
    yaml_file = root / window_path("Main").replace("window.bin", "window.yaml")
    yaml_file.write_text("title: Main\n")
    with pytest.raises(ProjectError) as info:
        load_project(root)
    assert info.value.path == yaml_file
    assert "window.bin" in info.value.message


def test_missing_global_parent_is_skipped_other_parents_are_not(
    tmp_path: Path,
) -> None:
    project = load_project(write_project(tmp_path / "A", {}, parent="global"))
    assert project.parent == "global"
    with pytest.raises(ProjectError, match="parent project 'shared' not found"):
        load_project(write_project(tmp_path / "B", {}, parent="shared"))


def test_legacy_data_bin_windows_unwrap_their_nested_blob(tmp_path: Path) -> None:
    nested = encode(_main_window())  # type: ignore[arg-type]
    info = obj(
        f"{FPMI}.model.WindowInfo",
        [
            ("setWindowName", [s("Main")]),
            ("setSerializedCode", [leaf("gzbarr", nested)]),
        ],
    )
    root = write_project(tmp_path / "V1", {})
    folder = root / window_path("Legacy").replace("/window.bin", "")
    folder.mkdir(parents=True)
    (folder / "data.bin").write_bytes(encode(document(info)))
    spec = load_project(root).windows["Legacy"]
    assert (spec.title, spec.size) == ("Main Window", (800, 600))
    assert spec.file == folder / "data.bin"


def _shape(name: str, kind: str, geometry: object) -> object:
    setter = {"gp": "setPath", "r2df": "setRect"}[kind]
    delegate = obj(f"{FPMI}.components.shapes.X", [(setter, [leaf(kind, geometry)])])
    return obj(
        "com.inductiveautomation.vision.api.client.components.shapes."
        "PathBasedVisionShape",
        ctor=[delegate, dbl(0.0)],
        kind="s",
        attrs={"name": Attr(8, name)},
    )


def test_shapes_take_their_geometry_and_groups_the_union(tmp_path: Path) -> None:
    path = GeneralPath(1, (PathSegment(0, (30.0, 40.0)), PathSegment(1, (50.0, 100.0))))
    group = obj(
        "com.inductiveautomation.vision.api.client.components.shapes.ShapeGroup",
        [
            (
                "setChildren",
                [
                    array(
                        "javax.swing.JComponent",
                        [
                            _shape("Line", "gp", path),
                            _shape("Box", "r2df", Floats((10.0, 20.0, 5.0, 5.0))),
                        ],
                    )
                ],
            )
        ],
        kind="s",
        attrs={"name": Attr(8, "Group")},
    )
    doc = window("S", [], root_calls=[("privateAdd", [group])])
    root = load_project(write_project(tmp_path / "P", {window_path("S"): doc}))
    (spec,) = root.windows["S"].root.components
    assert (spec.name, spec.bounds) == ("Group", (10, 20, 40, 80))
    line, box = spec.components
    assert line.bounds == (20, 20, 20, 60)  # inside the group
    assert box.bounds == (0, 0, 5, 5)


def test_hostile_coordinates_become_usable_bounds(tmp_path: Path) -> None:
    label = Comp("Label", "L")
    label.bounds = (float("nan"), float("inf"), 1e30, 5.0)
    doc = window("H", [label])
    root = load_project(write_project(tmp_path / "P", {window_path("H"): doc}))
    (spec,) = root.windows["H"].root.components
    assert spec.bounds == (0, 0, MAX_COORDINATE, 5)


def test_yaml_and_binary_event_scripts_together_is_an_error(tmp_path: Path) -> None:
    root = write_project(tmp_path / "P", {GATEWAY_EVENTS: gateway_events()})
    yaml_file = root / "ignition/event-scripts/gateway-events.yaml"
    yaml_file.write_text("startup: print('yaml')\n")
    with pytest.raises(ProjectError) as info:
        load_project(root)
    assert info.value.path == yaml_file
    assert "data.bin" in info.value.message
