"""Registry of user-script sources, and locating script lines in stacks.

Every user script is compiled under its own readable name (for example
``Main/Root Container/Start.actionPerformed``) and registered here, so that
tracebacks show its lines (via :mod:`linecache`) and every instrument (error
sink, thread guard, stall monitor) can say which script and line was running.
The registry is written when a script is compiled and read from any thread; a
dict assignment is atomic, so no lock is needed.
"""

from __future__ import annotations

import linecache
import os
import sys
import sysconfig
import traceback
from dataclasses import dataclass
from typing import TYPE_CHECKING

from visionsim.runtime import context

if TYPE_CHECKING:
    from types import CodeType, FrameType, TracebackType

_SCRIPTS: dict[str, str] = {}
_RUNTIME_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep
_ROOT = os.path.dirname(os.path.dirname(_RUNTIME_DIR)) + os.sep
#: visionsim's own code: left out of every stack a user reads.
_INTERNAL = (
    _RUNTIME_DIR,
    _ROOT + "app" + os.sep,
    _ROOT + "widgets" + os.sep,
    _ROOT + "main.py",
)
# Where a task was started is only worth the caller's own code: the frames of
# installed packages (pytest, pluggy…) and the standard library are noise.
# (and the console scripts: a user's CI starts pytest from venv/bin/pytest).
_LIBRARIES = tuple(
    {
        sysconfig.get_paths()[k] + os.sep
        for k in ("stdlib", "purelib", "platlib", "scripts")
    }
)
_MAX_ORIGIN = 32  # a self-rescheduling chain must not grow without bound
_MAX_FRAMES = 100  # innermost frames kept in reports (RecursionError: 1000s)

#: A captured stack: ``(code, line)`` pairs, innermost first. Cheap to take on
#: every post; formatted only when someone needs to read it.
Origin = tuple[tuple["CodeType", int], ...]

_ORIGIN_DEPTH = 8


@dataclass(frozen=True, slots=True)
class ScriptLocation:
    """A line in a user script."""

    script: str
    line: int

    def __str__(self) -> str:
        return f"{self.script}, line {self.line}"


def register(name: str, source: str) -> None:
    """Make ``source`` known under ``name`` for tracebacks and attribution.

    Thread: any.
    """
    _SCRIPTS[name] = source
    lines = source.splitlines(keepends=True)
    linecache.cache[name] = (len(source), None, lines, name)


def is_script(filename: str) -> bool:
    """Whether ``filename`` names a registered user script. Thread: any."""
    return filename in _SCRIPTS


def is_internal(filename: str) -> bool:
    """Whether ``filename`` is visionsim's own code. Thread: any."""
    return filename.startswith(_INTERNAL)


def capture_origin(skip: int = 1) -> Origin:
    """Capture the caller's stack cheaply, skipping runtime frames.

    When the caller runs in an async task, the stack where that task was
    started follows, so a report leads back to the event that began it all.

    Parameters
    ----------
    skip
        Frames to skip above this function (1 = the caller's caller).

    Thread: any.
    """
    frame: FrameType | None = sys._getframe(skip + 1)
    out: list[tuple[CodeType, int]] = []
    while frame is not None and len(out) < _ORIGIN_DEPTH:
        code = frame.f_code
        filename = code.co_filename
        if not filename.startswith(_INTERNAL) and not filename.startswith(_LIBRARIES):
            out.append((code, frame.f_lineno))
        frame = frame.f_back
    started_from = context.current().started_from
    if not started_from:
        return tuple(out)
    chain = tuple(out) + started_from
    if len(chain) > _MAX_ORIGIN:  # keep where it is now and where it all began
        half = _MAX_ORIGIN // 2
        chain = chain[:half] + chain[-half:]
    return chain


def origin_location(origin: Origin) -> ScriptLocation | None:
    """The innermost script line of a captured origin. Thread: any."""
    for code, line in origin:
        if code.co_filename in _SCRIPTS:
            return ScriptLocation(code.co_filename, line)
    return None


def format_origin(origin: Origin) -> str:
    """Format a captured origin like a traceback, outermost call first."""
    summary = traceback.StackSummary.from_list(
        [(c.co_filename, line, c.co_name, None) for c, line in reversed(origin)]
    )
    return "".join(summary.format())


def user_frames(tb: TracebackType | None) -> list[traceback.FrameSummary]:
    """The frames of a traceback that are not visionsim's runtime."""
    return [
        fs
        for fs in traceback.extract_tb(tb, limit=-_MAX_FRAMES)
        if not is_internal(fs.filename)
    ]


def traceback_location(tb: TracebackType | None) -> ScriptLocation | None:
    """The innermost script line of a traceback. Thread: any."""
    found: ScriptLocation | None = None
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name in _SCRIPTS:
            found = ScriptLocation(name, tb.tb_lineno)
        tb = tb.tb_next
    return found


def stack_location(frame: FrameType | None) -> ScriptLocation | None:
    """The innermost script line of a live stack. Thread: any."""
    while frame is not None:
        if frame.f_code.co_filename in _SCRIPTS:
            return ScriptLocation(frame.f_code.co_filename, frame.f_lineno)
        frame = frame.f_back
    return None


def format_stack(frame: FrameType | None, limit: int = 30) -> str:
    """Format a live stack without runtime frames, outermost call first."""
    summary = traceback.extract_stack(frame, limit=limit)
    kept = [fs for fs in summary if not is_internal(fs.filename)]
    return "".join(traceback.StackSummary.from_list(kept).format())
