"""visionsim.yaml: the simulated gateway's configuration (docs/DESIGN.md section 10)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.conftest import write_project
from visionsim.runtime import ProjectError, load_project
from visionsim.runtime.gateway_config import load_gateway_config

if TYPE_CHECKING:
    from pathlib import Path


def test_a_project_without_visionsim_yaml_gets_jython_and_no_databases(
    tmp_path: Path,
) -> None:
    config = load_project(write_project(tmp_path, "P")).config
    assert config.script_dialect == "jython2.7"
    assert config.databases == {}
    assert config.tags == {}
    assert config.path is None


def test_settings_are_read_with_paths_relative_to_the_project(tmp_path: Path) -> None:
    root = write_project(tmp_path, "P")
    (root / "visionsim.yaml").write_text(
        "scriptDialect: python3\n"
        "tags: {default: tags/default.json}\n"
        "databases:\n"
        "  DB: {url: 'sqlite:///:memory:', seed: db/seed.sql, latencyMs: 250}\n"
    )
    config = load_project(root).config
    assert config.script_dialect == "python3"
    assert config.tags == {"default": root / "tags/default.json"}
    db = config.databases["DB"]
    assert (db.url, db.seed, db.latency_ms) == (
        "sqlite:///:memory:",
        root / "db/seed.sql",
        250,
    )
    assert config.default_database == "DB"  # the only one


def test_command_line_overrides_keep_seed_and_latency(tmp_path: Path) -> None:
    root = write_project(tmp_path, "P")
    (root / "visionsim.yaml").write_text("databases: {DB: {latencyMs: 5}}\n")
    config = load_gateway_config(root).override(
        tags={"edge": tmp_path / "e.json"}, databases={"DB": "postgresql://x/y"}
    )
    assert config.databases["DB"].url == "postgresql://x/y"
    assert config.databases["DB"].latency_ms == 5
    assert config.tags == {"edge": tmp_path / "e.json"}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("scriptDialect: jython3\n", 1, "scriptDialect must be one of"),
        ("tags: {}\ndatabase: {}\n", 2, "unknown key 'database'"),
        ("databases:\n  DB: {latencyMs: -1}\n", 2, "latencyMs must be an integer"),
        ("databases:\n  DB: {urll: x}\n", 2, "unknown key 'urll'"),
        ("databases: {A: {}, B: {}}\ndefaultDatabase: C\n", 2, "not one of"),
    ],
)
def test_bad_settings_name_the_file_and_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    root = write_project(tmp_path, "P")
    (root / "visionsim.yaml").write_text(text)
    with pytest.raises(ProjectError) as info:
        load_project(root)
    assert info.value.line == line
    assert words in str(info.value)
    assert "visionsim.yaml" in str(info.value)
