"""``--db NAME=URL``: a datasource from the command line, over visionsim.yaml."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from tests.conftest import run_main, write_project
from visionsim.app.cli import AppOptions, RunOptions, parse

if TYPE_CHECKING:
    from pathlib import Path


def test_db_options_are_parsed_for_the_app_and_the_runner() -> None:
    url = "postgresql://u:p@h/db?options=-csearch_path%3Ds"
    app = parse(["--db", f"DB={url}", "--db", "Two=sqlite://"])
    assert isinstance(app, AppOptions)
    assert app.databases == {"DB": url, "Two": "sqlite://"}
    runner = parse(["run", "s.py", "--db", "DB=sqlite:///x.db"])
    assert isinstance(runner, RunOptions)
    assert runner.databases == {"DB": "sqlite:///x.db"}


def test_a_bad_db_option_exits_4() -> None:
    code, _, err = run_main("run", "s.py", "--db", "no-equals-sign")
    assert code == 4
    assert "--db must look like NAME=VALUE" in err


def test_the_runner_queries_the_database_given_with_db(tmp_path: Path) -> None:
    db = tmp_path / "plant.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE line (speed INTEGER)")
        conn.execute("INSERT INTO line VALUES (42)")
    conn.close()
    project = write_project(tmp_path, "P")
    # visionsim.yaml names an empty in-memory DB with latency; --db replaces
    # its URL and keeps the latency.
    (project / "visionsim.yaml").write_text("databases: {DB: {latencyMs: 1}}\n")
    script = tmp_path / "s.py"
    script.write_text("print(system.db.runScalarQuery('SELECT speed FROM line'))\n")
    code, out, err = run_main(
        "run", str(script), "--project", str(project), "--db", f"DB=sqlite:///{db}"
    )
    assert (code, err) == (0, "")
    assert out.strip() == "42"
