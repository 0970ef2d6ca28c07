"""system.db against real SQL, on SQLite and on PostgreSQL (the db_url fixture)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.conftest import run
from visionsim.runtime.dataset import Dataset, PyDataSet

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Simulation


def script(client: ClientSession, source: str) -> dict[str, object]:
    """Run ``source`` on the GUI thread; what it put in ``out``."""
    out: dict[str, object] = {}
    run(client, source, extra={"out": out})
    return out


def test_run_query_returns_a_py_dataset_of_the_rows(db_client: ClientSession) -> None:
    out = script(
        db_client,
        """
        pds = system.db.runQuery("SELECT id, name, qty FROM items ORDER BY id")
        out["pds"] = pds
        out["names"] = [row["name"] for row in pds]
        out["first"] = (pds[0][0], pds[0]["qty"])
        """,
    )
    pds = out["pds"]
    assert isinstance(pds, PyDataSet)
    assert pds.getColumnNames() == ["id", "name", "qty"]
    assert out["names"] == ["bolt", "nut", "gear; large"]
    assert out["first"] == (1, 10)


def test_prep_query_binds_question_marks_but_not_inside_quotes(
    db_client: ClientSession,
) -> None:
    out = script(
        db_client,
        """
        pds = system.db.runPrepQuery(
            "SELECT name, '?%' AS lit FROM items WHERE qty > ? AND name LIKE ?",
            [5, "%o%"], "DB")
        out["rows"] = [(r[0], r[1]) for r in pds]
        """,
    )
    assert out["rows"] == [("bolt", "?%")]


def test_scalar_queries_give_the_first_value_or_none(db_client: ClientSession) -> None:
    out = script(
        db_client,
        """
        out["count"] = system.db.runScalarQuery("SELECT COUNT(*) FROM items")
        out["qty"] = system.db.runScalarPrepQuery(
            "SELECT qty FROM items WHERE name = ?", ["nut"])
        out["none"] = system.db.runScalarPrepQuery(
            "SELECT qty FROM items WHERE name = ?", ["missing"])
        """,
    )
    assert out == {"count": 3, "qty": 25, "none": None}


def test_updates_return_rows_affected_and_get_key_the_new_key(
    db_client: ClientSession,
) -> None:
    out = script(
        db_client,
        """
        out["changed"] = system.db.runUpdateQuery("UPDATE items SET qty = qty + 1")
        out["k1"] = system.db.runPrepUpdate(
            "INSERT INTO log (msg) VALUES (?)", ["a"], getKey=True)
        out["k2"] = system.db.runPrepUpdate(
            "INSERT INTO log (msg) VALUES (?)", ["b"], "DB", None, True)
        out["one"] = system.db.runPrepUpdate("DELETE FROM log WHERE msg = ?", ["a"])
        out["left"] = system.db.runScalarQuery("SELECT msg FROM log")
        """,
    )
    assert out["changed"] == 3
    assert out["k2"] == out["k1"] + 1  # type: ignore[operator]
    assert out["one"] == 1
    assert out["left"] == "b"


def test_a_sql_error_is_a_java_exception_chain_with_the_database_text(
    db_client: ClientSession,
) -> None:
    out = script(
        db_client,
        """
        import java
        try:
            system.db.runQuery("SELECT * FROM no_such_table")
        except java.lang.Exception as e:
            out["outer"] = e.getMessage()
            gateway = e.getCause()
            out["gateway"] = type(gateway).__module__ + "." + type(gateway).__name__
            sql = gateway.getCause()
            out["sql"] = sql
            out["text"] = sql.getMessage()
        """,
    )
    assert "Error executing system.db.runQuery(SELECT * FROM no_such_table" in str(
        out["outer"]
    )
    assert out["gateway"] == (
        "com.inductiveautomation.ignition.client.gateway_interface.GatewayException"
    )
    from visionsim.runtime.db import SQLException

    assert isinstance(out["sql"], SQLException)
    assert "no_such_table" in str(out["text"])


def test_in_gateway_scope_the_chain_has_no_rpc_link(
    sim: Simulation, db_client: ClientSession, qtbot: QtBot
) -> None:
    out: dict[str, object] = {}
    scope = sim.gateway.scopes["Proj"]
    ok = scope.run(
        "import java\n"
        "try:\n"
        "    system.db.runPrepUpdate('INSERT INTO nowhere VALUES (?)', [1])\n"
        "except java.lang.Exception as e:\n"
        "    out['cause'] = e.getCause()\n",
        "gateway-test",
        {"out": out},
    )
    assert ok
    from visionsim.runtime.db import SQLException

    assert isinstance(out["cause"], SQLException)
    assert "nowhere" in str(out["cause"])


def test_an_unknown_datasource_is_named_in_the_error(db_client: ClientSession) -> None:
    out = script(
        db_client,
        """
        import java
        try:
            system.db.runQuery("SELECT 1", "Nope")
        except java.lang.Exception as e:
            out["text"] = e.getCause().getCause().getMessage()
        """,
    )
    assert out["text"] == 'Datasource "Nope" does not exist in this Gateway.'


def test_the_in_memory_database_is_shared_by_every_thread(
    sim: Simulation, db_client: ClientSession
) -> None:
    run(
        db_client,
        """
        def write():
            system.db.runPrepUpdate("INSERT INTO log (msg) VALUES (?)", ["async"])
        system.util.invokeAsynchronous(write)
        """,
    )
    assert sim.wait_idle(5)
    out = script(
        db_client, 'out["msg"] = system.db.runScalarQuery("SELECT msg FROM log")'
    )
    assert out["msg"] == "async"


def test_get_connections_lists_each_datasource(db_client: ClientSession) -> None:
    out = script(
        db_client,
        """
        ds = system.db.getConnections()
        out["cols"] = ds.getColumnNames()
        out["row"] = [ds.getValueAt(0, c) for c in ("Name", "Status")]
        out["info"] = system.db.getConnectionInfo().getValueAt(0, "Name")
        out["missing"] = system.db.getConnectionInfo("Nope").getRowCount()
        """,
    )
    assert out["cols"][:4] == ["Name", "Description", "DBType", "Status"]  # type: ignore[index]
    assert out["row"] == ["DB", "Valid"]
    assert out["info"] == "DB"
    assert out["missing"] == 0


def test_a_query_with_latency_blocks_the_gui_thread_as_a_labelled_wait(
    sim: Simulation, db_project: object
) -> None:
    client = sim.open_project(db_project(latency_ms=80))  # type: ignore[operator]
    run(client, 'system.db.runQuery("SELECT 1 AS one")')
    kinds = [r.kind for r in sim.stall.reports()]
    assert "blocking wait (system.db.runQuery)" in kinds


def test_a_slow_query_on_a_worker_is_interrupted_at_shutdown(
    sim: Simulation, db_project: object
) -> None:
    client = sim.open_project(db_project(latency_ms=60_000))  # type: ignore[operator]
    run(
        client,
        """
        def slow():
            system.db.runQuery("SELECT 1")
        system.util.invokeAsynchronous(slow)
        """,
    )
    assert client.workers.running()
    assert client.workers.shutdown(2.0)


def test_ignition_8_3_named_query_functions(db_client: ClientSession) -> None:
    out = script(
        db_client,
        """
        out["all"] = system.db.execQuery("Items/All")
        out["count"] = system.db.execScalar("Items/Count")
        out["key"] = system.db.execUpdate("Log/Add", {"msg": "x"}, getKey=True)
        """,
    )
    data = out["all"]
    assert isinstance(data, Dataset)
    assert data.getRowCount() == 3
    assert out["count"] == 3
    assert isinstance(out["key"], int)
    assert out["key"] >= 1


@pytest.mark.parametrize(
    "call",
    [
        'system.db.runNamedQuery("Items/ByQty", {"minQty": "10", "orderBy": "qty"})',
        'system.db.runNamedQuery("Proj", "Items/ByQty", '
        '{"minQty": 10, "orderBy": "qty"})',
        'system.db.runNamedQuery(path="Items/ByQty", '
        'parameters={"minQty": 10, "orderBy": "qty"})',
    ],
)
def test_run_named_query_binds_values_and_query_strings(
    db_client: ClientSession, call: str
) -> None:
    out = script(db_client, f"out['ds'] = {call}")
    data = out["ds"]
    assert isinstance(data, Dataset)
    assert not isinstance(data, PyDataSet)  # a named query gives a plain Dataset
    assert data.getColumnAsList(0) == ["bolt", "nut"]


def test_named_update_and_scalar_queries(db_client: ClientSession) -> None:
    out = script(
        db_client,
        """
        out["rows"] = system.db.runNamedQuery("Log/Add", {"msg": "hello"})
        out["count"] = system.db.runNamedQuery("Items/Count")
        out["msg"] = system.db.runScalarQuery("SELECT msg FROM log")
        """,
    )
    assert out == {"rows": 1, "count": 3, "msg": "hello"}


def test_a_missing_named_query_says_which(db_client: ClientSession) -> None:
    out = script(
        db_client,
        """
        import java
        try:
            system.db.runNamedQuery("Items/Nope")
        except java.lang.Exception as e:
            out["text"] = e.getCause().getCause().getMessage()
        """,
    )
    assert out["text"] == "Named query 'Items/Nope' not found in project 'Proj'."


def test_a_java_date_argument_is_stored_as_its_instant(
    db_client: ClientSession,
) -> None:
    class JavaDate:  # stands for java.util.Date: scripts pass system.date.now()
        def getTime(self) -> int:
            return 1_700_000_000_000  # 2023-11-14 22:13:20 UTC

    out: dict[str, object] = {}
    run(
        db_client,
        'system.db.runUpdateQuery("CREATE TABLE ev (at TIMESTAMP)")\n'
        'system.db.runPrepUpdate("INSERT INTO ev VALUES (?)", [when])\n'
        'out["at"] = system.db.runScalarQuery("SELECT at FROM ev")\n',
        extra={"out": out, "when": JavaDate()},
    )
    from datetime import datetime

    expected = datetime.fromtimestamp(1_700_000_000)
    assert str(out["at"]).startswith(expected.strftime("%Y-%m-%d %H:%M:%S"))
