"""invokeLater's engine: deferral, order, delays, errors and GUI liveness."""

from __future__ import annotations

import itertools
import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

if TYPE_CHECKING:
    from visionsim.runtime import Simulation


def test_invoke_later_is_deferred_even_on_gui_thread(sim: Simulation) -> None:
    ran: list[str] = []
    sim.dispatcher.post(lambda: ran.append("later"))
    ran.append("after post")
    assert ran == ["after post"]
    assert sim.wait_idle(5)
    assert ran == ["after post", "later"]


def test_zero_delay_posts_run_in_fifo_order(sim: Simulation) -> None:
    order: list[int] = []
    for i in range(2000):
        sim.dispatcher.post(lambda i=i: order.append(i))
    assert sim.wait_idle(5)
    assert order == list(range(2000))


class _Relay(QObject):
    fired = Signal()  # ()


def test_call_posted_during_a_drain_runs_after_already_pending_events(
    sim: Simulation,
) -> None:
    """Swing's invokeLater queues behind events already pending: so do we."""
    order: list[str] = []
    relay = _Relay()
    relay.fired.connect(lambda: order.append("pending Qt event"), Qt.QueuedConnection)

    def first() -> None:
        order.append("first")
        relay.fired.emit()  # a Qt event now pending
        sim.dispatcher.post(lambda: order.append("posted from first"))

    sim.dispatcher.post(first)
    assert sim.wait_idle(5)
    assert order == ["first", "pending Qt event", "posted from first"]


def test_four_producers_lose_and_reorder_nothing(sim: Simulation) -> None:
    per_producer = 5000
    seen: dict[int, list[int]] = {p: [] for p in range(4)}
    start = threading.Event()

    def produce(p: int) -> None:
        start.wait()
        for i in range(per_producer):
            sim.dispatcher.post(lambda p=p, i=i: seen[p].append(i))

    producers = [threading.Thread(target=produce, args=(p,)) for p in range(4)]
    for t in producers:
        t.start()
    start.set()
    for t in producers:
        t.join()
    assert sim.wait_idle(10)
    for p in range(4):
        assert seen[p] == list(range(per_producer))


def test_posts_from_workers_run_on_the_gui_thread(sim: Simulation) -> None:
    threads: list[int] = []
    worker = threading.Thread(
        target=lambda: sim.dispatcher.post(
            lambda: threads.append(threading.get_ident())
        )
    )
    worker.start()
    worker.join()
    assert sim.wait_idle(5)
    assert threads == [threading.get_ident()]


def test_delayed_calls_never_run_early(sim: Simulation) -> None:
    late: list[tuple[float, float]] = []

    def post(delay_ms: float) -> None:
        posted = time.monotonic()
        sim.dispatcher.post(
            lambda: late.append((delay_ms, time.monotonic() - posted)), delay_ms
        )

    for delay in (1, 5, 12, 25, 40):
        post(delay)
    worker = threading.Thread(target=post, args=(30,))
    worker.start()
    worker.join()
    assert sim.wait_idle(5)
    assert len(late) == 6
    for delay_ms, waited in late:
        assert waited * 1000 >= delay_ms, f"{delay_ms} ms call ran after {waited}"


def test_delayed_calls_run_by_deadline_then_fifo(sim: Simulation) -> None:
    order: list[str] = []
    sim.dispatcher.post(lambda: order.append("50"), 50)
    sim.dispatcher.post(lambda: order.append("10"), 10)
    sim.dispatcher.post(lambda: order.append("30"), 30)
    sim.dispatcher.post(lambda: order.append("0"))
    assert sim.wait_idle(5)
    assert order == ["0", "10", "30", "50"]


def test_pending_counts_queued_and_delayed_calls(sim: Simulation) -> None:
    sim.dispatcher.post(lambda: None)
    sim.dispatcher.post(lambda: None, 20)
    assert sim.dispatcher.pending == 2
    assert not sim.is_idle()
    assert sim.wait_idle(5)
    assert sim.dispatcher.pending == 0


def test_a_failing_call_is_reported_and_the_queue_goes_on(sim: Simulation) -> None:
    ran: list[str] = []
    sim.dispatcher.post(lambda: 1 / 0)
    sim.dispatcher.post(lambda: ran.append("next"))
    assert sim.wait_idle(5)
    assert ran == ["next"]
    [report] = sim.errors.reports()
    assert report.source == "invokeLater"
    assert report.exc_type == "ZeroDivisionError"
    assert "ZeroDivisionError" in report.traceback


def test_a_flood_of_slow_calls_leaves_gui_timers_running(sim: Simulation) -> None:
    """The 5 ms drain budget: a 5 ms timer keeps ticking under 0.4 s of work."""
    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.PreciseTimer)
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))

    def busy_1ms() -> None:
        end = time.perf_counter() + 0.001
        while time.perf_counter() < end:
            pass

    timer.start()
    for _ in range(400):
        sim.dispatcher.post(busy_1ms)
    assert sim.wait_idle(10)
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 20
    # Generous sanity bound: without the budget the timer would stall ~400 ms.
    assert max(gaps) < 0.15
