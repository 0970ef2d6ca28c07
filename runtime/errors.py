"""The error sink: the one place every uncaught script error lands.

Async tasks, invokeLater calls, request callbacks, handlers and top-level
scripts all report here instead of letting an exception escape into Qt (where
it would be printed and lost). A report keeps the user-facing traceback
(runtime frames removed), the script and line that failed, the thread, and the
stack where the failing work was scheduled from. The lock protects the report
list and the listener list; listeners run on the reporting thread.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
import traceback
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from visionsim.runtime import context, sources

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from visionsim.runtime.sources import Origin, ScriptLocation

MAX_KEPT = 1000
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ErrorReport:
    """One uncaught error.

    Parameters
    ----------
    source
        What ran the failing code: ``"script"``, ``"invokeAsynchronous"``,
        ``"invokeLater"``, ``"onSuccess"``…
    location
        The innermost user-script line in the traceback, if any.
    exc_type, message
        The exception's class name and text.
    traceback
        The formatted traceback without visionsim's own frames.
    scheduled_from
        The formatted stack where the failing work was scheduled, if known.
    thread, description
        The simulated thread it failed on and its ``description``.
    handled
        ``False`` for errors nobody observed (they fail a headless run).
    """

    source: str
    location: ScriptLocation | None
    exc_type: str
    message: str
    traceback: str
    scheduled_from: str | None
    thread: str
    description: str | None
    timestamp: float
    handled: bool = False

    def format(self) -> str:
        """A readable multi-line report, like Ignition's error popup details."""
        where = f" in {self.location}" if self.location else ""
        head = f"Error in {self.source}{where} on thread {self.thread}"
        if self.description:
            head += f" ({self.description})"
        parts = [head, self.traceback.rstrip()]
        if self.scheduled_from:
            parts.append("Scheduled from:\n" + self.scheduled_from.rstrip())
        return "\n".join(parts) + "\n"


class ErrorSink:
    """Collects error reports and tells listeners. Thread: any."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._reports: deque[ErrorReport] = deque(maxlen=MAX_KEPT)
        self._unhandled = 0
        self._listeners: list[Callable[[ErrorReport], None]] = []

    @property
    def unhandled_count(self) -> int:
        """How many reported errors nobody observed. Thread: any."""
        return self._unhandled

    def reports(self) -> list[ErrorReport]:
        """The kept reports, oldest first. Thread: any."""
        with self._lock:
            return list(self._reports)

    def subscribe(self, listener: Callable[[ErrorReport], None]) -> None:
        """Call ``listener(report)`` for every new report. Thread: any."""
        with self._lock:
            self._listeners.append(listener)

    def report_exception(
        self,
        exc: BaseException,
        source: str,
        scheduled_from: Origin | str | None = None,
        *,
        handled: bool = False,
    ) -> ErrorReport:
        """Report ``exc`` (with its traceback) and return the report."""
        lines = _format_chain(exc)
        location = sources.traceback_location(exc.__traceback__)
        cause = exc.__cause__
        while location is None and cause is not None:  # e.g. a handler's error
            location = sources.traceback_location(cause.__traceback__)
            cause = cause.__cause__
        if location is None and isinstance(exc, SyntaxError) and exc.filename:
            location = sources.ScriptLocation(exc.filename, exc.lineno or 0)
        if isinstance(scheduled_from, tuple):
            scheduled_from = sources.format_origin(scheduled_from) or None
        ctx = context.current()
        report = ErrorReport(
            source=source,
            location=location,
            exc_type=type(exc).__name__,
            message=safe_str(exc),
            traceback="".join(lines),
            scheduled_from=scheduled_from,
            thread=ctx.thread_name,
            description=ctx.description,
            timestamp=time.time(),
            handled=handled,
        )
        self.add(report)
        return report

    def add(self, report: ErrorReport) -> None:
        """Record a ready-made report and notify listeners. Thread: any."""
        with self._lock:
            self._reports.append(report)
            if not report.handled:
                self._unhandled += 1
            listeners = list(self._listeners)
        notify(listeners, report)


def _format_chain(exc: BaseException) -> list[str]:
    """Format ``exc`` and its causes like Python does, without runtime frames."""
    chain = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__
    lines: list[str] = []
    for position, item in enumerate(reversed(chain)):
        if position:
            lines.append(
                "\nThe above exception was the direct cause of the following "
                "exception:\n\n"
            )
        frames = sources.user_frames(item.__traceback__)
        if frames:
            lines.append("Traceback (most recent call last):\n")
            lines += traceback.StackSummary.from_list(frames).format()
        try:
            lines += traceback.format_exception_only(type(item), item)
        except Exception:  # a __str__ that raises
            lines.append(f"{type(item).__name__}: {safe_str(item)}\n")
    return lines


def safe_str(value: object) -> str:
    """``str(value)``, or a placeholder when its ``__str__`` raises."""
    try:
        return str(value)
    except Exception:
        return f"<unprintable {type(value).__name__} object>"


def notify(listeners: Sequence[Callable[[T], object]], item: T) -> None:
    """Call each listener; one that raises is reported, never propagated.

    A broken console or a closed pipe must not turn into an error of the
    script whose output or error was being reported.
    """
    for listener in listeners:
        try:
            listener(item)
        except Exception as exc:  # pragma: no cover - last resort
            stream = sys.__stderr__
            if stream is not None:
                with contextlib.suppress(Exception):
                    stream.write(f"visionsim: a listener failed: {safe_str(exc)}\n")
