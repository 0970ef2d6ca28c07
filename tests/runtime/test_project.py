"""Project loading: the sample project, and errors that name file and line."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from visionsim.runtime import ProjectError, load_project
from visionsim.runtime.project import CLIENT_EVENTS, GATEWAY_EVENTS

if TYPE_CHECKING:
    from pathlib import Path

    from visionsim.runtime import Project


def _project(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    root = tmp_path / "Proj"
    root.mkdir()
    files = {"project.json": '{"title": "T"}', **files}
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)
    return root


def test_sample_project_loads(sample_project: Project) -> None:
    assert sample_project.name == "ThreadingBasics"
    assert sample_project.title == "Threading Basics"
    assert "print(" in sample_project.client_events.startup
    assert "print(" in sample_project.gateway_events.startup


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="project folder not found"):
        load_project(tmp_path / "nope")


def test_missing_project_json(tmp_path: Path) -> None:
    (tmp_path / "P").mkdir()
    with pytest.raises(ProjectError, match=r"project\.json: missing project\.json"):
        load_project(tmp_path / "P")


def test_bad_json_names_line_and_column(tmp_path: Path) -> None:
    root = _project(tmp_path, {"project.json": '{\n  "title": "x",\n  oops\n}'})
    with pytest.raises(ProjectError) as info:
        load_project(root)
    assert (info.value.line, info.value.column) == (3, 3)
    assert str(info.value).startswith(str(root / "project.json") + ":3:3: ")


def test_bad_yaml_names_file_line_and_column(tmp_path: Path) -> None:
    root = _project(tmp_path, {str(CLIENT_EVENTS): "startup: |\n  print(1)\n bad: [\n"})
    with pytest.raises(ProjectError) as info:
        load_project(root)
    assert info.value.path.name == "client-events.yaml"
    assert info.value.line == 3
    assert "YAML error" in str(info.value)


def test_unknown_key_names_its_line(tmp_path: Path) -> None:
    root = _project(tmp_path, {str(GATEWAY_EVENTS): "startup: ''\nstartpu: x\n"})
    with pytest.raises(
        ProjectError, match=r"gateway-events\.yaml:2: unknown key 'startpu'"
    ):
        load_project(root)


def test_script_that_is_not_text_names_its_line(tmp_path: Path) -> None:
    root = _project(tmp_path, {str(GATEWAY_EVENTS): "shutdown: ''\nstartup: [1, 2]\n"})
    with pytest.raises(ProjectError, match=r":2: startup must be a script"):
        load_project(root)


def test_binary_ignition_resource_is_reported_not_crashed(tmp_path: Path) -> None:
    data_bin = CLIENT_EVENTS.parent / "data.bin"
    root = _project(tmp_path, {str(data_bin): b"\x00\x01binary"})
    with pytest.raises(ProjectError, match="not an Ignition binary resource"):
        load_project(root)


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)
    return root


WINDOW = "com.inductiveautomation.vision/windows/{}/window.yaml"
CODE = "ignition/script-python/{}/code.py"


def test_child_overrides_parent_windows_library_and_event_files(
    tmp_path: Path,
) -> None:
    base = _write(
        tmp_path / "Base",
        {
            "project.json": '{"title": "Base"}',
            WINDOW.format("Main"): "title: Base main\n",
            WINDOW.format("Popups/Help"): "title: Help\n",
            CODE.format("shared/util"): "source = 'base'\n",
            CODE.format("shared/base"): "",
            str(CLIENT_EVENTS): "startup: print('base client')\n",
            str(GATEWAY_EVENTS): "startup: print('base gateway')\n",
        },
    )
    _write(
        tmp_path / "Mid",
        {
            "project.json": '{"title": "Mid", "parent": "Base"}',
            CODE.format("shared/mid"): "",
        },
    )
    child = _write(
        tmp_path / "Child",
        {
            "project.json": '{\n  "title": "Child",\n  "parent": "Mid"\n}',
            WINDOW.format("Main"): "title: Child main\n",
            CODE.format("shared/util"): "source = 'child'\n",
            str(CLIENT_EVENTS): "",  # present, though empty: replaces the parent's
        },
    )
    project = load_project(child)
    assert (project.name, project.title, project.parent) == ("Child", "Child", "Mid")
    assert {p: w.title for p, w in project.windows.items()} == {
        "Main": "Child main",
        "Popups/Help": "Help",
    }
    assert project.windows["Popups/Help"].file.is_relative_to(base)
    assert sorted(project.library) == ["shared.base", "shared.mid", "shared.util"]
    assert project.library["shared.util"].is_relative_to(child)
    assert project.library["shared.base"].is_relative_to(base)
    assert project.client_events.startup == ""
    assert project.client_events.path == child / CLIENT_EVENTS
    assert project.gateway_events.startup == "print('base gateway')"


def test_missing_parent_names_the_childs_parent_line(tmp_path: Path) -> None:
    child = _write(
        tmp_path / "Child", {"project.json": '{"title": "C",\n "parent": "Gone"}'}
    )
    with pytest.raises(ProjectError) as info:
        load_project(child)
    assert info.value.path == child / "project.json"
    assert (info.value.line, info.value.column) == (2, 2)
    assert info.value.message.startswith("parent project 'Gone' not found")


@pytest.mark.parametrize(
    ("parents", "at", "cycle"),
    [
        ({"A": "B", "B": "A"}, "B", "A -> B -> A"),
        ({"A": "A"}, "A", "A -> A"),
        ({"A": "B", "B": "C", "C": "B"}, "C", "A -> B -> C -> B"),
    ],
    ids=["two", "self", "behind-a-chain"],
)
def test_inheritance_cycle_is_an_error_at_the_closing_parent(
    tmp_path: Path, parents: dict[str, str], at: str, cycle: str
) -> None:
    for name, parent in parents.items():
        _write(tmp_path / name, {"project.json": f'{{"parent": "{parent}"}}'})
    with pytest.raises(ProjectError) as info:
        load_project(tmp_path / "A")
    assert info.value.path == tmp_path / at / "project.json"
    assert (info.value.line, info.value.column) == (1, 2)
    assert info.value.message == f"inheritance cycle: {cycle}"


def test_parent_that_is_not_a_name_is_an_error(tmp_path: Path) -> None:
    root = _project(tmp_path, {"project.json": '{"parent": "../Elsewhere"}'})
    with pytest.raises(
        ProjectError, match=r"project\.json:1:2: parent must be the name of a sibling"
    ):
        load_project(root)


def test_project_without_windows_or_library_has_empty_ones(tmp_path: Path) -> None:
    project = load_project(_project(tmp_path, {}))
    assert (project.windows, project.library) == ({}, {})
    assert project.client_events.path is None


def test_sample_project_windows_load(sample_project: Project) -> None:
    assert all(w.root.type == "RootContainer" for w in sample_project.windows.values())
