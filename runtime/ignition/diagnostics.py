"""What ``system.util.getSessionInfo`` and ``system.util.threadDump`` return.

Pure functions over plain inputs, so the ``system.util`` wrappers only gather
the sessions or threads and call them:

- :func:`session_info` builds the six-column dataset of
  reference/ignition-semantics.md section 10.6 from session objects.
- :func:`collect_threads` snapshots every Python thread's stack, naming each
  by its simulated thread; :func:`thread_dump` renders such a snapshot as a
  Java-style dump in which the GUI thread is ``AWT-EventQueue-0``.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from typing import TYPE_CHECKING, Protocol

from visionsim.runtime import sources
from visionsim.runtime.context import GUI_THREAD_NAME
from visionsim.runtime.dataset import Dataset, PyDataSet, to_py_dataset
from visionsim.runtime.jython.java.dates import Date
from visionsim.runtime.jython.java.thread import ThreadState

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from datetime import datetime
    from types import FrameType

SESSION_COLUMNS = (
    "username",
    "project",
    "address",
    "isDesigner",
    "clientId",
    "creationTime",
)
#: Frames shown per thread; deeper stacks end in a "... N more" line.
MAX_FRAMES = 64

#: One thread of a dump: (name, ``java.lang.Thread.State`` name, stack text).
ThreadInfo = tuple[str, str, str]

# Best-effort state from a thread's innermost Python frame: a thread blocked
# in C (lock.acquire, time.sleep) shows the Python function that called it.
_SLEEPING = frozenset({"sleep", "interruptible_sleep", "sleep_seconds"})
_WAITING = frozenset(
    {"wait", "acquire", "join", "_wait_for_tstate_lock", "get", "select", "poll"}
)


class SessionLike(Protocol):
    """What :func:`session_info` reads from each session."""

    @property
    def user_name(self) -> str: ...  # noqa: D102

    @property
    def project_name(self) -> str: ...  # noqa: D102

    @property
    def host_name(self) -> str: ...  # noqa: D102

    @property
    def client_id(self) -> str: ...  # noqa: D102

    @property
    def created_at(self) -> datetime: ...  # noqa: D102


def session_info(
    sessions: Iterable[SessionLike],
    username_filter: str | None = None,
    project_filter: str | None = None,
) -> PyDataSet:
    """The sessions as Ignition's ``getSessionInfo`` dataset.

    Columns are exactly ``username, project, address, isDesigner, clientId,
    creationTime`` (a Date); ``address`` is the host name and ``isDesigner`` is always
    False (the simulator has no Designer sessions). Rows keep the input order.

    Parameters
    ----------
    sessions
        The client sessions, each with ``user_name``, ``project_name``,
        ``host_name``, ``client_id`` and ``created_at`` (a datetime).
    username_filter, project_filter
        Regular expressions that must match the *whole* user or project name
        (``re.fullmatch``, like Java's ``String.matches``): ``"adm.*"`` keeps
        ``admin``, ``"adm"`` does not. ``None`` or ``""`` keeps every session.

    Raises
    ------
    TypeError
        A filter is neither a string nor None.
    ValueError
        A filter is not a valid regular expression.

    Thread: any.
    """
    user_re = _pattern("usernameFilter", username_filter)
    project_re = _pattern("projectFilter", project_filter)
    rows = [
        (
            s.user_name,
            s.project_name,
            s.host_name,
            False,
            s.client_id,
            Date.from_datetime(s.created_at),  # a java.util.Date, as in Ignition
        )
        for s in sessions
        if (user_re is None or user_re.fullmatch(str(s.user_name)))
        and (project_re is None or project_re.fullmatch(str(s.project_name)))
    ]
    return to_py_dataset(Dataset(SESSION_COLUMNS, rows))


def thread_dump(threads: Iterable[ThreadInfo]) -> str:
    """A Java-style thread dump of ``threads``.

    Each thread is a ``(name, state, stack_text)`` tuple; ``stack_text`` has
    one frame per line, innermost first (as :func:`collect_threads` makes it),
    and each becomes an indented ``at ...`` line. A line starting with
    ``...`` (a truncation note) is kept as is. Example::

        "AWT-EventQueue-0"
           java.lang.Thread.State: RUNNABLE
                at onClick(Main/Button.actionPerformed:3)

    Thread: any.
    """
    python = ".".join(map(str, sys.version_info[:3]))
    out = [f"Full thread dump visionsim (Python {python}):", ""]
    for name, state, stack_text in threads:
        out.append(f'"{name}"')
        out.append(f"   java.lang.Thread.State: {state}")
        for line in stack_text.splitlines():
            frame = line.strip()
            if frame:
                out.append(f"\t{frame}" if frame.startswith("...") else f"\tat {frame}")
        out.append("")
    return "\n".join(out)


def collect_threads(
    gui_ident: int, contexts: Mapping[int, str], *, hide_internal: bool = False
) -> list[ThreadInfo]:
    """Snapshot every Python thread's stack for :func:`thread_dump`.

    Parameters
    ----------
    gui_ident
        ``threading.get_ident()`` of the GUI thread; it is named
        ``AWT-EventQueue-0`` and listed first.
    contexts
        OS thread ident -> simulated thread name (what scripts see from
        ``Thread.currentThread().getName()``), for every thread bound to a
        simulated one. These follow the GUI thread in mapping order; other
        Python threads follow, sorted by their ``threading`` name.
    hide_internal
        Leave out visionsim's own frames (``runtime/``, ``app/``,
        ``widgets/``), keeping script and library frames.

    Returns
    -------
    list[ThreadInfo]
        ``(name, state, stack_text)`` per thread. Frames read
        ``function(file:line)``, innermost first; a script frame keeps its
        full script name, other files their base name. The calling thread is
        ``RUNNABLE``; for the others the state is a guess from the innermost
        frame (``TIMED_WAITING`` in a sleep, ``WAITING`` in a wait, lock
        acquire, join or queue get, else ``RUNNABLE``).

    Thread: any.
    """
    frames = sys._current_frames()
    py_names = {t.ident: t.name for t in threading.enumerate()}
    me = threading.get_ident()
    known = [i for i in contexts if i in frames and i != gui_ident]
    others = sorted(
        (i for i in frames if i != gui_ident and i not in contexts),
        key=lambda i: (py_names.get(i, ""), i),
    )
    order = ([gui_ident] if gui_ident in frames else []) + known + others
    out: list[ThreadInfo] = []
    for ident in order:
        if ident == gui_ident:
            name = GUI_THREAD_NAME
        else:
            name = contexts.get(ident) or py_names.get(ident) or f"Thread-{ident}"
        frame = frames[ident]
        state = ThreadState.RUNNABLE if ident == me else _guess_state(frame)
        out.append((name, state.value, _stack_text(frame, hide_internal)))
    del frames  # frames pin every local of every thread
    return out


def _pattern(name: str, value: str | None) -> re.Pattern[str] | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise TypeError(
            f"getSessionInfo(): {name} must be a string, not {type(value).__name__}"
        )
    try:
        return re.compile(value)
    except re.error as exc:
        raise ValueError(
            f"getSessionInfo(): {name} {value!r} is not a valid regex: {exc}"
        ) from None


def _guess_state(frame: FrameType) -> ThreadState:
    name = frame.f_code.co_name
    if name in _SLEEPING:
        return ThreadState.TIMED_WAITING
    if name in _WAITING:
        return ThreadState.WAITING
    return ThreadState.RUNNABLE


def _stack_text(frame: FrameType | None, hide_internal: bool) -> str:
    lines: list[str] = []
    skipped = 0
    while frame is not None:
        code = frame.f_code
        if hide_internal and sources.is_internal(code.co_filename):
            pass
        elif len(lines) < MAX_FRAMES:
            lines.append(f"{code.co_qualname}({_where(frame)})")
        else:
            skipped += 1
        frame = frame.f_back
    if skipped:
        lines.append(f"... {skipped} more")
    return "\n".join(lines)


def _where(frame: FrameType) -> str:
    filename = frame.f_code.co_filename
    label = filename if sources.is_script(filename) else os.path.basename(filename)
    line = frame.f_lineno
    return label if line is None else f"{label}:{line}"
