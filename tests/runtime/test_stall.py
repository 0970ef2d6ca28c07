"""The stall monitor: long tasks, warnings with stacks, and what the GUI waited on."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pytest

from tests.conftest import run
from visionsim.runtime import StallThresholds

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Simulation

BUSY = """
import time as _t
def busy(seconds):
    end = _t.perf_counter() + seconds
    while _t.perf_counter() < end:
        pass
"""


def test_short_gui_work_is_no_stall(sim: Simulation, client: ClientSession) -> None:
    run(client, BUSY + "busy(0.005)\n")
    assert sim.stall.reports() == []


def test_50ms_of_script_work_is_a_long_task_at_its_line(
    sim: Simulation, client: ClientSession
) -> None:
    run(client, BUSY + "busy(0.08)\n", name="Main/Root Container/Calc.actionPerformed")
    [report] = sim.stall.reports()
    assert report.level == "long task"
    # The kind is "script work" on an idle machine; other processes hogging
    # the CPU can make it "off-CPU wait", which test_classify covers.
    assert report.subject == "Main/Root Container/Calc.actionPerformed"
    assert 80 <= report.duration_ms < 1000
    assert report.location is not None
    assert report.location.script == "Main/Root Container/Calc.actionPerformed"


def test_500ms_is_a_warning_with_sampled_stacks(
    sim: Simulation, client: ClientSession
) -> None:
    run(client, BUSY + "def crunch():\n    busy(0.6)\ncrunch()\n", name="Main/Crunch")
    [report] = sim.stall.reports()
    assert report.level == "warning"
    assert report.stacks, "a warning carries sampled stacks"
    stack, count = report.stacks[0]
    assert 'File "Main/Crunch"' in stack
    assert "in crunch" in stack
    assert count >= 1
    assert str(report.location).startswith("Main/Crunch, line")
    assert "Main/Crunch" in report.format()


def test_sleep_on_the_gui_thread_is_a_blocking_wait(
    sim: Simulation, client: ClientSession
) -> None:
    run(client, "import time\ntime.sleep(0.12)\n")
    [report] = sim.stall.reports()
    assert report.kind == "blocking wait (sleep)"


def test_join_on_the_gui_thread_is_a_blocking_wait(
    sim: Simulation, client: ClientSession
) -> None:
    run(
        client,
        """
        import time
        t = system.util.invokeAsynchronous(lambda: time.sleep(0.15))
        t.join()
        """,
    )
    [report] = sim.stall.reports()
    assert report.kind == "blocking wait (join)"


def test_an_invoke_later_call_is_attributed_to_its_function(
    sim: Simulation, client: ClientSession
) -> None:
    run(
        client,
        BUSY
        + "def slowUpdate():\n    busy(0.07)\nsystem.util.invokeLater(slowUpdate)\n",
        name="Main/Update",
    )
    assert sim.wait_idle(5)
    [report] = sim.stall.reports()
    assert report.subject == "slowUpdate"
    assert report.location is not None
    assert report.location.script == "Main/Update"


def test_cpu_bound_workers_starving_the_gui_is_gil_contention(
    sim: Simulation, client: ClientSession
) -> None:
    """CPython only: busy worker threads hold the GIL; Jython has none."""
    stop = threading.Event()
    spin = "def spin():\n    while not stop.is_set():\n        pass\n"
    start = "for _ in range(3):\n    system.util.invokeAsynchronous(spin)\n"
    run(client, spin + start + BUSY + "busy(0.4)\n", "Main/Spin", {"stop": stop})
    stop.set()
    assert sim.wait_idle(5)
    [report] = [r for r in sim.stall.reports() if r.subject == "Main/Spin"]
    assert report.kind == "GIL contention"


@pytest.fixture
def quick_sim(make_sim: Callable[..., Simulation]) -> Simulation:
    return make_sim(
        thresholds=StallThresholds(long_ms=20, warn_ms=40, not_responding_ms=150)
    )


def test_not_responding_is_reported_live_while_still_stuck(
    qtbot: QtBot, quick_sim: Simulation, sample_project: object
) -> None:
    client = quick_sim.open_project(sample_project)  # type: ignore[arg-type]
    live = []
    quick_sim.stall.subscribe(lambda r: live.append(r) if r.ongoing else None)
    run(client, BUSY + "busy(0.4)\n")
    [first] = live
    assert first.level == "not responding"
    assert first.duration_ms < 400  # sent while the script still ran
    final = quick_sim.stall.reports()[-1]
    assert final.level == "not responding"
    assert not final.ongoing


def test_stalls_are_on_the_timeline(sim: Simulation, client: ClientSession) -> None:
    run(client, BUSY + "busy(0.06)\n")
    [mark] = [e for e in sim.tracer.events() if e.category == "stall"]
    assert mark.lane == 1
    assert mark.duration >= 60_000_000


MS = 1_000_000


@pytest.mark.parametrize(
    ("blocked", "cpu", "kind"),
    [
        (0, (95 * MS, 97 * MS), "script work"),
        (0, (20 * MS, 190 * MS), "GIL contention"),  # other threads burned CPU
        (0, (20 * MS, 25 * MS), "off-CPU wait"),  # nobody here did: machine busy
        (80 * MS, (1 * MS, 2 * MS), None),  # a blocking wait the samples missed
    ],
)
def test_classify_from_cpu_time(
    blocked: int, cpu: tuple[int, int], kind: str | None
) -> None:
    from visionsim.runtime.stall import _classify

    assert _classify(100 * MS, blocked, cpu, []) == kind


def test_a_stall_inside_a_nested_script_is_reported_once(
    sim: Simulation, client: ClientSession
) -> None:
    inner = client.scope.compile(BUSY + "busy(0.08)\n", "Main/Inner")
    run(
        client,
        "run_inner()",
        "Outer",
        {"run_inner": lambda: client.run_code(inner, "Main/Inner")},
    )
    reports = sim.stall.reports()
    assert [r.subject for r in reports] == ["Main/Inner"]
