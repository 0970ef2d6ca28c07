"""Stress of the Request state machine from many threads (hypothesis)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from visionsim.runtime.jython.java.errors import CancellationException, TimeoutException
from visionsim.runtime.requests import PendingRequest, RequestState

if TYPE_CHECKING:
    from visionsim.runtime import Simulation

COMPLETIONS = ("succeed", "fail", "cancel", "timeout")
OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from((*COMPLETIONS, "on_success", "on_error", "get")),
        st.integers(min_value=0, max_value=3),  # which thread runs it
    ),
    min_size=1,
    max_size=12,
)
KIND = {
    "succeed": RequestState.SUCCEEDED,
    "fail": RequestState.FAILED,
    "timeout": RequestState.FAILED,
    "cancel": RequestState.CANCELLED,
}


class Probe:
    """Runs one example: concurrent operations on one request."""

    def __init__(self, sim: Simulation) -> None:
        self.sim = sim
        self.lock = threading.Lock()
        self.delivered: list[tuple[str, int, object, bool]] = []
        self.winners: list[str] = []
        self.registered: list[str] = []
        self.request = PendingRequest(
            "P/h", self.run_callback, sim.activity, sim.tracer, 1, lambda r: None
        )

    def run_callback(self, fn: object, argument: object, source: str) -> None:
        assert callable(fn)
        self.sim.dispatcher.post(lambda: fn(argument), source=source)

    def callback(self, kind: str, index: int) -> object:
        def record(argument: object) -> None:
            on_gui = self.sim.dispatcher.is_gui_thread()
            with self.lock:
                self.delivered.append((kind, index, argument, on_gui))

        return record

    def apply(self, index: int, op: str) -> None:
        request = self.request
        won = None
        if op == "succeed":
            won = request.succeed("value")
        elif op == "fail":
            won = request.fail(ValueError("boom"))
        elif op == "cancel":
            won = request.cancel()
        elif op == "timeout":
            won = request.time_out(1.0)
        elif op == "on_success":
            with self.lock:
                self.registered.append("success")
            request.on_success(self.callback("success", index))
        elif op == "on_error":
            with self.lock:
                self.registered.append("error")
            request.on_error(self.callback("error", index))
        else:  # a waiter racing the completion (bounded: never the last word)
            request.wait(0.02)
        if won:
            with self.lock:
                self.winners.append(op)


def _run(probe: Probe, ops: list[tuple[str, int]]) -> None:
    by_thread: dict[int, list[tuple[int, str]]] = {}
    for index, (op, thread) in enumerate(ops):
        by_thread.setdefault(thread, []).append((index, op))
    start = threading.Barrier(len(by_thread) + 1)

    def worker(items: list[tuple[int, str]]) -> None:
        start.wait(5)
        for index, op in items:
            probe.apply(index, op)

    threads = [threading.Thread(target=worker, args=(v,)) for v in by_thread.values()]
    for thread in threads:
        thread.start()
    start.wait(5)
    for thread in threads:
        thread.join(30)
        assert not thread.is_alive(), "an operation hung"
    if not probe.request.is_done:
        probe.request.cancel()  # no completion op in this example


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(ops=OPERATIONS)
def test_request_completes_once_and_calls_back_once_on_the_gui_thread(
    sim: Simulation, ops: list[tuple[str, int]]
) -> None:
    probe = Probe(sim)
    _run(probe, ops)
    assert sim.wait_idle(10)
    request = probe.request
    completions = [op for op, _ in ops if op in COMPLETIONS]
    # Exactly one completion took effect, and the state is that one's.
    if completions:
        assert len(probe.winners) == 1
        assert request.state is KIND[probe.winners[0]]
    else:
        assert request.state is RequestState.CANCELLED
    succeeded = request.state is RequestState.SUCCEEDED
    # Callbacks: on the GUI thread, of the outcome's kind, each at most once.
    kinds = {kind for kind, _, _, _ in probe.delivered}
    assert kinds <= ({"success"} if succeeded else {"error"})
    indexes = [index for _, index, _, _ in probe.delivered]
    assert len(indexes) == len(set(indexes))
    assert all(on_gui for *_, on_gui in probe.delivered)
    wanted = "success" if succeeded else "error"
    if wanted in probe.registered:
        assert probe.delivered, "a matching callback was set but none ran"
    # The blocking API agrees with the state.
    value, error = request.outcome()
    assert (error is None) == succeeded
    if succeeded:
        assert value == "value"
        assert all(arg == "value" for _, _, arg, _ in probe.delivered)
    else:
        assert all(arg is error for _, _, arg, _ in probe.delivered)
        if request.state is RequestState.CANCELLED:
            assert isinstance(error, CancellationException)
        elif probe.winners and probe.winners[0] == "timeout":
            assert isinstance(error, TimeoutException)
    assert sim.activity.is_idle
