"""sendRequest, sendRequestAsync and the Request handle."""

from __future__ import annotations

import gc
import threading
import time
from typing import TYPE_CHECKING

import pytest

from tests.conftest import run
from visionsim.runtime.jython.java.errors import (
    CancellationException,
    HandlerError,
    MessageHandlerException,
    TimeoutException,
)
from visionsim.runtime.requests import PendingRequest

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Project, Simulation

GATEWAY = """
messageHandlers:
  echo:
    script: |
      return payload
  fail:
    script: |
      x = payload.get("x", 0)
      return 1 / x
  slow:
    threading: Dedicated
    script: |
      import time
      time.sleep(payload.get("s", 0.3))
      return "late"
  whoami:
    script: |
      from java.lang import Thread
      return Thread.currentThread().getName()
"""


@pytest.fixture
def client(sim: Simulation, make_project: Callable[..., Project]) -> ClientSession:
    return sim.open_project(make_project(gateway_events=GATEWAY))


def test_send_request_returns_the_handler_value(client: ClientSession) -> None:
    util = client.scope.system.util
    assert util.sendRequest("Proj", "echo", {"a": [1, 2]}) == {"a": [1, 2]}
    assert util.sendRequest("Proj", "whoami").startswith("gateway-local-shared-")


def test_send_request_errors_are_distinct_and_catchable(
    sim: Simulation, client: ClientSession
) -> None:
    run(
        client,
        """
        import java
        from java.util.concurrent import TimeoutException
        from com.inductiveautomation.ignition.common.script.message import (
            MessageHandlerException)
        caught = []
        for project, handler in (("Proj", "nope"), ("Nope", "echo")):
            try:
                system.util.sendRequest(project, handler)
            except MessageHandlerException as e:
                caught.append(type(e).__name__)
        try:
            system.util.sendRequest("Proj", "slow", {"s": 0.3}, timeoutSec=0.05)
        except TimeoutException as e:
            caught.append("timeout")
        try:
            system.util.sendRequest("Proj", "fail")
        except java.lang.Exception as e:
            caught.append(str(e))
        assert caught[:3] == ["MessageHandlerException"] * 2 + ["timeout"], caught
        assert "Proj/gateway-events/messageHandlers/fail" in caught[3], caught
        assert "ZeroDivisionError" in caught[3], caught
        """,
    )
    assert sim.wait_idle(5)


def test_handler_error_carries_the_handler_traceback(client: ClientSession) -> None:
    with pytest.raises(HandlerError) as info:
        client.scope.system.util.sendRequest("Proj", "fail")
    error = info.value
    assert isinstance(error.__cause__, ZeroDivisionError)
    assert 'File "Proj/gateway-events/messageHandlers/fail", line 2' in (
        error.handler_traceback
    )


def test_send_request_on_the_gui_thread_is_a_blocking_wait(
    sim: Simulation, client: ClientSession
) -> None:
    run(client, 'system.util.sendRequest("Proj", "slow", {"s": 0.15})', "Main/Go")
    [report] = sim.stall.reports()
    assert report.kind == "blocking wait (sendRequest)"
    assert report.subject == "Main/Go"


def test_async_returns_at_once_and_calls_back_on_the_gui_thread(
    qtbot: QtBot, sim: Simulation, client: ClientSession
) -> None:
    seen: list[tuple[object, bool]] = []
    request = client.scope.system.util.sendRequestAsync(
        "Proj",
        "echo",
        {"v": 1},
        onSuccess=lambda v: seen.append((v, sim.dispatcher.is_gui_thread())),
    )
    assert seen == []
    assert request.get() == {"v": 1}
    assert request.block() is True
    assert request.getError() is None
    assert sim.wait_idle(5)
    assert seen == [({"v": 1}, True)]


