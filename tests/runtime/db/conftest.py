"""Database fixtures: every ``db_url`` test runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``VISIONSIM_TEST_POSTGRES_URL`` (``.ci/run`` starts a
server and always sets it); each test gets its own schema, dropped after.
"""

from __future__ import annotations

import json
import os
import textwrap
import uuid
from typing import TYPE_CHECKING

import pytest

from tests.conftest import write_project
from visionsim.runtime import load_project

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from visionsim.runtime import ClientSession, Project, Simulation

POSTGRES_ENV = "VISIONSIM_TEST_POSTGRES_URL"

SEED = """\
-- two tables the tests read and write
CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(40), qty INTEGER,
                    price REAL);
INSERT INTO items VALUES (1, 'bolt', 10, 0.25);
INSERT INTO items VALUES (2, 'nut', 25, 0.1);
INSERT INTO items VALUES (3, 'gear; large', 2, 12.5);
CREATE TABLE log (id {serial}, msg VARCHAR(80));
"""


@pytest.fixture(scope="session")
def postgres_schemas() -> Iterator[Callable[[], str]]:
    """Make fresh PostgreSQL schemas; all dropped when the session ends.

    Dropped at the end, not after each test: a simulation still shutting
    down (its fixture torn down later) may hold a lock the drop would wait on.
    """
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        yield lambda: ""
        return
    import sqlalchemy

    made: list[str] = []
    admin = sqlalchemy.create_engine(
        base.replace("postgresql://", "postgresql+psycopg://", 1)
    )

    def make() -> str:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        made.append(schema)
        return schema

    yield make
    with admin.begin() as conn:
        conn.exec_driver_sql("SET lock_timeout = '10s'")
        for schema in made:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, postgres_schemas: Callable[[], str]) -> str:
    """A database URL with nothing in it: in-memory SQLite, or a fresh schema."""
    if request.param == "sqlite":
        return "sqlite:///:memory:"
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV} (.ci/run sets it)")
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{postgres_schemas()}"


def serial_for(url: str) -> str:
    """The auto-increment key type of the database at ``url``."""
    return (
        "SERIAL PRIMARY KEY"
        if url.startswith("postgres")
        else ("INTEGER PRIMARY KEY AUTOINCREMENT")
    )


def write_named_query(
    root: Path, path: str, sql: str, kind: str = "Query", **params: int | str
) -> None:
    """A named query folder as the Designer writes it (``params``: name -> sqlType,
    or ``"QueryString"`` for text)."""
    folder = root / "ignition" / "named-query" / path
    folder.mkdir(parents=True)
    (folder / "query.sql").write_text(sql)
    declared = [
        {"type": "QueryString", "identifier": name, "sqlType": 7}
        if value == "QueryString"
        else {"type": "Parameter", "identifier": name, "sqlType": value}
        for name, value in params.items()
    ]
    attributes = {"type": kind, "enabled": True, "database": "", "parameters": declared}
    (folder / "resource.json").write_text(
        json.dumps(
            {
                "scope": "DG",
                "version": 2,
                "files": ["query.sql"],
                "attributes": attributes,
            }
        )
    )


@pytest.fixture
def db_project(tmp_path: Path, db_url: str) -> Callable[..., Project]:
    """Write and load a project whose datasource ``DB`` is ``db_url``, seeded."""

    def make(latency_ms: int = 0, yaml_extra: str = "", **queries: str) -> Project:
        root = write_project(tmp_path, "Proj")
        (root / "db").mkdir()
        (root / "db" / "seed.sql").write_text(SEED.format(serial=serial_for(db_url)))
        (root / "visionsim.yaml").write_text(
            textwrap.dedent(
                f"""\
                databases:
                  DB:
                    url: '{db_url}'
                    seed: db/seed.sql
                    latencyMs: {latency_ms}
                """
            )
            + yaml_extra
        )
        write_named_query(root, "Items/All", "SELECT id, name FROM items ORDER BY id")
        write_named_query(
            root,
            "Items/ByQty",
            "SELECT name FROM items WHERE qty >= :minQty ORDER BY {orderBy}",
            minQty=2,
            orderBy="QueryString",
        )
        write_named_query(
            root, "Items/Count", "SELECT COUNT(*) FROM items", kind="ScalarQuery"
        )
        write_named_query(
            root,
            "Log/Add",
            "INSERT INTO log (msg) VALUES (:msg)",
            kind="UpdateQuery",
            msg=7,
        )
        return load_project(root)

    return make


@pytest.fixture
def db_client(sim: Simulation, db_project: Callable[..., Project]) -> ClientSession:
    """A client of a project with the seeded datasource ``DB``."""
    return sim.open_project(db_project())
