"""The thread guard: violations with both stacks, counted, with penalties."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from visionsim.runtime import Penalty

if TYPE_CHECKING:
    from visionsim.runtime import ClientSession, Simulation

UNSAFE = """
def work(label=label):
    for i in range(3):
        guard.check("Label.text write")

def start():
    system.util.invokeAsynchronous(work, description="refresh label")

start()
"""


def _run_unsafe(client: ClientSession, sim: Simulation) -> None:
    ns_extra = {"label": object(), "guard": sim.guard}
    client.scope.run(UNSAFE, "Main/Root Container/Refresh.actionPerformed", ns_extra)
    assert sim.wait_idle(5)


def test_gui_thread_access_is_no_violation(sim: Simulation) -> None:
    for _ in range(100):
        sim.guard.check("Label.text read")
    assert sim.guard.violations() == []


def test_worker_access_records_script_line_thread_and_both_stacks(
    sim: Simulation, client: ClientSession
) -> None:
    _run_unsafe(client, sim)
    [v] = sim.guard.violations()
    assert v.what == "Label.text write"
    assert str(v.location) == "Main/Root Container/Refresh.actionPerformed, line 4"
    assert v.thread.startswith("Thread-")
    assert v.description == "refresh label"
    assert "line 4, in work" in v.stack
    assert v.started_from is not None
    assert "line 7, in start" in v.started_from
    assert "line 9, in <module>" in v.started_from
    assert "Task started at" in v.format()


def test_identical_violations_are_counted_not_repeated(
    sim: Simulation, client: ClientSession
) -> None:
    logged: list[str] = []
    sim.guard._log = logged.append
    _run_unsafe(client, sim)
    _run_unsafe(client, sim)
    [v] = sim.guard.violations()
    assert v.count == 6
    assert sim.guard.total == 6
    assert len(logged) == 1


def test_raise_penalty_raises_in_the_offending_script(
    sim: Simulation, client: ClientSession
) -> None:
    sim.guard.penalty = Penalty.RAISE
    _run_unsafe(client, sim)
    [report] = sim.errors.reports()
    assert report.exc_type == "ThreadViolationError"
    assert report.location is not None
    assert report.location.line == 4
    assert sim.guard.violations()[0].count == 1  # the loop stopped at the first


def test_callback_penalty_calls_listeners_on_each_occurrence(
    sim: Simulation, client: ClientSession
) -> None:
    seen: list[int] = []
    sim.guard.penalty = Penalty.CALLBACK
    sim.guard.subscribe(lambda v: seen.append(v.count))
    _run_unsafe(client, sim)
    assert seen == [1, 2, 3]


def test_violations_are_on_the_timeline(sim: Simulation, client: ClientSession) -> None:
    _run_unsafe(client, sim)
    marks = [e for e in sim.tracer.events() if e.category == "violation"]
    assert len(marks) == 3
    assert marks[0].lane != 1  # the worker's lane, not the GUI's


def test_check_on_the_gui_thread_is_cheap(sim: Simulation) -> None:
    check = sim.guard.check
    started = time.perf_counter()
    for _ in range(100_000):
        check("Label.text read")
    per_call = (time.perf_counter() - started) / 100_000
    assert per_call < 2e-6  # generous sanity bound; measured ~0.1 us
