"""Named queries read from ignition/named-query/: types, parameters, inheritance."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from tests.runtime.db.conftest import write_named_query
from visionsim.runtime import ProjectError
from visionsim.runtime.db import load_named_queries

if TYPE_CHECKING:
    from pathlib import Path

    from visionsim.runtime import Simulation


def test_parameters_are_coerced_by_sql_type_and_query_strings_inserted(
    tmp_path: Path,
) -> None:
    write_named_query(
        tmp_path,
        "A/Q",
        "SELECT * FROM {table} WHERE n = :n AND f = :f AND b = :b AND s = :s OR n = :n",
        table="QueryString",
        n=2,
        f=5,
        b=6,
        s=7,
    )
    [query] = load_named_queries([tmp_path]).values()
    sql, args = query.bind({"table": "items", "n": "7", "f": 1, "b": "false", "s": 3})
    assert (
        sql == "SELECT * FROM items WHERE n = ? AND f = ? AND b = ? AND s = ? OR n = ?"
    )
    assert args == [7, 1.0, False, "3", 7]
    assert [type(a) for a in args] == [int, float, bool, str, int]


def test_a_missing_parameter_is_null_and_a_bad_one_is_refused(tmp_path: Path) -> None:
    write_named_query(tmp_path, "Q", "SELECT :a, :b", a=2, b=2)
    query = load_named_queries([tmp_path])["Q"]
    assert query.bind({"a": 1}) == ("SELECT ?, ?", [1, None])
    with pytest.raises(ValueError, match="parameter 'a': 'x' is not a valid int"):
        query.bind({"a": "x"})


def test_a_child_project_overrides_its_parents_queries(tmp_path: Path) -> None:
    parent, child = tmp_path / "parent", tmp_path / "child"
    write_named_query(parent, "Shared/Q", "SELECT 'parent'")
    write_named_query(parent, "Only/Parent", "SELECT 1")
    write_named_query(child, "Shared/Q", "SELECT 'child'", kind="ScalarQuery")
    found = load_named_queries([parent, child])
    assert sorted(found) == ["Only/Parent", "Shared/Q"]
    assert found["Shared/Q"].sql == "SELECT 'child'"
    assert found["Shared/Q"].kind == "ScalarQuery"


def test_a_broken_resource_json_names_the_file_and_line(tmp_path: Path) -> None:
    write_named_query(tmp_path, "Q", "SELECT 1")
    resource = tmp_path / "ignition" / "named-query" / "Q" / "resource.json"
    resource.write_text('{\n  "attributes": {"type": "Query",}\n}\n')
    with pytest.raises(ProjectError) as info:
        load_named_queries([tmp_path])
    assert str(info.value).startswith(f"{resource}:2:")


def test_an_unknown_query_type_is_refused(tmp_path: Path) -> None:
    write_named_query(tmp_path, "Q", "SELECT 1")
    resource = tmp_path / "ignition" / "named-query" / "Q" / "resource.json"
    resource.write_text(json.dumps({"attributes": {"type": "Procedure"}}))
    with pytest.raises(ProjectError, match="type must be one of Query"):
        load_named_queries([tmp_path])


def test_a_project_runs_its_parent_projects_named_queries(
    tmp_path: Path, sim: Simulation
) -> None:
    from tests.conftest import run, write_project
    from visionsim.runtime import load_project

    base = write_project(tmp_path, "Base")
    write_named_query(base, "Util/Answer", "SELECT 42", kind="ScalarQuery")
    write_named_query(base, "Util/Off", "SELECT 0", kind="ScalarQuery")
    off = base / "ignition" / "named-query" / "Util" / "Off" / "resource.json"
    data = json.loads(off.read_text())
    data["attributes"]["enabled"] = False
    off.write_text(json.dumps(data))
    child = write_project(tmp_path, "Child")
    (child / "project.json").write_text(json.dumps({"title": "C", "parent": "Base"}))
    (child / "visionsim.yaml").write_text("databases: {DB: {}}\n")
    client = sim.open_project(load_project(child))
    out: dict[str, object] = {}
    run(
        client,
        """
        import java
        out["answer"] = system.db.runNamedQuery("Util/Answer")
        try:
            system.db.runNamedQuery("Util/Off")
        except java.lang.Exception as e:
            out["off"] = e.getCause().getCause().getMessage()
        """,
        extra={"out": out},
    )
    assert out == {"answer": 42, "off": "Named query 'Util/Off' is disabled."}
