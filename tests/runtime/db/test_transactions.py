"""system.db transactions: commit, rollback, close, the idle timeout, isolation."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.conftest import run

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Simulation


def script(client: ClientSession, source: str, **names: object) -> dict[str, object]:
    out: dict[str, object] = {}
    run(client, source, extra={"out": out, **names})
    return out


def test_committed_work_stays_and_rolled_back_work_goes(
    db_client: ClientSession,
) -> None:
    out = script(
        db_client,
        """
        tx = system.db.beginTransaction("DB", system.db.READ_COMMITTED, 5000)
        system.db.runPrepUpdate("INSERT INTO log (msg) VALUES (?)", ["kept"], tx=tx)
        system.db.commitTransaction(tx)
        system.db.runPrepUpdate("INSERT INTO log (msg) VALUES (?)", ["undone"], tx=tx)
        out["inside"] = system.db.runScalarQuery("SELECT COUNT(*) FROM log", tx=tx)
        system.db.rollbackTransaction(tx)
        system.db.closeTransaction(tx)
        out["msgs"] = [r[0] for r in system.db.runQuery("SELECT msg FROM log")]
        """,
    )
    assert out["inside"] == 2
    assert out["msgs"] == ["kept"]


def test_closing_without_commit_rolls_back_and_the_id_is_invalid(
    db_client: ClientSession,
) -> None:
    out = script(
        db_client,
        """
        import java
        tx = system.db.beginTransaction()
        system.db.runUpdateQuery("DELETE FROM items", tx=tx)
        system.db.closeTransaction(tx)
        out["count"] = system.db.runScalarQuery("SELECT COUNT(*) FROM items")
        try:
            system.db.runQuery("SELECT 1", tx=tx)
        except java.lang.Exception as e:
            out["error"] = e.getCause().getCause().getMessage()
        """,
    )
    assert out["count"] == 3
    assert "is closed or does not exist" in str(out["error"])


def test_an_idle_transaction_expires_after_its_timeout(
    sim: Simulation, db_client: ClientSession, qtbot: QtBot
) -> None:
    out = script(
        db_client,
        """
        out["tx"] = system.db.beginTransaction(timeout=50)
        system.db.runUpdateQuery("UPDATE items SET qty = 0", tx=out["tx"])
        """,
    )
    transactions = sim.gateway.databases.transactions
    qtbot.waitUntil(lambda: transactions.count() == 0, timeout=3000)
    after = script(
        db_client,
        """
        import java
        out["qty"] = system.db.runScalarQuery("SELECT SUM(qty) FROM items")
        try:
            system.db.commitTransaction(tx)
        except java.lang.Exception as e:
            out["error"] = str(e.getCause().getCause().getMessage())
        """,
        tx=out["tx"],
    )
    assert after["qty"] == 37  # the expiry rolled the update back
    assert "is closed or does not exist" in str(after["error"])


def test_use_restarts_the_idle_timer(sim: Simulation, db_client: ClientSession) -> None:
    dbs = sim.gateway.databases
    tx = dbs.transactions.begin(dbs.source("DB", "Proj"), None, 60_000)
    for _ in range(3):
        dbs.run("SELECT 1", (), "query", database=None, project="Proj", tx=tx)
    assert dbs.transactions.count() == 1
    dbs.transactions.close(tx)
    assert dbs.transactions.count() == 0


def test_uncommitted_rows_are_invisible_to_other_connections(
    db_url: str, sim: Simulation, db_client: ClientSession
) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite's shared cache locks the table instead of hiding rows")
    out = script(
        db_client,
        """
        tx = system.db.beginTransaction()
        system.db.runPrepUpdate("INSERT INTO log (msg) VALUES (?)", ["x"], tx=tx)
        out["outside"] = system.db.runScalarQuery("SELECT COUNT(*) FROM log")
        system.db.commitTransaction(tx)
        system.db.closeTransaction(tx)
        out["after"] = system.db.runScalarQuery("SELECT COUNT(*) FROM log")
        """,
    )
    assert (out["outside"], out["after"]) == (0, 1)


def test_concurrent_writers_and_readers_all_succeed(
    sim: Simulation, db_client: ClientSession
) -> None:
    run(
        db_client,
        """
        def write(n):
            for i in range(60):
                system.db.runPrepUpdate("INSERT INTO log (msg) VALUES (?)", [n])
        def read():
            for i in range(60):
                system.db.runQuery("SELECT COUNT(*) FROM log")
        for n in ("a", "b", "c"):
            system.util.invokeAsynchronous(write, [n])
        system.util.invokeAsynchronous(read)
        system.util.invokeAsynchronous(read)
        """,
    )
    assert sim.wait_idle(20)
    assert sim.errors.reports() == []
    out = script(
        db_client, 'out["n"] = system.db.runScalarQuery("SELECT COUNT(*) FROM log")'
    )
    assert out["n"] == 180


def test_a_writer_waits_for_an_open_transaction_then_goes_through(
    sim: Simulation, db_client: ClientSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    from visionsim.runtime.db import datasource

    dbs = sim.gateway.databases
    is_sqlite = dbs.source("DB", "Proj").backend == "sqlite"
    tx = dbs.transactions.begin(dbs.source("DB", "Proj"), None, None)
    dbs.run(
        "INSERT INTO log (msg) VALUES ('first')",
        (),
        "update",
        database=None,
        project="Proj",
        tx=tx,
    )
    waits: list[float] = []
    real_sleep = datasource.interruptible_sleep

    def sleep_then_commit(seconds: float) -> None:
        # The writer found the table locked and waits: the transaction's
        # owner commits meanwhile, so the next attempt goes through.
        waits.append(seconds)
        if len(waits) == 1:
            dbs.transactions.commit(tx)
            dbs.transactions.close(tx)
        real_sleep(seconds)

    monkeypatch.setattr(datasource, "interruptible_sleep", sleep_then_commit)
    if not is_sqlite:  # PostgreSQL does not block the insert: nothing waits
        dbs.transactions.commit(tx)
        dbs.transactions.close(tx)
    dbs.run(
        "INSERT INTO log (msg) VALUES ('second')",
        (),
        "update",
        database="DB",
        project="Proj",
    )
    rows = dbs.run(
        "SELECT msg FROM log ORDER BY id", (), "query", database="DB", project="Proj"
    )
    assert rows == (["msg"], [("first",), ("second",)])
    assert bool(waits) == is_sqlite  # SQLite locked the table
