"""readBlocking/writeBlocking's cached fast path agrees with the full path."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.runtime.tags.conftest import write_tag_project
from visionsim.runtime import load_project

if TYPE_CHECKING:
    from pathlib import Path

    from visionsim.runtime import Simulation

TAGS = [
    {"name": "I", "valueSource": "memory", "dataType": "Int2", "value": 1},
    {"name": "F", "valueSource": "memory", "dataType": "Float8", "value": 0.5},
    {"name": "S", "valueSource": "memory", "dataType": "String", "value": "a"},
]


def test_cached_writes_convert_check_and_follow_reconfiguration(
    sim: Simulation, tmp_path: Path
) -> None:
    client = sim.open_project(load_project(write_tag_project(tmp_path, TAGS)))
    tag = client.scope.system.tag
    paths = ["[default]I", "[default]F", "[default]S"]
    for _ in range(2):  # the second round takes the cached path
        codes = tag.writeBlocking(paths, [7, 2, 5])
        assert [c.getName() for c in codes] == ["Good"] * 3
        values = [qv.value for qv in tag.readBlocking(paths)]
        assert values == [7, 2.0, "5"]
        assert [type(v) for v in values] == [int, float, str]
    [code] = tag.writeBlocking(["[default]I"], [40_000])  # does not fit Int2
    assert code.getName() == "Error_TypeConversion"
    assert tag.readBlocking(["[default]I"])[0].value == 7
    tag.configure("[default]", [{"name": "I", "readOnly": True}], "m")
    [code] = tag.writeBlocking(["[default]I"], [8])
    assert code.getName() == "Bad_ReadOnly"
    tag.deleteTags(["[default]S"])
    [qv] = tag.readBlocking(["[default]S"])
    assert qv.quality.getName() == "Bad_NotFound"


def test_a_cached_list_of_paths_follows_the_tree_and_odd_paths(
    sim: Simulation, tmp_path: Path
) -> None:
    from visionsim.runtime.tags import TagPath

    client = sim.open_project(load_project(write_tag_project(tmp_path, TAGS)))
    tag = client.scope.system.tag
    paths = ["[default]I", "[default]F"]
    for _ in range(2):  # the second read is the cached list
        assert [qv.value for qv in tag.readBlocking(paths)] == [1, 0.5]
    tag.writeBlocking(paths, [3, 4.5])
    assert [qv.value for qv in tag.readBlocking(paths)] == [3, 4.5]
    tag.deleteTags(["[default]F"])  # the cached list goes stale
    assert [qv.quality.getName() for qv in tag.readBlocking(paths)] == [
        "Good",
        "Bad_NotFound",
    ]
    tag.configure("[default]", [{"name": "F", "valueSource": "memory", "value": 9}])
    assert [qv.value for qv in tag.readBlocking(paths)] == [3, 9]
    odd = [TagPath("[default]I"), ["not", "a", "path"], "[default]I.Quality"]
    first, bad, quality = tag.readBlocking(odd)
    assert first.value == 3
    assert bad.quality.isBad() or bad.quality.isError()
    assert str(quality.value) == "Good"
