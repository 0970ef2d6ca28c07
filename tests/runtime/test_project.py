"""Project loading: the sample project, and errors that name file and line."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from runtime import ProjectError, load_project
from runtime.project import CLIENT_EVENTS, GATEWAY_EVENTS

if TYPE_CHECKING:
    from pathlib import Path

    from runtime import Project


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
    with pytest.raises(ProjectError, match="binary Ignition resource, not readable"):
        load_project(root)
