"""Counting outstanding simulated work, to know when the simulation is idle.

One counter covers queued and delayed invokeLater calls, running async tasks,
pending requests and queued handler messages. Work is added *before* it is
queued and marked done *after* it ran, so work that schedules more work never
lets the count touch zero in between: ``count == 0`` really means idle. The
count is a deque of tokens, one per item: ``append`` and ``pop`` are atomic
under the GIL, so adding and finishing take no lock (a lock here, taken by
every thread for every request and task, handed the GIL back and forth; see
bench/requests.py). The lock serialises adding listeners.
"""

from __future__ import annotations

import threading
from collections import deque
from itertools import repeat
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable


class Activity:
    """A thread-safe count of outstanding work with an idle notification."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tokens: deque[None] = deque()
        self._idle_listeners: tuple[Callable[[], None], ...] = ()

    @property
    def count(self) -> int:
        """Outstanding work items. Thread: any."""
        return len(self._tokens)

    @property
    def is_idle(self) -> bool:
        """Whether nothing is queued, delayed, running or pending. Thread: any."""
        return not self._tokens

    def add(self, n: int = 1) -> None:
        """Count ``n`` new work items. Thread: any."""
        if n == 1:
            self._tokens.append(None)
        else:
            self._tokens.extend(repeat(None, n))

    def done(self, n: int = 1) -> None:
        """Mark ``n`` work items finished; notify listeners on reaching zero.

        Thread: any (listeners run on the calling thread; two threads
        finishing the last items at once may both notify, and listeners
        check the count again).
        """
        tokens = self._tokens
        try:
            for _ in range(n):
                tokens.pop()
        except IndexError:
            raise RuntimeError("activity count went negative") from None
        if tokens:
            return
        for listener in self._idle_listeners:  # a tuple: replaced, never changed
            listener()

    def on_idle(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` each time the count drops to zero. Thread: any."""
        with self._lock:
            self._idle_listeners = (*self._idle_listeners, listener)
