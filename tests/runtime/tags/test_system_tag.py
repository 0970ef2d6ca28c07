"""system.tag read/write: values, qualities, threads and the legacy functions."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import pytest

from tests.conftest import run
from visionsim.runtime import StallThresholds
from visionsim.runtime.context import GUI_THREAD_NAME, current
from visionsim.runtime.jython.java.errors import IllegalStateException
from visionsim.runtime.tags import QualityCode

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Simulation


def tag(client: ClientSession) -> Any:
    return client.scope.system.tag


def test_read_blocking_gives_value_quality_and_timestamp(
    tclient: ClientSession,
) -> None:
    [qv] = tag(tclient).readBlocking(["[default]Line1/Speed"])
    assert qv.value == 7
    assert qv.quality.isGood()
    assert str(qv.quality) == "Good"
    assert qv.getValue() == 7
    assert qv.getQuality() == QualityCode.Good
    assert qv.timestamp.getTime() > 0


def test_read_blocking_accepts_a_lone_string_and_the_default_provider(
    tclient: ClientSession,
) -> None:
    assert tag(tclient).readBlocking("Line1/Speed")[0].value == 7
    assert (
        tag(tclient).readBlocking(tagPaths=["line1/SPEED"], timeout=100)[0].value == 7
    )


def test_a_missing_path_reads_none_with_bad_not_found(tclient: ClientSession) -> None:
    good, missing, bad = tag(tclient).readBlocking(
        ["[default]Line1/Speed", "[default]Nope/Nothing", "[default"]
    )
    assert good.value == 7
    assert missing.value is None
    assert missing.quality == QualityCode.Bad_NotFound
    assert not missing.quality.isGood()
    assert missing.quality.isBad()
    assert bad.quality.getName() == "Error_InvalidPathSyntax"


def test_a_property_in_the_path_reads_that_property(tclient: ClientSession) -> None:
    quality, unit, name = tag(tclient).readBlocking(
        ["[default]Line1/Speed.Quality", "Line1/Speed.engUnit", "Line1/Speed.Name"]
    )
    assert quality.value == QualityCode.Good
    assert unit.value == "rpm"
    assert name.value == "Speed"


def test_write_blocking_returns_a_quality_per_path(tclient: ClientSession) -> None:
    codes = tag(tclient).writeBlocking(
        ["[default]Line1/Speed", "[default]Missing", "[default]Line1/Speed"],
        [8, 1, "9"],
    )
    assert [str(c) for c in codes] == ["Good", "Bad_NotFound", "Good"]
    assert tag(tclient).readBlocking(["Line1/Speed"])[0].value == 9


def test_a_value_that_does_not_convert_is_refused(tclient: ClientSession) -> None:
    [code] = tag(tclient).writeBlocking(["Line1/Speed"], ["fast"])
    assert code.getName() == "Error_TypeConversion"
    assert tag(tclient).readBlocking(["Line1/Speed"])[0].value == 7


def test_values_and_paths_must_pair_up(tclient: ClientSession) -> None:
    with pytest.raises(ValueError, match="2 tag paths but 1 values"):
        tag(tclient).writeBlocking(["Line1/Speed", "Line2/Speed"], [1])


def test_blocking_read_on_the_gui_thread_is_a_labelled_blocking_wait(
    sim: Simulation, open_tags: Callable[..., ClientSession]
) -> None:
    client = open_tags(round_trip_s=0.08)
    run(client, "system.tag.readBlocking(['[default]Line1/Speed'])\n")
    [report] = sim.stall.reports()
    assert report.kind == "blocking wait (system.tag.readBlocking)"
    assert report.duration_ms >= 80


def test_blocking_write_waits_the_round_trip_too(
    sim: Simulation, open_tags: Callable[..., ClientSession]
) -> None:
    sim.stall.set_thresholds(StallThresholds(long_ms=30))
    client = open_tags(round_trip_s=0.04)
    run(client, "system.tag.writeBlocking(['Line1/Speed'], [3])\n")
    [report] = sim.stall.reports()
    assert report.kind == "blocking wait (system.tag.writeBlocking)"


def test_read_async_returns_at_once_and_calls_back_on_a_background_thread(
    qtbot: QtBot, tclient: ClientSession
) -> None:
    seen: list[tuple[str, int, list[Any]]] = []

    def callback(values: list[Any]) -> None:
        seen.append((current().thread_name, threading.get_ident(), values))

    assert tag(tclient).readAsync(["Line1/Speed", "Nope"], callback) is None
    assert seen == []  # not before the call returns
    qtbot.waitUntil(lambda: len(seen) == 1)
    thread, ident, values = seen[0]
    assert ident != threading.get_ident()
    assert thread != GUI_THREAD_NAME
    assert thread.startswith(f"client-{tclient.client_id}-tag-callbacks")
    assert [v.value for v in values] == [7, None]
    assert values[1].quality == QualityCode.Bad_NotFound


def test_write_async_writes_then_calls_back_with_quality_codes(
    qtbot: QtBot, tclient: ClientSession
) -> None:
    seen: list[tuple[str, list[Any]]] = []
    tag(tclient).writeAsync(
        ["Line1/Speed", "[System]Client/User/Username"],
        [42, "x"],
        lambda codes: seen.append((current().thread_name, codes)),
    )
    qtbot.waitUntil(lambda: len(seen) == 1)
    thread, codes = seen[0]
    assert thread != GUI_THREAD_NAME
    assert [c.getName() for c in codes] == ["Good", "Bad_ReadOnly"]
    assert tag(tclient).readBlocking(["Line1/Speed"])[0].value == 42


def test_write_async_without_callback(sim: Simulation, tclient: ClientSession) -> None:
    tag(tclient).writeAsync("Line2/Speed", 5)
    assert sim.wait_idle(2)
    assert tag(tclient).readBlocking("Line2/Speed")[0].value == 5


def test_an_error_in_an_async_callback_is_reported(
    sim: Simulation, tclient: ClientSession
) -> None:
    def callback(values: list[Any]) -> None:
        raise RuntimeError("boom in callback")

    tag(tclient).readAsync(["Line1/Speed"], callback)
    assert sim.wait_idle(2)
    assert any("boom in callback" in r.format() for r in sim.errors.reports())


def test_system_client_tags_are_per_client_and_read_only(
    sim: Simulation, tclient: ClientSession, tag_project: Callable[..., Any]
) -> None:
    other = sim.add_client(tclient.project, user_name="bob", host_name="panel-2")
    user, host, gw, project = tag(other).readBlocking(
        [
            "[System]Client/User/Username",
            "[System]Client/Network/Hostname",
            "[System]Gateway/SystemName",
            "[system]Client/System/ProjectName",
        ]
    )
    assert (user.value, host.value, gw.value) == ("bob", "panel-2", "local")
    assert project.value == "Proj"
    assert tag(tclient).readBlocking("[System]Client/User/Username")[0].value == "admin"
    [code] = tag(tclient).writeBlocking(["[System]Client/User/Username"], ["eve"])
    assert code == QualityCode.Bad_ReadOnly


def test_client_tags_have_a_value_per_client(
    sim: Simulation, tclient: ClientSession
) -> None:
    other = sim.add_client(tclient.project)
    tag(tclient).writeBlocking(["[client]Selected"], [5])
    assert tag(tclient).readBlocking(["[Client]Selected"])[0].value == 5
    assert tag(other).readBlocking(["[client]Selected"])[0].value == 1
    # Gateway tags are shared.
    tag(tclient).writeBlocking(["Line1/Speed"], [77])
    assert tag(other).readBlocking(["Line1/Speed"])[0].value == 77


def test_gateway_scope_has_system_tag_without_client_tags(
    sim: Simulation, tclient: ClientSession
) -> None:
    gateway_tag = sim.gateway.scopes["Proj"].system.tag
    speed, client_tag, system = gateway_tag.readBlocking(
        ["Line1/Speed", "[client]Selected", "[System]Client/User/Username"]
    )
    assert speed.value == 7
    assert client_tag.quality == QualityCode.Bad_NotFound
    assert system.quality == QualityCode.Bad_NotFound


def test_legacy_read_and_read_all(tclient: ClientSession) -> None:
    assert tag(tclient).read("Line1/Speed").value == 7
    assert [q.value for q in tag(tclient).readAll(["Line1/Speed", "Line2/Speed"])] == [
        7,
        12,
    ]
    assert tag(tclient).getTagValue("Line1/Name") == "Line one"


def test_legacy_write_is_pending_then_applied_in_the_background(
    sim: Simulation, tclient: ClientSession
) -> None:
    assert tag(tclient).write("Line1/Speed", 21) == 2
    assert tag(tclient).write("Nope/Missing", 1) == 0
    assert tag(tclient).writeAll(["Line2/Speed", "Nope"], [3, 4]) == [2, 0]
    assert sim.wait_idle(2)
    assert tag(tclient).read("Line1/Speed").value == 21
    assert tag(tclient).read("Line2/Speed").value == 3


def test_write_synchronous_refuses_the_gui_thread(tclient: ClientSession) -> None:
    with pytest.raises(IllegalStateException, match="event dispatch thread"):
        tag(tclient).writeSynchronous("Line1/Speed", 1)
    assert tag(tclient).read("Line1/Speed").value == 7


def test_write_synchronous_works_in_invoke_asynchronous(
    sim: Simulation, tclient: ClientSession
) -> None:
    run(
        tclient,
        """
        import java.lang
        def work():
            system.tag.writeSynchronous('Line1/Speed', 31)
            try:
                system.tag.writeSynchronous('[System]Client/User/Username', 'x')
            except java.lang.Exception as e:  # a Java exception, as in Jython
                print('refused: %s' % e)
        system.util.invokeAsynchronous(work)
        """,
    )
    assert sim.wait_idle(2)
    assert tag(tclient).read("Line1/Speed").value == 31
    assert any("refused:" in line.text for line in sim.output.history())


def test_functions_not_simulated_say_so(tclient: ClientSession) -> None:
    with pytest.raises(NotImplementedError, match=r"system.tag.queryTagHistory is not"):
        tag(tclient).queryTagHistory(paths=["a"])


def test_timeouts_are_defaults_of_45000(tclient: ClientSession) -> None:
    assert tag(tclient).DEFAULT_TIMEOUT_MILLIS == 45000
    with pytest.raises(TypeError, match="timeout"):
        tag(tclient).readBlocking(["Line1/Speed"], "soon")


def test_a_failing_callback_does_not_stop_the_next_ones(
    qtbot: QtBot, sim: Simulation, tclient: ClientSession
) -> None:
    seen: list[int] = []

    def fail(values: list[Any]) -> None:
        raise RuntimeError("first callback fails")

    tag(tclient).readAsync(["Line1/Speed"], fail)
    for _ in range(3):
        tag(tclient).readAsync(["Line1/Speed"], lambda v: seen.append(v[0].value))
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen == [7, 7, 7]
    assert sim.wait_idle(2)
    assert len(sim.errors.reports()) == 1


def test_a_path_read_before_it_exists_is_found_once_created(
    tclient: ClientSession,
) -> None:
    assert tag(tclient).readBlocking("New/T")[0].quality == QualityCode.Bad_NotFound
    assert not tag(tclient).exists("New")
    tag(tclient).configure("New", [{"name": "T", "value": 1}])
    assert tag(tclient).readBlocking("New/T")[0].value == 1
    assert tag(tclient).exists("New")


def test_any_sequence_of_paths_and_values_is_accepted(tclient: ClientSession) -> None:
    paths = (p for p in ["Line1/Speed", "Line2/Speed"])
    assert [q.value for q in tag(tclient).readBlocking(paths)] == [7, 12]
    codes = tag(tclient).writeBlocking(("Line1/Speed",), iter([3]))
    assert codes == [QualityCode.Good]
    with pytest.raises(TypeError, match="tagPaths must be a list"):
        tag(tclient).readBlocking(5)
