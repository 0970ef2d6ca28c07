"""The thread guard: catches GUI access from the wrong thread.

Qt never reports a widget touched from a worker thread (it just corrupts state
or crashes later), and neither does Swing. Every component property access,
component method, dialog and navigation call asks :meth:`ThreadGuard.check`
first: on the GUI thread that costs one thread-id comparison; anywhere else it
records a :class:`Violation` with the script line, the thread and its
``description``, the offending stack and the stack where the async task was
started. Identical violations (same access, same script line) are counted, not
repeated. Penalties combine, as in Android's StrictMode. The lock protects the
violation table and listener list.
"""

from __future__ import annotations

import enum
import sys
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from visionsim.runtime import context, sources
from visionsim.runtime.errors import notify

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime.sources import ScriptLocation
    from visionsim.runtime.trace import Tracer


class Penalty(enum.Flag):
    """What a violation does: log it, raise in the script, call listeners."""

    NONE = 0
    LOG = enum.auto()
    RAISE = enum.auto()
    CALLBACK = enum.auto()


class ThreadViolationError(RuntimeError):
    """Raised in the offending script under :attr:`Penalty.RAISE`."""


@dataclass(eq=False, slots=True)
class Violation:
    """GUI access from a non-GUI thread (one row per access and script line)."""

    what: str
    location: ScriptLocation | None
    thread: str
    description: str | None
    stack: str
    started_from: str | None
    count: int
    first_seen: float
    last_seen: float

    def format(self) -> str:
        """A readable report with both stacks."""
        where = f" in {self.location}" if self.location else ""
        thread = self.thread + (f" ({self.description})" if self.description else "")
        text = (
            f"Thread violation: {self.what}{where} from thread {thread}, "
            f"not the GUI thread ({context.GUI_THREAD_NAME})"
        )
        if self.count > 1:
            text += f" [{self.count} times]"
        text += "\n  Accessed at:\n" + _indent(self.stack)
        if self.started_from:
            text += "  Task started at:\n" + _indent(self.started_from)
        return text


class ThreadGuard:
    """Checks that GUI objects are only touched on the GUI thread.

    Create it on the GUI thread.

    Parameters
    ----------
    tracer
        The timeline; each violation is an instant on the offending lane.
    penalty
        The initial penalties (settable later).
    log
        Where :attr:`Penalty.LOG` writes the first report of each violation.
    """

    def __init__(
        self,
        tracer: Tracer,
        penalty: Penalty = Penalty.LOG | Penalty.CALLBACK,
        log: Callable[[str], None] | None = None,
    ) -> None:
        self.penalty = penalty
        self._gui_ident = threading.get_ident()
        self._tracer = tracer
        self._log = log or (lambda text: sys.stderr.write(text))
        self._lock = threading.Lock()
        self._table: dict[tuple[str, ScriptLocation | None], Violation] = {}
        self._listeners: list[Callable[[Violation], None]] = []

    def check(self, what: str) -> None:
        """Record a violation unless called on the GUI thread.

        ``what`` names the access, e.g. ``"Label.text write"``. Raises
        :class:`ThreadViolationError` under :attr:`Penalty.RAISE`.

        Thread: any.
        """
        if threading.get_ident() != self._gui_ident:
            self._violation(what, sys._getframe(1))

    def is_gui_thread(self) -> bool:
        """Whether the caller runs on the GUI thread. Thread: any."""
        return threading.get_ident() == self._gui_ident

    def violations(self) -> list[Violation]:
        """Every distinct violation so far, first seen first. Thread: any."""
        with self._lock:
            return list(self._table.values())

    @property
    def total(self) -> int:
        """All violations including repeats. Thread: any."""
        with self._lock:
            return sum(v.count for v in self._table.values())

    def subscribe(self, listener: Callable[[Violation], None]) -> None:
        """Under :attr:`Penalty.CALLBACK`, call ``listener`` on each occurrence."""
        with self._lock:
            self._listeners.append(listener)

    def clear(self) -> None:
        """Forget recorded violations. Thread: any."""
        with self._lock:
            self._table.clear()

    def _violation(self, what: str, frame: object) -> None:
        location = sources.stack_location(frame)  # type: ignore[arg-type]
        ctx = context.current()
        now = time.time()
        key = (what, location)
        with self._lock:
            found = self._table.get(key)
            if found is None:
                started = ctx.started_from
                found = Violation(
                    what=what,
                    location=location,
                    thread=ctx.thread_name,
                    description=ctx.description,
                    stack=sources.format_stack(frame),  # type: ignore[arg-type]
                    started_from=sources.format_origin(started) if started else None,
                    count=0,
                    first_seen=now,
                    last_seen=now,
                )
                self._table[key] = found
            found.count += 1
            found.last_seen = now
            first = found.count == 1
            listeners = list(self._listeners)
        self._tracer.record("i", ctx.lane, "violation", what, args={"where": location})
        penalty = self.penalty
        if first and Penalty.LOG in penalty:
            notify([self._log], found.format())
        if Penalty.CALLBACK in penalty:
            notify(listeners, found)
        if Penalty.RAISE in penalty:
            raise ThreadViolationError(found.format())


def _indent(text: str) -> str:
    return "".join("    " + line + "\n" for line in text.rstrip().splitlines())
