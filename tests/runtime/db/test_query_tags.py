"""Query tags run their SQL on the gateway's real datasources."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from tests.conftest import write_project
from visionsim.runtime import load_project

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import Simulation

TAGS = {
    "tags": [
        {
            "name": "Count",
            "tagType": "AtomicTag",
            "valueSource": "db",
            "dataType": "Int4",
            "datasource": "DB",
            "query": "SELECT COUNT(*) FROM t",
            "executionRate": 50,
        }
    ]
}


def test_a_query_tag_reads_the_seeded_sqlite_database(
    qtbot: QtBot, sim: Simulation, tmp_path: Path
) -> None:
    folder = write_project(tmp_path, "Q")
    (folder / "seed.sql").write_text(
        "CREATE TABLE t (a INTEGER);\nINSERT INTO t VALUES (1);\n"
    )
    (folder / "tags.json").write_text(json.dumps(TAGS))
    (folder / "visionsim.yaml").write_text(
        "tags: {default: tags.json}\ndatabases: {DB: {seed: seed.sql}}\n"
    )
    client = sim.open_project(load_project(folder))
    tag = client.scope.system.tag

    def count() -> object:
        return tag.readBlocking(["[default]Count"])[0].value

    qtbot.waitUntil(lambda: count() == 1)
    client.scope.system.db.runUpdateQuery("INSERT INTO t VALUES (2)")
    qtbot.waitUntil(lambda: count() == 2)