def test_block_and_get_error_report_a_failure(
    sim: Simulation, client: ClientSession
) -> None:
    request = client.scope.system.util.sendRequestAsync("Proj", "fail")
    assert request.block() is False
    assert isinstance(request.getError(), HandlerError)
    with pytest.raises(HandlerError):
        request.get()
    assert sim.wait_idle(5)
    assert sim.bus.flush_unobserved() == []  # it was observed


def test_cancel_delivers_cancellation_to_on_error(
    sim: Simulation, client: ClientSession
) -> None:
    errors: list[object] = []
    request = client.scope.system.util.sendRequestAsync(
        "Proj", "slow", {"s": 0.2}, onError=errors.append
    )
    request.cancel()
    assert isinstance(request.getError(), CancellationException)
    with pytest.raises(CancellationException):
        request.get()
    assert sim.wait_idle(5)  # the handler still ran; its result was discarded
    assert len(errors) == 1
    assert isinstance(errors[0], CancellationException)
    late = [e for e in sim.tracer.events() if e.name.startswith("discarded late")]
    assert len(late) == 1


def test_callbacks_set_after_completion_still_run_once(
    sim: Simulation, client: ClientSession
) -> None:
    first: list[object] = []
    second: list[object] = []
    request = client.scope.system.util.sendRequestAsync("Proj", "echo", {"n": 1})
    request.get()
    request.onSuccess(first.append)
    request.onError(second.append)  # success: never runs
    assert first == []  # deferred, even though already complete
    assert sim.wait_idle(5)
    assert first == [{"n": 1}]
    assert second == []


def test_on_success_replaces_the_callback_before_completion(
    sim: Simulation, client: ClientSession
) -> None:
    calls: list[str] = []
    request = client.scope.system.util.sendRequestAsync(
        "Proj", "slow", {"s": 0.05}, onSuccess=lambda v: calls.append("old")
    )
    request.onSuccess(lambda v: calls.append("new"))
    assert sim.wait_idle(5)
    assert calls == ["new"]


def test_get_on_a_blocked_gui_thread_still_times_out(
    sim: Simulation, client: ClientSession
) -> None:
    request = client.scope.system.util.sendRequestAsync(
        "Proj", "slow", {"s": 0.4}, timeoutSec=0.2
    )
    started = time.monotonic()
    with pytest.raises(TimeoutException):
        request.get()  # the GUI thread blocks here; no GUI timer can fire
    assert 0.1 <= time.monotonic() - started <= 0.3
    assert sim.wait_idle(5)


@pytest.mark.parametrize("timeout_s", [0.1, 0.25, 0.5])
def test_timeouts_fire_within_100_ms(client: ClientSession, timeout_s: float) -> None:
    request = client.scope.system.util.sendRequestAsync(
        "Proj", "slow", {"s": 2}, timeoutSec=timeout_s
    )
    started = time.monotonic()
    assert isinstance(request.getError(), TimeoutException)
    assert abs(time.monotonic() - started - timeout_s) <= 0.1


def test_default_timeout_comes_from_the_simulation(
    sim: Simulation, client: ClientSession
) -> None:
    sim.request_timeout_s = 0.1
    with pytest.raises(TimeoutException, match=r"after 0\.1 s"):
        client.scope.system.util.sendRequest("Proj", "slow", {"s": 1})


def test_an_error_nobody_observed_is_reported(
    sim: Simulation, client: ClientSession
) -> None:
    client.scope.system.util.sendRequestAsync("Proj", "fail")
    handled = client.scope.system.util.sendRequestAsync("Proj", "fail", onError=print)
    assert sim.wait_idle(5)
    assert handled is not None
    [report] = sim.bus.flush_unobserved()
    assert "unobserved" in report.source
    assert report.exc_type == "HandlerError"
    assert str(report.location) == "Proj/gateway-events/messageHandlers/fail, line 2"
    assert sim.errors.unhandled_count == 1


