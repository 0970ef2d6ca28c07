"""The timeline: per-thread events in bounded memory, exported as Chrome trace."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from tests.conftest import run
from visionsim.runtime import Tracer

if TYPE_CHECKING:
    from pathlib import Path

    from visionsim.runtime import ClientSession, Simulation


def test_memory_is_bounded_and_reading_is_incremental() -> None:
    tracer = Tracer(capacity=100)
    for i in range(1000):
        tracer.record("i", 1, "test", f"e{i}")
    events = tracer.events()
    assert len(events) == 100
    assert events[-1].name == "e999"
    assert [e.name for e in tracer.events(after_seq=events[-3].seq)] == ["e998", "e999"]


def test_disabled_tracer_records_nothing() -> None:
    tracer = Tracer()
    tracer.enabled = False
    tracer.record("i", 1, "test", "x")
    assert tracer.events() == []


def test_manual_example_timeline_shows_worker_span_and_gui_invoke_later(
    sim: Simulation, client: ClientSession, tmp_path: Path
) -> None:
    run(
        client,
        """
        def longProcess():
            def sendBack():
                pass
            system.util.invokeLater(sendBack)
        system.util.invokeAsynchronous(longProcess, description="load")
        """,
    )
    assert sim.wait_idle(5)
    path = tmp_path / "run.trace.json"
    count = sim.tracer.export_chrome(str(path))
    doc = json.loads(path.read_text())
    events = doc["traceEvents"]
    assert count == len(events)
    names = {(e["ph"], e["name"]) for e in events}
    assert ("B", "longProcess") in names
    assert ("E", "longProcess") in names
    thread_names = {
        e["tid"]: e["args"]["name"]
        for e in events
        if e["ph"] == "M" and e["name"] == "thread_name"
    }
    assert thread_names[1] == "AWT-EventQueue-0"
    [task_lane] = [tid for tid, n in thread_names.items() if n.endswith(": load")]
    [post] = [e for e in events if e["ph"] == "s" and e["name"].endswith("sendBack")]
    [ran] = [e for e in events if e["ph"] == "X" and e["name"].endswith("sendBack")]
    assert post["tid"] == task_lane  # posted from the worker...
    assert ran["tid"] == 1  # ...ran on the GUI lane
    [head] = [e for e in events if e["ph"] == "f" and e["id"] == post["id"]]
    assert head["tid"] == 1
    assert head["ts"] == ran["ts"]


def test_flow_arrows_connect_posts_to_runs(sim: Simulation) -> None:
    sim.dispatcher.post(lambda: None)
    assert sim.wait_idle(5)
    doc = sim.tracer.to_chrome()
    events = doc["traceEvents"]
    assert isinstance(events, list)
    flows = [e for e in events if e["ph"] in ("s", "f")]
    assert {e["ph"] for e in flows} == {"s", "f"}
    assert len({e["id"] for e in flows}) == 1
