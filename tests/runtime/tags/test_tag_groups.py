"""Tag group rates from the tag export's ``tagGroups``: simulated tags follow them."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from tests.runtime.tags.conftest import write_tag_project
from visionsim.runtime import ProjectError, load_project
from visionsim.runtime.tags import load_tag_file

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import Simulation

SINE = {
    "name": "Fast",
    "valueSource": "opc",
    "dataType": "Float8",
    "tagGroup": "fast",  # group names are case-insensitive
    "opcItemPath": "ns=1;s=[Sample_Device]Sine/Sine0",
}


def _provider(groups: object) -> dict[str, object]:
    return {"name": "", "tagType": "Provider", "tagGroups": groups, "tags": [SINE]}


def test_a_tag_group_rate_in_the_export_sets_how_often_a_sine_moves(
    qtbot: QtBot, sim: Simulation, tmp_path: Path
) -> None:
    engine = sim.gateway.tags.engine
    engine.sim_period_s = 30.0  # the Default group: not within this test
    folder = write_tag_project(tmp_path, _provider([{"name": "Fast", "rate": 20}]))
    client = sim.open_project(load_project(folder))
    assert engine.group_rates["fast"] == pytest.approx(0.02)
    changes: list[object] = []
    client.tags.subscribe("Fast", lambda _t, _old, new: changes.append(new.value))
    qtbot.waitUntil(lambda: len(changes) >= 5, timeout=3000)
    assert len(set(changes)) >= 4  # the sine moved each time


@pytest.mark.parametrize(
    ("groups", "message"),
    [
        ({"Fast": 20}, '"tagGroups" must be a list'),
        ([{"rate": 20}], "a tag group needs a name"),
        ([{"name": "Fast", "rate": 5}], "Fast: rate must be milliseconds"),
        ([{"name": "Fast", "rate": "20"}], "Fast: rate must be milliseconds"),
    ],
)
def test_a_bad_tag_group_names_the_file(
    tmp_path: Path, groups: object, message: str
) -> None:
    path = tmp_path / "default.json"
    path.write_text(json.dumps(_provider(groups)))
    with pytest.raises(ProjectError, match=message) as error:
        load_tag_file("default", path)
    assert "default.json" in str(error.value)
