"""The runtime's timer thread survives any deadline a script or project passes."""

from __future__ import annotations

import math
import threading
from typing import TYPE_CHECKING

import pytest

from visionsim.runtime import TimerThread

if TYPE_CHECKING:
    from collections.abc import Iterator

    from visionsim.runtime import ClientSession


@pytest.fixture
def timers() -> Iterator[TimerThread]:
    thread = TimerThread("test-timer")
    yield thread
    thread.stop()


@pytest.mark.parametrize("seconds", [1e10, 1e300, math.inf, math.nan])
def test_a_far_or_strange_deadline_does_not_kill_the_thread(
    timers: TimerThread, seconds: float
) -> None:
    """1e10 s once raised OverflowError in the thread; later timeouts never fired."""
    never = timers.call_later(seconds, lambda: None)
    fired = threading.Event()
    timers.call_later(0.01, fired.set)
    assert fired.wait(5)
    never.cancel()


def test_a_callback_raising_any_base_exception_keeps_the_thread(
    timers: TimerThread, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom() -> None:
        raise KeyboardInterrupt

    timers.call_later(0, boom)
    fired = threading.Event()
    timers.call_later(0.01, fired.set)
    assert fired.wait(5)


@pytest.mark.parametrize("value", [math.nan, math.inf, "nan", "inf"])
def test_request_timeouts_must_be_finite(client: ClientSession, value: object) -> None:
    util = client.scope.system.util
    with pytest.raises(ValueError, match="timeoutSec must be a finite number"):
        util.sendRequestAsync("ThreadingBasics", "x", timeoutSec=value)
