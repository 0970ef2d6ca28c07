"""Tag export JSON, UDT instances, live tags (simulator, reference, query)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

from tests.runtime.tags.conftest import write_tag_project
from visionsim.runtime import ProjectError, load_project
from visionsim.runtime.context import current
from visionsim.runtime.tags import (
    QualityCode,
    TagPath,
    load_tag_file,
    parse_path,
)
from visionsim.runtime.tags.simulator import signal_for

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Simulation


def read(client: ClientSession, path: str) -> Any:
    return client.scope.system.tag.readBlocking([path])[0]


def test_paths_parse_provider_elements_and_property() -> None:
    parsed = parse_path("[default]Line1/Speed.Quality")
    assert (parsed.provider, parsed.parts, parsed.prop) == (
        "default",
        ("Line1", "Speed"),
        "Quality",
    )
    assert parse_path("Line1/Speed").provider is None
    assert parse_path(" [p]a/b ").full() == "[p]a/b"
    for bad in ("[default", "[]a", "a//b", "a/b."):
        with pytest.raises(ValueError, match="tag path"):
            parse_path(bad)


def test_tag_path_object_of_tag_change_events() -> None:
    path = TagPath("[default]Line1/Speed")
    assert str(path) == "[default]Line1/Speed"
    assert path.itemName == "Speed"
    assert str(path.parentPath) == "[default]Line1"
    assert path.source == "default"
    assert path == "[DEFAULT]line1/speed"


@pytest.mark.parametrize(
    "body",
    [
        {"name": "", "tagType": "Provider", "tags": [{"name": "A", "value": 1}]},
        [{"name": "A", "value": 1}],
        {"tags": [{"name": "A", "value": 1}]},
    ],
)
def test_the_three_export_shapes_load(tmp_path: Path, body: object) -> None:
    file = tmp_path / "tags.json"
    file.write_text(json.dumps(body))
    root = load_tag_file("default", file)
    tag = root.child("a")
    assert tag is not None
    assert tag.full_path == "[default]A"


def test_a_json_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    file = tmp_path / "tags.json"
    file.write_text('[\n {"name": "A",\n  "value": }\n]')
    with pytest.raises(ProjectError) as info:
        load_tag_file("default", file)
    assert info.value.path == file
    assert info.value.line == 3


def test_a_bad_tag_names_the_file_and_the_tag(tmp_path: Path) -> None:
    file = tmp_path / "tags.json"
    file.write_text(
        json.dumps(
            [
                {
                    "name": "F",
                    "tagType": "Folder",
                    "tags": [{"name": "T", "tagType": "Gadget"}],
                }
            ]
        )
    )
    with pytest.raises(
        ProjectError, match=r"tags.json: \[default\]F/T: unknown tagType"
    ):
        load_tag_file("default", file)


def test_a_bad_tag_file_fails_the_project_with_its_name(
    sim: Simulation, tmp_path: Path
) -> None:
    folder = write_tag_project(
        tmp_path, [{"name": "I", "tagType": "UdtInstance", "typeId": "Nope"}]
    )
    with pytest.raises(ProjectError, match="no UDT definition 'Nope'"):
        sim.open_project(load_project(folder))


def test_udt_instances_expand_with_parameters_and_overrides(
    tclient: ClientSession,
) -> None:
    assert read(tclient, "Line1/P1/PV").value == 3.0  # the instance's override
    assert read(tclient, "Line1/P1/AreaName").value == "Area South"
    assert read(tclient, "Line1/P2/PV").value == 1.5  # the definition's value
    assert read(tclient, "Line1/P2/AreaName").value == "Area North"
    assert read(tclient, "Line1/P2/Extra").value == 9  # from the derived type
    browse = tclient.scope.system.tag.browse("Line1")
    kinds = {r["name"]: r["tagType"] for r in browse.getResults()}
    assert kinds["P1"] == "UdtInstance"


def test_simulator_opc_tags_change_on_their_own(
    qtbot: QtBot, tclient: ClientSession
) -> None:
    first = read(tclient, "Sim/Sine0").value
    qtbot.waitUntil(lambda: read(tclient, "Sim/Sine0").value != first)
    # A UDT member whose item path came from a parameter: Ramp2.
    ramp = read(tclient, "Line1/P2/Sim").value
    qtbot.waitUntil(lambda: read(tclient, "Line1/P2/Sim").value != ramp)
    assert -100 <= read(tclient, "Sim/Sine0").value <= 100


def test_read_only_simulator_tags_are_fixed_and_refuse_writes(
    tclient: ClientSession,
) -> None:
    assert read(tclient, "Sim/RO").value == 3
    [code] = tclient.scope.system.tag.writeBlocking(["Sim/RO"], [4])
    assert code == QualityCode.Bad_ReadOnly


def test_other_opc_tags_behave_as_memory_tags(tclient: ClientSession) -> None:
    assert read(tclient, "Sim/Plain").value == 5
    tclient.scope.system.tag.writeBlocking(["Sim/Plain"], [6])
    assert read(tclient, "Sim/Plain").value == 6


@pytest.mark.parametrize(
    ("item", "family"),
    [
        ("ns=1;s=[Sample_Device]_Meta:Sine/Sine0", "sine"),
        ("[GenSim]Ramp/Ramp3", "ramp"),
        ("Random/RandomInteger1", "random"),
        ("ns=1;s=[Sim]Realistic/Realistic0", "realistic"),
        ("Writeable/WriteableFloat1", "writeable"),
        ("ns=1;s=[PLC]N7:0", None),
    ],
)
def test_simulator_item_paths_are_recognised(item: str, family: str | None) -> None:
    signal = signal_for(item)
    assert (signal.family if signal else None) == family


def test_reference_tags_follow_and_write_through_their_source(
    tclient: ClientSession,
) -> None:
    system_tag = tclient.scope.system.tag
    assert read(tclient, "Line1/SpeedRef").value == 7
    system_tag.writeBlocking(["Line1/Speed"], [70])
    assert read(tclient, "Line1/SpeedRef").value == 70
    system_tag.writeBlocking(["Line1/SpeedRef"], [71])
    assert read(tclient, "Line1/Speed").value == 71


def test_expression_tags_say_they_are_not_simulated(tclient: ClientSession) -> None:
    qv = read(tclient, "Expr")
    assert qv.quality == QualityCode.Bad_Unsupported
    assert "not simulated" in str(qv.quality)


class FakeDatabase:
    """A test double for the database layer's QueryRunner: canned rows."""

    def __init__(self, rows: Sequence[Sequence[Any]]) -> None:
        self.rows = rows
        self.calls: list[tuple[str, str, str]] = []
        self.error: Exception | None = None

    def run_query(self, datasource: str, sql: str) -> Sequence[Sequence[Any]]:
        self.calls.append((datasource, sql, current().thread_name))
        if self.error is not None:
            raise self.error
        return self.rows


