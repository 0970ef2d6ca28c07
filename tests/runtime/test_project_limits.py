"""Hostile project input: only a loaded project or a ProjectError naming file and line.

Each case here once crashed, hung or took minutes (issue: nothing a project
does takes the simulator down).
"""

from __future__ import annotations

import json
import os
import time
from typing import TYPE_CHECKING

import pytest

from tests.conftest import write_project
from visionsim.runtime import ProjectError, load_project
from visionsim.runtime.windows import WINDOWS

if TYPE_CHECKING:
    from pathlib import Path


def _window(tmp_path: Path, text: str) -> Path:
    root = write_project(tmp_path, "P")
    folder = root / WINDOWS / "Main"
    folder.mkdir(parents=True)
    (folder / "window.yaml").write_text(text)
    return root


def _error(root: Path) -> ProjectError:
    started = time.monotonic()
    with pytest.raises(ProjectError) as info:
        load_project(root)
    assert time.monotonic() - started < 5  # no runaway work before the error
    return info.value


BUTTON = "rootContainer:\n  components:\n    - {type: %s, name: X, bounds: %s%s}\n"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("size: [99999999999999999999, 10]\n", "size must be"),
        (BUTTON % ("Button", "[0, 0, 2147483648, 10]", ""), "bounds out of range"),
        (BUTTON % ("Button", "[2147483648, 0, 1, 1]", ""), "bounds out of range"),
        (
            BUTTON % ("ProgressBar", "[0, 0, 9, 9]", ", props: {value: 2147483648}"),
            "32-bit int",
        ),
        (
            BUTTON % ("Table", "[0, 0, 9, 9]", ", props: {selectedRow: -2147483649}"),
            "32-bit int",
        ),
    ],
    ids=["size", "width", "x", "progress-value", "selected-row"],
)
def test_numbers_qt_cannot_take_are_errors_with_a_line(
    tmp_path: Path, text: str, words: str
) -> None:
    error = _error(_window(tmp_path, text))
    assert words in error.message
    assert error.line is not None


def test_a_yaml_alias_bomb_in_an_error_message_is_quoted_short(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    text = "\n".join(lines) + "\ntitle: *a8\n"
    error = _error(_window(tmp_path, text))
    assert error.line is not None
    assert len(str(error)) < 400


def test_a_recursive_alias_is_an_error_not_a_recursion(tmp_path: Path) -> None:
    text = (
        "rootContainer:\n"
        "  components: &c\n"
        "    - {type: Container, name: G, bounds: [0, 0, 9, 9], components: *c}\n"
    )
    error = _error(_window(tmp_path, text))
    assert "recursive" in error.message
    assert error.line == 2  # where the anchored value starts


def test_containers_nested_thousands_deep_are_an_error(tmp_path: Path) -> None:
    depth = 400  # LibYAML itself stops flow nesting at 1000
    group = "{type: Container, name: G, bounds: [0, 0, 9, 9], components: ["
    text = "rootContainer: {components: [" + group * depth + "]}" * depth + "]}\n"
    error = _error(_window(tmp_path, text))
    assert "nested more than" in error.message


@pytest.mark.parametrize("char", ["\x00", "\x07"])
def test_control_characters_are_reported_with_a_line(tmp_path: Path, char: str) -> None:
    error = _error(_window(tmp_path, f"title: Main\n\ntitle2{char}: x\n"))
    assert error.line == 3
    assert "not allowed" in error.message


def test_window_yaml_pointing_at_dev_zero_is_not_read(tmp_path: Path) -> None:
    root = _window(tmp_path, "")
    target = root / WINDOWS / "Main" / "window.yaml"
    target.unlink()
    target.symlink_to("/dev/zero")
    assert "not a regular file" in _error(root).message


def test_window_yaml_as_a_fifo_does_not_hang(tmp_path: Path) -> None:
    root = _window(tmp_path, "")
    target = root / WINDOWS / "Main" / "window.yaml"
    target.unlink()
    os.mkfifo(target)
    assert "not a regular file" in _error(root).message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"title": ' + "9" * 100_000 + "}", "out of range"),
    ],
    ids=["deep", "huge-int"],
)
def test_hostile_project_json_is_an_error(
    tmp_path: Path, text: str, words: str
) -> None:
    root = write_project(tmp_path, "P")
    (root / "project.json").write_text(text)
    assert words in _error(root).message


def test_an_unreadable_project_folder_is_a_project_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_project(tmp_path, "P")
    real = os.listdir

    def denied(path: object = ".") -> list[str]:
        if str(path) == str(root):
            raise PermissionError(13, "Permission denied", str(root))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "listdir", denied)
    error = _error(root)
    assert "Permission denied" in error.message
    assert error.path == root


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    root = _window(tmp_path, "")
    target = root / WINDOWS / "Main" / "window.yaml"
    with open(target, "wb") as fh:
        fh.truncate(17 * 1024 * 1024)
    assert "larger than" in _error(root).message


def test_project_json_text_stays_valid_json(tmp_path: Path) -> None:
    root = write_project(tmp_path, "P")
    assert json.loads((root / "project.json").read_text())["title"] == "P"


@pytest.mark.parametrize(
    "value", ["notacolor", "#12345", "#11223344", "red; } QWidget {"]
)
def test_a_colour_that_is_not_one_is_an_error_with_a_line(
    tmp_path: Path, value: str
) -> None:
    text = BUTTON % ("Label", "[0, 0, 9, 9]", f", props: {{foreground: '{value}'}}")
    error = _error(_window(tmp_path, text))
    assert "must be a colour" in error.message
    assert error.line == 3


@pytest.mark.parametrize("value", ["", "#0b5394", "#abc", "SteelBlue"])
def test_colours_in_every_accepted_form_load(tmp_path: Path, value: str) -> None:
    text = BUTTON % ("Label", "[0, 0, 9, 9]", f", props: {{foreground: '{value}'}}")
    load_project(_window(tmp_path, text))


def test_a_parent_chain_thousands_long_is_an_error_not_a_recursion(
    tmp_path: Path,
) -> None:
    for index in range(2000):
        folder = tmp_path / f"P{index}"
        folder.mkdir()
        parent = f"P{index + 1}" if index < 1999 else None
        (folder / "project.json").write_text(json.dumps({"parent": parent}))
    error = _error(tmp_path / "P0")
    assert "generations of parent projects" in error.message
    assert error.line == 1


def test_a_gateway_timer_delay_of_centuries_leaves_timeouts_working(
    tmp_path: Path, make_sim: object
) -> None:
    """delayMs 10,000,000,000,000 once killed the shared timer thread."""
    from tests.conftest import write_project as write

    events = (
        "timers:\n  - {name: far, delayMs: 10000000000000, script: 'pass'}\n"
        "messageHandlers:\n  slow: {script: '__import__(\"time\").sleep(2)'}\n"
    )
    project = load_project(write(tmp_path / "t", "T", gateway_events=events))
    sim = make_sim()  # type: ignore[operator]
    client = sim.open_project(project)
    request = client.scope.system.util.sendRequestAsync("T", "slow", timeoutSec=0.2)
    started = time.monotonic()
    assert request.getError() is not None
    assert time.monotonic() - started < 1.5