def test_gateway_scope_callbacks_run_on_a_gateway_thread(
    sim: Simulation, client: ClientSession
) -> None:
    names: list[str] = []
    sim.gateway.scopes["Proj"].builtins["names"] = names
    sim.gateway.run_script(
        "Proj",
        """
from java.lang import Thread
def done(value):
    names.append(Thread.currentThread().getName())
system.util.sendRequestAsync("Proj", "echo", onSuccess=done)
""",
        "gw.py",
    )
    assert sim.wait_idle(5)
    assert names == ["gateway-local-callbacks-1"]


def test_idle_waits_for_pending_requests_and_queued_handlers(
    sim: Simulation, client: ClientSession
) -> None:
    done: list[object] = []
    client.scope.system.util.sendRequestAsync(
        "Proj", "slow", {"s": 0.1}, onSuccess=done.append
    )
    assert not sim.is_idle()
    assert sim.wait_idle(5)
    assert done == ["late"]


def test_request_life_cycle_is_on_the_timeline(
    sim: Simulation, client: ClientSession
) -> None:
    client.scope.system.util.sendRequestAsync("Proj", "echo", onSuccess=print)
    assert sim.wait_idle(5)
    events = sim.tracer.events()
    names = [(e.category, e.phase, e.name) for e in events]
    assert ("request", "i", "sent Proj/echo") in names
    assert ("handler", "B", "Proj/gateway-events/messageHandlers/echo") in names
    assert ("request", "X", "Proj/echo (succeeded)") in names
    assert any(c == "onSuccess" and p == "X" for c, p, _ in names)
    [start] = [e for e in events if e.category == "handler" and e.phase == "B"]
    assert start.args is not None
    assert "queued_ms" in start.args


def test_no_growth_in_live_requests_after_100k(
    sim: Simulation, client: ClientSession
) -> None:
    send = client.scope.system.util.sendRequestAsync
    sim.tracer.enabled = False

    def live() -> int:
        gc.collect()
        return sum(isinstance(o, PendingRequest) for o in gc.get_objects())

    before = live()
    for batch in range(20):
        for _ in range(5_000):
            send("Proj", "echo")
        assert sim.wait_idle(30), f"batch {batch} did not drain"
    assert live() - before < 100


def test_unknown_remote_gateway_is_the_requests_error(client: ClientSession) -> None:
    """The client cannot know the Gateway Network; the gateway answers."""
    util = client.scope.system.util
    request = util.sendRequestAsync("Proj", "echo", remoteServer="Nowhere")
    with pytest.raises(ValueError, match="No gateway named 'Nowhere'"):
        request.get()
    with pytest.raises(ValueError, match="No gateway named 'Nowhere'"):
        util.sendRequest("Proj", "echo", remoteServer="Nowhere")
    with pytest.raises(ValueError, match="No gateway named 'Nowhere'"):
        util.sendMessage("Proj", "echo", remoteServers=["Nowhere"])


def test_many_threads_can_wait_on_one_request(
    sim: Simulation, client: ClientSession
) -> None:
    request = client.scope.system.util.sendRequestAsync("Proj", "slow", {"s": 0.05})
    results: list[object] = []
    waiters = [
        threading.Thread(target=lambda: results.append(request.get())) for _ in range(8)
    ]
    for waiter in waiters:
        waiter.start()
    for waiter in waiters:
        waiter.join(5)
    assert results == ["late"] * 8
    assert sim.wait_idle(5)


def test_request_exception_names_are_java_names() -> None:
    assert TimeoutException.__module__ == "java.util.concurrent"
    assert MessageHandlerException.__module__.endswith("script.message")


def test_a_huge_timeout_leaves_later_timeouts_working(client: ClientSession) -> None:
    """A timeoutSec of 1e10 once killed the timer thread: 0.2 s took 1.5 s."""
    util = client.scope.system.util
    util.sendRequestAsync("Proj", "slow", {"s": 0.5}, timeoutSec=1e10)
    request = util.sendRequestAsync("Proj", "slow", {"s": 2}, timeoutSec=0.2)
    started = time.monotonic()
    with pytest.raises(TimeoutException):
        request.get()
    assert time.monotonic() - started < 1.0
