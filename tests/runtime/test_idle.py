"""Idle detection: nothing queued, delayed, running or pending."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.conftest import run

if TYPE_CHECKING:
    import pytest
    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Simulation

CHAIN = """
import time
steps = []
def step4():
    steps.append("delayed later")
def step3():
    time.sleep(0.05)
    steps.append("async 2")
    system.util.invokeLater(step4, 80)
def step2():
    steps.append("later")
    system.util.invokeAsynchronous(step3)
def step1():
    time.sleep(0.05)
    steps.append("async 1")
    system.util.invokeLater(step2)
system.util.invokeAsynchronous(step1)
"""


def test_idle_waits_for_async_later_async_delayed_later_chain(
    sim: Simulation, client: ClientSession
) -> None:
    steps: list[str] = []
    run(client, CHAIN.replace("steps = []", ""), extra={"steps": steps})
    assert not sim.is_idle()
    assert sim.wait_idle(5)
    assert steps == ["async 1", "later", "async 2", "delayed later"]


def test_idle_signal_fires_once_the_chain_is_done(
    qtbot: QtBot, sim: Simulation, client: ClientSession
) -> None:
    steps: list[str] = []
    with qtbot.waitSignal(sim.idle_reached, timeout=5000):
        run(client, CHAIN.replace("steps = []", ""), extra={"steps": steps})
    assert steps[-1] == "delayed later"


def test_a_fresh_simulation_is_idle(sim: Simulation, client: ClientSession) -> None:
    assert sim.is_idle()
    assert sim.wait_idle(0)


def test_wait_idle_gives_up_at_the_timeout(sim: Simulation) -> None:
    sim.dispatcher.post(lambda: None, 10_000)
    assert not sim.wait_idle(0.05)
    assert sim.dispatcher.pending == 1


def test_an_interrupt_just_before_the_wait_ends_that_wait_only(
    sim: Simulation,
) -> None:
    import time

    sim.activity.add()  # outstanding work that will not finish by itself
    sim.interrupt_wait()  # Ctrl+C lands between the script and the wait
    started = time.monotonic()
    assert not sim.wait_idle(30)
    assert time.monotonic() - started < 10  # not the 30 s timeout
    sim.dispatcher.post(sim.activity.done, 20)  # the work ends in 20 ms
    assert sim.wait_idle(30)  # this wait is not cut short: it was one interrupt


def test_an_interrupt_just_before_the_loop_starts_ends_the_wait(
    sim: Simulation, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from PySide6.QtCore import QEventLoop

    import visionsim.runtime.simulation

    class LateLoop(QEventLoop):
        def exec(self) -> int:  # Ctrl+C lands after the check, before exec()
            sim.interrupt_wait()
            return super().exec()

    monkeypatch.setattr(visionsim.runtime.simulation, "QEventLoop", LateLoop)
    sim.activity.add()  # outstanding work that will not finish by itself
    started = time.monotonic()
    assert not sim.wait_idle(30)
    assert time.monotonic() - started < 10  # not the 30 s timeout
    sim.activity.done()


def test_shutdown_drops_delayed_calls_and_their_timer(sim: Simulation) -> None:
    ran: list[str] = []
    sim.dispatcher.post(lambda: ran.append("late"), 10_000)
    assert not sim.is_idle()
    assert sim.shutdown(2.0)
    assert sim.dispatcher.pending == 0
    assert sim.wait_idle(5)  # their activity is released with them
    sim.dispatcher.post(lambda: ran.append("after"), 5)  # the simulation is over
    assert sim.wait_idle(5)
    assert ran == []