QUERY_TAGS = [
    {
        "name": "Count",
        "valueSource": "db",
        "dataType": "Int4",
        "datasource": "DB",
        "query": "SELECT COUNT(*) FROM t",
        "executionRate": 20,
    },
]


def test_query_tags_poll_their_sql_off_the_gui_and_timer_threads(
    qtbot: QtBot, sim: Simulation, tmp_path: Path
) -> None:
    db = FakeDatabase([[4]])
    sim.gateway.tags.engine.query_runner = db
    client = sim.open_project(load_project(write_tag_project(tmp_path, QUERY_TAGS)))
    qtbot.waitUntil(lambda: read(client, "Count").value == 4)
    datasource, sql, thread = db.calls[0]
    assert (datasource, sql) == ("DB", "SELECT COUNT(*) FROM t")
    assert thread.startswith("gateway-local-tag-queries")
    db.rows = [[5]]
    qtbot.waitUntil(lambda: read(client, "Count").value == 5)  # it polls
    db.error = RuntimeError("no such table: t")
    qtbot.waitUntil(lambda: read(client, "Count").quality.isBadOrError())
    qv = read(client, "Count")
    assert qv.quality.getName() == "Error_DatabaseQuery"
    assert "no such table" in str(qv.quality)


def test_query_tags_without_a_database_are_not_connected(
    qtbot: QtBot, sim: Simulation, tmp_path: Path
) -> None:
    client = sim.open_project(load_project(write_tag_project(tmp_path, QUERY_TAGS)))
    qtbot.waitUntil(
        lambda: read(client, "Count").quality == QualityCode.Bad_DatabaseNotConnected
    )


def test_quality_codes_have_levels_names_and_equality() -> None:
    assert QualityCode.Good.isGood()
    assert QualityCode.Uncertain_InitialValue.isUncertain()
    assert QualityCode.Error_TimeoutExpired.isError()
    assert QualityCode.Bad_NotFound.isBadOrError()
    assert QualityCode.Bad_NotFound.getLevel() == "Bad"
    derived = QualityCode.Bad_NotFound.derive("why")
    assert derived == QualityCode.Bad_NotFound
    assert derived.getDiagnosticMessage() == "why"
    assert QualityCode.getCodeName(QualityCode.Bad_ReadOnly.getCode()) == "Bad_ReadOnly"
    assert str(QualityCode.Good) == "Good"


def test_a_reference_cycle_is_refused(sim: Simulation, tmp_path: Path) -> None:
    tags = [
        {"name": "A", "valueSource": "reference", "sourceTagPath": "[.]B"},
        {"name": "B", "valueSource": "reference", "sourceTagPath": "[.]A"},
    ]
    client = sim.open_project(load_project(write_tag_project(tmp_path, tags)))
    qualities = {read(client, name).quality.getName() for name in ("A", "B")}
    assert "Error_CycleDetected" in qualities
    client.scope.system.tag.writeBlocking(["A"], [1])  # terminates


def test_simulated_tags_change_at_their_tag_groups_rate(
    qtbot: QtBot, sim: Simulation, tmp_path: Path
) -> None:
    tags = [
        {
            "name": "Fast",
            "valueSource": "opc",
            "dataType": "Float8",
            "tagGroup": "Fast",
            "opcItemPath": "Ramp/Ramp0",
        },
        {
            "name": "Slow",
            "valueSource": "opc",
            "dataType": "Float8",
            "opcItemPath": "Ramp/Ramp1",
        },
    ]
    engine = sim.gateway.tags.engine
    engine.sim_period_s = 30.0  # the Default group: not within this test
    engine.group_rates["fast"] = 0.01
    client = sim.open_project(load_project(write_tag_project(tmp_path, tags)))
    changes = {"Fast": 0, "Slow": 0}
    for name in changes:
        client.tags.subscribe(
            name,
            lambda _t, _o, _n, name=name: changes.__setitem__(name, changes[name] + 1),
        )
    qtbot.waitUntil(lambda: changes["Fast"] >= 5)
    assert changes["Slow"] <= 1  # its first scan only
