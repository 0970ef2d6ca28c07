"""Per-thread execution context: which simulated thread is running, and why.

The GUI thread, each ``invokeAsynchronous`` task and each gateway thread bind an
:class:`ExecContext` to the OS thread that runs them. The instruments read it to
name the thread, its ``description``, the timeline lane, and the stack where an
async task was started. The binding lives in a :class:`threading.local`, so
each thread only ever sees its own.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from visionsim.runtime.sources import Origin

GUI_THREAD_NAME = "AWT-EventQueue-0"
CLIENT = "client"
GATEWAY = "gateway"


class RunInterrupted(KeyboardInterrupt):
    """Ctrl+C (or SIGTERM) ending a run while a script holds the GUI thread.

    Raised into the script by the runner's signal handler. Every place that
    runs user code reports whatever the code raises, ``BaseException``
    included (a script's own ``KeyboardInterrupt`` is its error), but lets
    this one through so it ends the run.
    """


class Flag:
    """A set/clear/wait flag: ``threading.Event``'s API at a fraction of its cost.

    An Event is a Condition over a Lock (about 2 us to create); this is two
    bare locks (about 0.2 us), which matters because every async task needs
    two (done, interrupted). ``_gate`` is held while the flag is down, so
    waiting is a timed acquire; ``_mutex`` serialises set and clear.
    """

    __slots__ = ("_gate", "_is_set", "_mutex")

    def __init__(self) -> None:
        self._is_set = False
        self._gate = threading.Lock()
        self._gate.acquire()
        self._mutex = threading.Lock()

    def is_set(self) -> bool:
        """Whether the flag is up. Thread: any."""
        return self._is_set

    def set(self) -> None:
        """Raise the flag and wake every waiter. Thread: any."""
        with self._mutex:
            if not self._is_set:
                self._is_set = True
                self._gate.release()

    def clear(self) -> None:
        """Lower the flag. Thread: any."""
        with self._mutex:
            if self._is_set:
                self._gate.acquire()
                self._is_set = False

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the flag is up or ``timeout`` s pass; returns the flag."""
        if self._is_set:
            return True
        if timeout is None:
            got = self._gate.acquire()
        elif timeout <= 0:
            got = self._gate.acquire(blocking=False)
        elif timeout >= threading.TIMEOUT_MAX or timeout != timeout:  # or NaN
            got = self._gate.acquire()  # as good as forever, and no OverflowError
        else:
            got = self._gate.acquire(timeout=timeout)
        if got:
            self._gate.release()  # let the next waiter through
        return got or self._is_set


@dataclass(slots=True)
class ExecContext:
    """What a thread is, for the simulation.

    Parameters
    ----------
    lane
        Timeline lane id (unique per simulated thread).
    thread_name
        The name scripts see (``Thread.currentThread().getName()``).
    scope
        ``"client"`` or ``"gateway"``.
    description
        ``invokeAsynchronous``'s description, if any.
    started_from
        Where the async task was started, if this is one.
    """

    lane: int
    thread_name: str
    scope: str
    description: str | None = None
    started_from: Origin | None = None
    interrupted: Flag = field(default_factory=Flag)
    #: Set when the simulation stops this thread: the InterruptedException
    #: that follows is the stop working, not a script error.
    terminated: bool = False


#: Holds ``.ctx`` per thread; hot paths read it directly instead of calling
#: :func:`current`.
thread_local = threading.local()


def current() -> ExecContext:
    """The calling thread's context; unknown threads get a generic one.

    Thread: any.
    """
    try:
        ctx: ExecContext = thread_local.ctx
    except AttributeError:
        thread = threading.current_thread()
        ctx = ExecContext(threading.get_ident(), thread.name, "unknown")
        thread_local.ctx = ctx
    return ctx


_bound: dict[int, ExecContext] = {}


def bind(ctx: ExecContext | None) -> None:
    """Bind ``ctx`` to the calling thread (``None`` unbinds). Thread: any."""
    ident = threading.get_ident()
    if ctx is None:
        thread_local.__dict__.pop("ctx", None)
        _bound.pop(ident, None)
    else:
        thread_local.ctx = ctx
        _bound[ident] = ctx


def bound_names() -> dict[int, str]:
    """Simulated thread names by OS thread id, for thread dumps. Thread: any."""
    return {ident: ctx.thread_name for ident, ctx in list(_bound.items())}
