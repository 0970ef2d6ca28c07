"""Counting outstanding simulated work, to know when the simulation is idle.

One counter covers queued and delayed invokeLater calls, running async tasks,
pending requests and queued handler messages. Work is added *before* it is
queued and marked done *after* it ran, so work that schedules more work never
lets the count touch zero in between: ``count == 0`` really means idle. The
lock protects the count and the listener list.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable


class Activity:
    """A thread-safe count of outstanding work with an idle notification."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._count = 0
        self._idle_listeners: list[Callable[[], None]] = []

    @property
    def count(self) -> int:
        """Outstanding work items. Thread: any."""
        return self._count

    @property
    def is_idle(self) -> bool:
        """Whether nothing is queued, delayed, running or pending. Thread: any."""
        return self._count == 0

    def add(self, n: int = 1) -> None:
        """Count ``n`` new work items. Thread: any."""
        with self._lock:
            self._count += n

    def done(self, n: int = 1) -> None:
        """Mark ``n`` work items finished; notify listeners on reaching zero.

        Thread: any (listeners run on the calling thread).
        """
        with self._lock:
            self._count -= n
            if self._count < 0:
                raise RuntimeError("activity count went negative")
            if self._count:
                return
            listeners = list(self._idle_listeners)
        for listener in listeners:
            listener()

    def on_idle(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` each time the count drops to zero. Thread: any."""
        with self._lock:
            self._idle_listeners.append(listener)
