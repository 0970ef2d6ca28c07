"""``--tags [PROVIDER=]FILE.json`` on the command line (over visionsim.yaml)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, run_main
from visionsim.app.cli import AppOptions, RunOptions, apply_overrides, parse
from visionsim.runtime import load_project


def test_tags_option_names_providers_default_first() -> None:
    options = parse(["run", "x.py", "--tags", "a.json", "--tags", "plant=b.json"])
    assert isinstance(options, RunOptions)
    assert options.tags == {"default": Path("a.json"), "plant": Path("b.json")}
    app = parse(["--tags", "c.json"])
    assert isinstance(app, AppOptions)
    assert app.tags == {"default": Path("c.json")}


def test_tags_option_overrides_the_project_file(tmp_path: Path) -> None:
    project = load_project(SAMPLES / "ThreadingBasics")
    options = AppOptions(tags={"default": tmp_path / "t.json"})
    assert apply_overrides(project, options).config.tags == {
        "default": tmp_path / "t.json"
    }
    assert apply_overrides(project, AppOptions()) is project


def test_bad_tags_option_is_usage_error() -> None:
    code, _, err = run_main("run", "x.py", "--tags", "=x.json")
    assert code == 4
    assert "[PROVIDER=]FILE.json" in err


def test_run_reads_tags_given_on_the_command_line(tmp_path: Path) -> None:
    tags = tmp_path / "plant.json"
    tags.write_text(json.dumps([{"name": "Speed", "value": 41, "dataType": "Int4"}]))
    script = tmp_path / "s.py"
    script.write_text(
        "print(system.tag.readBlocking(['[plant]Speed'])[0].value)\n"
        "print(system.tag.readBlocking(['Speed'])[0].quality)\n"
    )
    code, out, err = run_main("run", str(script), "--tags", f"plant={tags}")
    assert (code, err) == (0, "")
    assert out.splitlines()[-2:] == ["41", "Bad_NotFound"]


@pytest.mark.parametrize("body", ["[{", '[{"name": "A", "tagType": "Gizmo"}]'])
def test_a_broken_tag_file_exits_4_naming_it(tmp_path: Path, body: str) -> None:
    tags = tmp_path / "broken.json"
    tags.write_text(body)
    script = tmp_path / "s.py"
    script.write_text("pass\n")
    code, _, err = run_main("run", str(script), "--tags", str(tags))
    assert code == 4
    assert str(tags) in err
