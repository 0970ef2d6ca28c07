"""invokeAsynchronous: thread-per-call, the Java thread object, the registry."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

import pytest

from tests.conftest import run

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Simulation


def test_64_tasks_that_wait_for_each_other_all_run(
    sim: Simulation, client: ClientSession
) -> None:
    barrier = threading.Barrier(64)
    passed: list[int] = []

    def meet(i: int) -> None:
        barrier.wait(timeout=20)
        passed.append(i)

    for i in range(64):
        client.scope.system.util.invokeAsynchronous(meet, [i])
    assert sim.wait_idle(30)
    assert sorted(passed) == list(range(64))
    assert sim.errors.reports() == []


def test_args_kwargs_and_description_reach_the_task(
    sim: Simulation, client: ClientSession
) -> None:
    got: list[object] = []
    thread = client.scope.system.util.invokeAsynchronous(
        lambda a, b, c=None: got.append((a, b, c)), (1, 2), {"c": 3}, "adds"
    )
    assert sim.wait_idle(5)
    assert got == [(1, 2, 3)]
    assert thread.alive is False


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda u: u.invokeAsynchronous(42), "function must be callable"),
        (lambda u: u.invokeAsynchronous(print, 5), "args must be a list or tuple"),
        (lambda u: u.invokeAsynchronous(print, "ab"), "args must be a list or tuple"),
        (lambda u: u.invokeAsynchronous(print, [], [1]), "kwargs must be a dict"),
        (lambda u: u.invokeLater("x"), "function must be callable"),
        (lambda u: u.invokeLater(print, "soon"), "delay must be a number"),
    ],
)
def test_bad_arguments_raise_type_error_at_the_call_site(
    client: ClientSession, call: object, message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        call(client.scope.system.util)  # type: ignore[operator]


def test_thread_object_has_the_java_api(sim: Simulation, client: ClientSession) -> None:
    release = threading.Event()
    util = client.scope.system.util
    t = util.invokeAsynchronous(lambda: release.wait(10), description="waits")
    assert t.getName() == t.name
    assert t.name.startswith("Thread-")
    assert t.getId() == t.id
    assert isinstance(t.id, int)
    assert t.isAlive()
    assert t.alive
    assert str(t.getState()) == "RUNNABLE"
    t.setName("worker-1")
    assert t.getName() == "worker-1"
    assert not t.isInterrupted()
    release.set()
    t.join()
    assert not t.isAlive()
    assert t.getState() == "TERMINATED"
    assert t.state == t.State.TERMINATED
    assert sim.wait_idle(5)


def test_interrupt_wakes_a_sleeping_task_with_interrupted_exception(
    sim: Simulation, client: ClientSession
) -> None:
    run(
        client,
        """
        from java.lang import Thread, InterruptedException
        import time
        outcome = []
        def sleeper():
            try:
                time.sleep(30)
            except InterruptedException:
                outcome.append("interrupted")
        t = system.util.invokeAsynchronous(sleeper)
        for _ in range(5000):
            if str(t.getState()) == "TIMED_WAITING":
                break
            Thread.sleep(1)
        t.interrupt()
        t.join(5000)
        assert outcome == ["interrupted"], outcome
        assert not t.alive
        """,
    )
    assert sim.wait_idle(5)
    assert sim.errors.reports() == []


def test_join_with_timeout_returns_while_the_task_still_runs(
    sim: Simulation, client: ClientSession
) -> None:
    release = threading.Event()
    t = client.scope.system.util.invokeAsynchronous(lambda: release.wait(10))
    started = time.monotonic()
    t.join(50)
    assert time.monotonic() - started >= 0.045
    assert t.isAlive()
    release.set()
    assert sim.wait_idle(5)


def test_running_scripts_registry_lists_tasks_until_they_end(
    qtbot: QtBot, sim: Simulation, client: ClientSession
) -> None:
    release = threading.Event()
    t = client.scope.system.util.invokeAsynchronous(
        lambda: release.wait(10), description="Load orders"
    )
    [task] = client.workers.running()
    assert (task.id, task.description) == (t.getId(), "Load orders")
    assert task.started_at <= time.time()
    qtbot.waitUntil(lambda: task.elapsed > 0)
    release.set()
    assert sim.wait_idle(5)
    assert client.workers.running() == []


def test_terminate_interrupts_cooperatively_and_is_no_error(
    sim: Simulation, client: ClientSession
) -> None:
    run(
        client,
        """
        import time
        def poll():
            while True:
                time.sleep(0.01)
        system.util.invokeAsynchronous(poll, description="poller")
        """,
    )
    [task] = client.workers.running()
    assert client.workers.terminate(task.id)
    assert sim.wait_idle(5)
    assert client.workers.running() == []
    assert sim.errors.reports() == []


def test_uncaught_task_error_reaches_the_sink_with_the_start_stack(
    sim: Simulation, client: ClientSession
) -> None:
    run(
        client,
        """
        def work():
            raise ValueError("bad row")

        def start():
            system.util.invokeAsynchronous(work, description="import")

        start()
        """,
        name="Main/Root Container/Import.actionPerformed",
    )
    assert sim.wait_idle(5)
    [report] = sim.errors.reports()
    assert report.source == "invokeAsynchronous"
    assert (report.exc_type, report.message) == ("ValueError", "bad row")
    assert str(report.location) == "Main/Root Container/Import.actionPerformed, line 3"
    assert report.description == "import"
    assert report.scheduled_from is not None
    assert "line 6, in start" in report.scheduled_from
    assert "line 8, in <module>" in report.scheduled_from
    assert not report.handled
    assert sim.errors.unhandled_count == 1


def test_shutdown_with_20_running_tasks_ends_within_2_seconds(
    sim: Simulation, client: ClientSession
) -> None:
    run(
        client,
        """
        import time
        from java.lang import Thread
        def nap(i):
            if i % 2:
                time.sleep(60)
            else:
                Thread.sleep(60000)
        for i in range(20):
            system.util.invokeAsynchronous(nap, [i])
        """,
    )
    assert len(client.workers.running()) == 20
    started = time.monotonic()
    assert sim.shutdown(2.0)
    assert time.monotonic() - started < 2.0
    assert client.workers.running() == []
    assert sim.errors.reports() == []


def test_a_task_started_after_shutdown_is_refused(
    sim: Simulation, client: ClientSession
) -> None:
    assert sim.shutdown(2.0)
    with pytest.raises(RuntimeError, match="shutting down"):
        client.scope.system.util.invokeAsynchronous(print)
