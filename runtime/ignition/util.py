"""``system.util`` and ``system.vision``: the threading functions scripts call.

Names, parameter order and defaults follow Ignition
(reference/ignition-api-signatures.md), so positional and keyword calls bind
exactly as in a real client. Gateway scope gets :class:`GatewayUtil`, which has
no ``invokeLater`` and no ``getClientId`` (an ``AttributeError``, as in
Ignition); client scope gets :class:`ClientUtil`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from visionsim.runtime import context, sources
from visionsim.runtime.ignition.diagnostics import (
    collect_threads,
    session_info,
    thread_dump,
)
from visionsim.runtime.ignition.messaging import MessagingFunctions
from visionsim.runtime.ignition.util_services import ClientServices, UtilServices
from visionsim.runtime.jython.java.thread import JavaThread

if TYPE_CHECKING:
    from types import FrameType

    from visionsim.runtime.dataset import PyDataSet
    from visionsim.runtime.ignition.services import ScopeServices


class GatewayUtil(MessagingFunctions, UtilServices):
    """``system.util`` functions available in every scope."""

    def __init__(self, svc: ScopeServices) -> None:
        super().__init__(svc)
        self._svc = svc

    def invokeAsynchronous(
        self,
        function: Callable[..., object],
        args: Iterable[Any] | None = None,
        kwargs: Mapping[str, Any] | None = None,
        description: str | None = None,
    ) -> JavaThread:
        """Run ``function(*args, **kwargs)`` on a new thread; return the thread."""
        if not callable(function):
            raise TypeError(
                "invokeAsynchronous(): function must be callable, "
                f"not {type(function).__name__}"
            )
        call_args = _as_args(args)
        if kwargs is not None and not isinstance(kwargs, Mapping):
            raise TypeError(
                f"invokeAsynchronous(): kwargs must be a dict, not "
                f"{type(kwargs).__name__}"
            )
        task = self._svc.workers.start(
            function,
            call_args,
            dict(kwargs) if kwargs else None,
            None if description is None else str(description),
            sources.capture_origin(1),
        )
        return JavaThread(task.ctx, task, self._svc)

    def getProjectName(self) -> str:
        """The name of the project this script belongs to."""
        return self._svc.project

    def getSessionInfo(
        self,
        usernameFilter: str | None = None,
        projectFilter: str | None = None,
    ) -> PyDataSet:
        """The gateway's client sessions (six columns), filtered by regexes."""
        sessions = self._svc.sessions() if self._svc.sessions else []
        return session_info(sessions, usernameFilter, projectFilter)

    def threadDump(self) -> str:
        """A Java-style dump of the simulation's threads and their stacks."""
        threads = collect_threads(
            self._svc.gui_ident, context.bound_names(), hide_internal=True
        )
        return thread_dump(threads)


class ClientUtil(GatewayUtil, ClientServices):
    """``system.util`` in Vision client scope."""

    def __init__(self, svc: ScopeServices) -> None:
        super().__init__(svc)
        assert svc.dispatcher is not None
        # The dispatcher's closure, not a method: invokeLater is the hottest
        # call scripts make (bench/dispatch.py floods it).
        self.invokeLater = svc.dispatcher.invoke_later(
            _checked_invoke_later(svc.dispatcher.post)
        )
        self.invokeLater.__doc__ = _INVOKE_LATER_DOC

    def getClientId(self) -> str:
        """The hex id of this client session."""
        return self._svc.client_id or ""


_INVOKE_LATER_DOC = (
    "Run ``function()`` on the GUI thread after pending events (+ delay ms)."
)


def _checked_invoke_later(
    post: Callable[[Callable[[], object], float, FrameType], None],
) -> Callable[[Callable[[], object], Any, FrameType], None]:
    """InvokeLater's arguments checked, then posted (all but the common case)."""

    def invoke_later(
        function: Callable[[], object], delay: Any, caller: FrameType
    ) -> None:
        if not callable(function):
            raise TypeError(
                f"invokeLater(): function must be callable, "
                f"not {type(function).__name__}"
            )
        post(function, _delay_ms(delay), caller)

    return invoke_later


def _as_args(args: Iterable[Any] | None) -> tuple[Any, ...]:
    if args is None:
        return ()
    if isinstance(args, str | bytes | Mapping) or not isinstance(args, Iterable):
        raise TypeError(
            "invokeAsynchronous(): args must be a list or tuple, "
            f"not {type(args).__name__}"
        )
    return tuple(args)


def _delay_ms(delay: object) -> int | float:
    if isinstance(delay, bool) or not isinstance(delay, int | float):
        raise TypeError(f"invokeLater(): delay must be a number of ms, not {delay!r}")
    if not math.isfinite(delay):
        raise ValueError(f"invokeLater(): delay must be finite, not {delay!r}")
    return max(0.0, float(delay))
