"""What a hostile or buggy script must not do to the simulation."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEventLoop, QTimer

from tests.conftest import run
from visionsim.runtime import sources
from visionsim.runtime.context import RunInterrupted

if TYPE_CHECKING:
    from visionsim.runtime import ClientSession, Simulation


def test_sys_exit_in_a_script_is_an_error_not_an_exit(
    sim: Simulation, client: ClientSession
) -> None:
    assert not client.run_script("import sys\nsys.exit(0)\n", "Main/Quit")
    [report] = sim.errors.reports()
    assert report.exc_type == "SystemExit"


def test_system_exit_in_invoke_later_is_reported_and_the_queue_goes_on(
    sim: Simulation,
) -> None:
    ran: list[int] = []

    def leave() -> None:
        raise SystemExit(5)

    sim.dispatcher.post(leave)
    sim.dispatcher.post(lambda: ran.append(1))
    assert sim.wait_idle(5)
    assert ran == [1]
    assert [r.exc_type for r in sim.errors.reports()] == ["SystemExit"]


def test_ctrl_c_ending_the_run_inside_a_call_strands_nothing(sim: Simulation) -> None:
    ran: list[int] = []

    def interrupt() -> None:
        raise RunInterrupted

    sim.dispatcher.post(interrupt)
    sim.dispatcher.post(lambda: ran.append(1), 5)
    with pytest.raises(RunInterrupted):
        sim.dispatcher._drain()
    assert sim.wait_idle(5)
    assert ran == [1]


class Custom(BaseException):
    pass


@pytest.mark.parametrize("exc_type", [KeyboardInterrupt, GeneratorExit, Custom])
def test_any_base_exception_a_call_raises_is_reported(
    sim: Simulation, exc_type: type[BaseException]
) -> None:
    """A script's own KeyboardInterrupt is its error; it was lost (exit 0)."""
    ran: list[int] = []

    def leave() -> None:
        raise exc_type

    sim.dispatcher.post(leave)
    sim.dispatcher.post(lambda: ran.append(1))
    assert sim.wait_idle(5)
    assert ran == [1]
    assert [r.exc_type for r in sim.errors.reports()] == [exc_type.__name__]
    assert sim.errors.unhandled_count == 1


def test_a_custom_base_exception_in_a_script_is_reported(
    sim: Simulation, client: ClientSession
) -> None:
    source = "class Boom(BaseException):\n    pass\nraise Boom('x')\n"
    assert not client.run_script(source, "Main/Boom")
    [report] = sim.errors.reports()
    assert report.exc_type == "Boom"


class Unprintable(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no")


def test_an_exception_whose_str_raises_is_still_reported(sim: Simulation) -> None:
    def fail() -> None:
        raise Unprintable

    sim.dispatcher.post(fail)
    assert sim.wait_idle(5)
    [report] = sim.errors.reports()
    assert report.message == "<unprintable Unprintable object>"
    assert "Unprintable" in report.traceback


def test_a_failing_listener_does_not_break_the_script(
    sim: Simulation, client: ClientSession
) -> None:
    def broken(_line: object) -> None:
        raise BrokenPipeError

    sim.output.subscribe(broken)
    run(client, "print('still fine')")
    assert sim.output.history()[-1].text == "still fine\n"


def test_a_nested_event_loop_inside_a_call_does_not_break_the_drain(
    sim: Simulation,
) -> None:
    order: list[str] = []

    def modal() -> None:  # what a dialog's exec() does
        order.append("dialog opens")
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()
        order.append("dialog closed")

    sim.dispatcher.post(modal)
    for i in range(3):
        sim.dispatcher.post(lambda i=i: order.append(f"call {i}"))
    assert sim.wait_idle(5)
    assert order[0] == "dialog opens"
    assert sorted(order[1:]) == sorted(["dialog closed", "call 0", "call 1", "call 2"])
    assert [o for o in order if o.startswith("call")] == ["call 0", "call 1", "call 2"]
    assert sim.errors.reports() == []


@pytest.mark.parametrize("delay", [10**12, 2**40])
def test_huge_delays_are_accepted_and_stay_pending(
    sim: Simulation, client: ClientSession, delay: int
) -> None:
    client.scope.system.util.invokeLater(print, delay)
    assert not sim.wait_idle(0.05)
    assert sim.dispatcher.pending == 1


@pytest.mark.parametrize("delay", [float("inf"), float("nan")])
def test_non_finite_delays_are_rejected(client: ClientSession, delay: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        client.scope.system.util.invokeLater(print, delay)


def test_a_dict_is_not_an_args_list(client: ClientSession) -> None:
    with pytest.raises(TypeError, match="args must be a list or tuple"):
        client.scope.system.util.invokeAsynchronous(print, {"a": 1})


def test_java_thread_runnable_start_and_interrupted(
    sim: Simulation, client: ClientSession
) -> None:
    run(
        client,
        """
        from java.lang import Thread
        seen = []
        class Job(object):
            def run(self):
                seen.append(Thread.currentThread().getName())
        t = Thread(Job(), "job-thread")
        t.start()
        t.join(5000)
        assert seen == ["job-thread"], seen
        assert not t.isAlive()
        Thread.currentThread().interrupt()
        assert Thread.interrupted() is True
        assert Thread.interrupted() is False
        """,
    )
    assert sim.wait_idle(5)


def test_a_self_rescheduling_chain_keeps_origins_bounded(
    sim: Simulation, client: ClientSession
) -> None:
    depth: list[int] = []
    run(
        client,
        """
        from java.lang import Thread
        def hop(n):
            if n:
                system.util.invokeAsynchronous(hop, [n - 1])
            else:
                probe()
        system.util.invokeAsynchronous(hop, [200])
        """,
        extra={"probe": lambda: depth.append(len(sources.capture_origin(0)))},
    )
    assert sim.wait_idle(10)
    assert 0 < depth[0] <= 32


def test_plain_threads_a_script_starts_are_left_alone(
    sim: Simulation, client: ClientSession
) -> None:
    done = threading.Event()
    run(
        client,
        """
        import threading
        threading.Thread(target=done.set, daemon=True).start()
        """,
        extra={"done": done},
    )
    assert done.wait(5)
