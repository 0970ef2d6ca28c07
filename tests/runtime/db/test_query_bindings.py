"""Query and named-query bindings: run off the GUI thread, applied on it, polled."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from visionsim.runtime.dataset import Dataset
from visionsim.runtime.db.bindings import start_query_binding
from visionsim.runtime.windows import BindingSpec

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Simulation
    from visionsim.runtime.db.bindings import QueryBinding


class Target:
    """Stands in for a component property: records each value and its thread."""

    def __init__(self) -> None:
        self.values: list[object] = []
        self.threads: list[int] = []

    def apply(self, value: object) -> None:
        self.values.append(value)
        self.threads.append(threading.get_ident())


def start(
    sim: Simulation,
    client: ClientSession,
    spec: BindingSpec,
    target: Target,
    **kw: bool,
) -> QueryBinding:
    return start_query_binding(
        spec,
        target.apply,
        databases=sim.gateway.databases,
        project=client.project_name,
        pool=client.shared_pool,
        timers=sim.timers,
        dispatcher=sim.dispatcher,
        errors=sim.errors,
        **kw,
    )


def test_a_query_binding_applies_its_dataset_on_the_gui_thread(
    sim: Simulation, db_client: ClientSession, qtbot: QtBot
) -> None:
    target = Target()
    spec = BindingSpec("query", "data", "SELECT name, qty FROM items ORDER BY id")
    binding = start(sim, db_client, spec, target)
    qtbot.waitUntil(lambda: len(target.values) == 1)
    [data] = target.values
    assert isinstance(data, Dataset)
    assert data.getColumnAsList("name") == ["bolt", "nut", "gear; large"]
    assert target.threads == [sim.dispatcher.gui_ident]
    binding.stop()


def test_polling_picks_up_changes_and_stop_ends_it(
    sim: Simulation, db_client: ClientSession, qtbot: QtBot
) -> None:
    target = Target()
    spec = BindingSpec(
        "query", "text", "SELECT COUNT(*) FROM log", poll_ms=20, database="DB"
    )
    binding = start(sim, db_client, spec, target, scalar=True)
    qtbot.waitUntil(lambda: target.values[-1:] == [0])
    sim.gateway.databases.run(
        "INSERT INTO log (msg) VALUES ('new')",
        (),
        "update",
        database="DB",
        project="Proj",
    )
    qtbot.waitUntil(lambda: target.values[-1:] == [1])
    binding.stop()
    count = binding.applied
    assert sim.wait_idle(2)
    sim.gateway.databases.run(
        "INSERT INTO log (msg) VALUES ('late')",
        (),
        "update",
        database="DB",
        project="Proj",
    )
    # A stopped binding schedules nothing: the simulation stays idle and the
    # count of applied results does not move.
    assert sim.wait_idle(0.1)
    assert binding.applied == count


def test_a_named_query_binding_uses_its_parameters_and_refresh(
    sim: Simulation, db_client: ClientSession, qtbot: QtBot
) -> None:
    target = Target()
    spec = BindingSpec(
        "namedQuery", "data", "Items/ByQty", params={"minQty": 20, "orderBy": "id"}
    )
    binding = start(sim, db_client, spec, target)
    qtbot.waitUntil(lambda: len(target.values) == 1)
    assert target.values[0].getColumnAsList(0) == ["nut"]  # type: ignore[attr-defined]
    binding.refresh({"minQty": 5, "orderBy": "name"})
    qtbot.waitUntil(lambda: len(target.values) == 2)
    assert target.values[1].getColumnAsList(0) == ["bolt", "nut"]  # type: ignore[attr-defined]
    binding.stop()


def test_a_failing_binding_query_is_reported_once_not_every_poll(
    sim: Simulation, db_client: ClientSession, qtbot: QtBot
) -> None:
    target = Target()
    spec = BindingSpec("query", "data", "SELECT * FROM missing_table", poll_ms=10)
    binding = start(sim, db_client, spec, target)
    qtbot.waitUntil(lambda: binding.polls >= 5, timeout=3000)
    binding.stop()
    [report] = sim.errors.reports()
    assert "missing_table" in report.message
    assert target.values == []
