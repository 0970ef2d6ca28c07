"""Datasources: URLs, seed SQL and its errors, --db overrides, the SQL scanner."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from tests.conftest import write_project
from visionsim.runtime import ProjectError, load_project
from visionsim.runtime.db import Databases, Datasource, SQLException, hide_password
from visionsim.runtime.db.sql import (
    named_to_qmark,
    placeholders,
    split_statements,
    to_paramstyle,
)
from visionsim.runtime.gateway_config import DatabaseConfig
from visionsim.runtime.workers import TimerThread

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from visionsim.runtime import ClientSession, Simulation


@pytest.fixture
def databases() -> Iterator[Databases]:
    timers = TimerThread()
    dbs = Databases(timers)
    yield dbs
    dbs.close()
    timers.stop()


def query(dbs: Databases, sql: str, database: str = "DB") -> object:
    return dbs.run(sql, (), "query", database=database, project="P")


def test_seed_runs_each_statement_once_at_gateway_start(
    tmp_path: Path, db_url: str, databases: Databases
) -> None:
    seed = tmp_path / "seed.sql"
    seed.write_text("CREATE TABLE t (a INTEGER);\nINSERT INTO t VALUES (1);\n")
    databases.add(DatabaseConfig("DB", db_url, seed))
    assert query(databases, "SELECT a FROM t") == (["a"], [(1,)])


def test_a_failing_seed_statement_names_the_file_and_its_line(
    tmp_path: Path, db_url: str, databases: Databases
) -> None:
    seed = tmp_path / "seed.sql"
    seed.write_text(
        "-- setup\nCREATE TABLE t (a INTEGER);\n\n/* next */\nINSERT INTO nope\n"
        "  VALUES (1);\n"
    )
    with pytest.raises(ProjectError) as info:
        databases.add(DatabaseConfig("DB", db_url, seed))
    text = str(info.value)
    assert text.startswith(f"{seed}:5: ")
    assert "nope" in text


def test_a_seed_error_stops_the_project_from_opening(
    tmp_path: Path, sim: Simulation
) -> None:
    root = write_project(tmp_path, "P")
    (root / "bad.sql").write_text("SELECT * FROM missing;")
    (root / "visionsim.yaml").write_text("databases: {DB: {seed: bad.sql}}\n")
    with pytest.raises(ProjectError, match=r"bad\.sql:1: .*missing"):
        sim.open_project(load_project(root))


def test_a_bad_url_names_the_datasource(databases: Databases) -> None:
    with pytest.raises(ProjectError, match="database 'X': bad url"):
        databases.add(DatabaseConfig("X", "not a url"))


def test_a_sqlite_file_url_keeps_its_rows_between_gateways(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'plant.db'}"
    timers = TimerThread()
    try:
        first = Databases(timers)
        first.add(DatabaseConfig("DB", url))
        first.run("CREATE TABLE t (a TEXT)", (), "update", database="DB", project="P")
        first.run(
            "INSERT INTO t VALUES (?)", ("x",), "update", database="DB", project="P"
        )
        first.close()
        second = Databases(timers)
        second.add(DatabaseConfig("DB", url))
        assert query(second, "SELECT a FROM t") == (["a"], [("x",)])
        second.close()
    finally:
        timers.stop()


def test_two_in_memory_datasources_are_separate_databases(
    databases: Databases,
) -> None:
    databases.add(DatabaseConfig("A"))
    databases.add(DatabaseConfig("B"))
    databases.run(
        "CREATE TABLE only_a (x INTEGER)", (), "update", database="A", project="P"
    )
    assert query(databases, "SELECT COUNT(*) FROM only_a", "A") == (
        ["COUNT(*)"],
        [(0,)],
    )
    with pytest.raises(SQLException, match="only_a"):
        query(databases, "SELECT * FROM only_a", "B")


def test_a_plain_postgresql_url_uses_psycopg() -> None:
    url = os.environ.get("VISIONSIM_TEST_POSTGRES_URL")
    if not url:
        pytest.skip(
            "PostgreSQL tests need VISIONSIM_TEST_POSTGRES_URL (.ci/run sets it)"
        )
    assert url.startswith("postgresql://")
    source = Datasource(DatabaseConfig("PG", url))
    try:
        assert source.engine.dialect.driver == "psycopg"
        assert source.db_type == "POSTGRES"
    finally:
        source.close()


def test_passwords_are_hidden() -> None:
    shown = hide_password("postgresql://ann:s3cret@db.example:5432/plant")
    assert "s3cret" not in shown
    assert shown == "postgresql://ann:***@db.example:5432/plant"


def test_command_line_db_override_replaces_the_url(tmp_path: Path) -> None:
    root = write_project(tmp_path, "P")
    (root / "visionsim.yaml").write_text("databases: {DB: {latencyMs: 5}}\n")
    project = load_project(root)
    config = project.config.override(
        databases={"DB": "sqlite:///x.db", "Two": "sqlite://"}
    )
    assert config.databases["DB"].url == "sqlite:///x.db"
    assert config.databases["DB"].latency_ms == 5
    assert config.databases["Two"].url == "sqlite://"


def test_question_marks_in_quotes_and_comments_are_not_placeholders() -> None:
    sql = "SELECT '?', \"a?\" FROM t -- ?\nWHERE a = ? /* ? */ AND b = $$?$$"
    assert placeholders(sql) == 1
    assert to_paramstyle(sql, "format").count("%s") == 1
    assert to_paramstyle("SELECT '%' || ?", "format") == "SELECT '%%' || %s"
    assert to_paramstyle("a = ? AND b = ?", "numeric") == "a = :1 AND b = :2"


def test_named_parameters_skip_casts_and_literals() -> None:
    text, names = named_to_qmark("SELECT :a::int, ':b' FROM t WHERE c = :c OR d = :a")
    assert text == "SELECT ?::int, ':b' FROM t WHERE c = ? OR d = ?"
    assert names == ("a", "c", "a")


def test_statements_split_on_semicolons_outside_quotes_with_lines() -> None:
    script = (
        "-- head\nCREATE TABLE t (a TEXT);\nINSERT INTO t VALUES ('x;y');\n\n-- end\n"
    )
    statements = split_statements(script)
    assert [(s.line, s.sql.splitlines()[-1]) for s in statements] == [
        (2, "CREATE TABLE t (a TEXT)"),
        (3, "INSERT INTO t VALUES ('x;y')"),
    ]


def test_an_unreachable_server_faults_the_datasource(databases: Databases) -> None:
    source = databases.add(DatabaseConfig("Down", "postgresql://u@127.0.0.1:1/x"))
    assert source.status == "Valid"  # not tried yet
    with pytest.raises(SQLException) as info:
        query(databases, "SELECT 1", "Down")
    assert type(info.value).__name__ == "PSQLException"
    assert source.status == "Faulted"
    assert "127.0.0.1" in source.problem


def test_without_datasources_a_query_says_how_to_configure_one(
    client: ClientSession,
) -> None:
    from tests.conftest import run

    out: dict[str, object] = {}
    run(
        client,
        """
        import java
        try:
            system.db.runQuery("SELECT 1")
        except java.lang.Exception as e:
            out["text"] = e.getCause().getCause().getMessage()
        out["none"] = system.db.getConnections().getRowCount()
        """,
        extra={"out": out},
    )
    assert "defaultDatabase in visionsim.yaml, or --db" in str(out["text"])
    assert out["none"] == 0
