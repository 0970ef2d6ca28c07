"""Script output: ``print`` from every simulated thread, in execution order.

Scripts get a ``print`` that writes one :class:`OutputLine` per call into an
:class:`OutputSink`. The sink stamps it with the simulated thread's name and
hands it to its listeners *while holding its lock*, so lines from different
threads reach stdout (headless) or the console (app) in the order they were
printed. A bounded history lets a console show what came before it opened.
"""

from __future__ import annotations

import builtins
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from visionsim.runtime import context
from visionsim.runtime.errors import notify

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TextIO

HISTORY = 5000


@dataclass(frozen=True, slots=True)
class OutputLine:
    """One ``print`` call's text (including its ``end``)."""

    timestamp: float
    thread: str
    scope: str
    text: str
    is_error: bool = False
    #: A logger's line (gateway loggers go to stderr in headless runs).
    is_log: bool = False


class OutputSink:
    """Ordered fan-out of script output to listeners. Thread: any."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._history: deque[OutputLine] = deque(maxlen=HISTORY)
        self._listeners: list[Callable[[OutputLine], None]] = []

    def subscribe(self, listener: Callable[[OutputLine], None]) -> None:
        """Call ``listener(line)`` for every line, in order. Thread: any."""
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[OutputLine], None]) -> None:
        """Stop calling ``listener``. Thread: any."""
        with self._lock:
            self._listeners.remove(listener)

    def history(self) -> list[OutputLine]:
        """The most recent lines, oldest first. Thread: any."""
        with self._lock:
            return list(self._history)

    def write(
        self,
        text: str,
        *,
        is_error: bool = False,
        scope: str | None = None,
        is_log: bool = False,
    ) -> None:
        """Write ``text`` as the current simulated thread. Thread: any.

        ``scope`` overrides the thread's scope (a gateway logger's pane).
        """
        ctx = context.current()
        line = OutputLine(
            time.time(), ctx.thread_name, scope or ctx.scope, text, is_error, is_log
        )
        with self._lock:
            self._history.append(line)
            notify(self._listeners, line)


def make_print(sink: OutputSink) -> Callable[..., None]:
    """A ``print`` for script namespaces that writes into ``sink``."""

    def script_print(
        *values: object,
        sep: str | None = " ",
        end: str | None = "\n",
        file: TextIO | None = None,
        flush: bool = False,
    ) -> None:
        if file is not None:
            builtins.print(*values, sep=sep, end=end, file=file, flush=flush)
            return
        sep = " " if sep is None else sep
        end = "\n" if end is None else end
        sink.write(sep.join(map(str, values)) + end)

    script_print.__name__ = "print"
    return script_print
