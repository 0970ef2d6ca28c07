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
    from runtime.sources import Origin

GUI_THREAD_NAME = "AWT-EventQueue-0"
CLIENT = "client"
GATEWAY = "gateway"


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
    interrupted: threading.Event = field(default_factory=threading.Event)


_local = threading.local()


def current() -> ExecContext:
    """The calling thread's context; unknown threads get a generic one.

    Thread: any.
    """
    try:
        ctx: ExecContext = _local.ctx
    except AttributeError:
        thread = threading.current_thread()
        ctx = ExecContext(threading.get_ident(), thread.name, "unknown")
        _local.ctx = ctx
    return ctx


def bind(ctx: ExecContext | None) -> None:
    """Bind ``ctx`` to the calling thread (``None`` unbinds). Thread: any."""
    if ctx is None:
        _local.__dict__.pop("ctx", None)
    else:
        _local.ctx = ctx
