"""``sendMessage``, ``sendRequest``, ``sendRequestAsync`` and the Request handle.

Names, parameter order and defaults follow Ignition
(reference/ignition-api-signatures.md). ``hostName`` is accepted by the two
request functions, as in Ignition's signature, and has no effect: requests
only ever reach gateway handlers.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from visionsim.runtime.messaging import SCOPE_LETTERS, copy_payload

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime.ignition.services import ScopeServices
    from visionsim.runtime.messaging import ScopeMessenger
    from visionsim.runtime.requests import PendingRequest
    from visionsim.runtime.stall import StallMonitor

_SAFETY_S = 1.0  # extra wait in get() beyond the request's own timeout


class Request:
    """The handle ``sendRequestAsync`` returns (Ignition's ``RequestImpl``).

    ``get``, ``block`` and ``getError`` block the calling thread until the
    request completes; on the GUI thread that freezes the GUI, and the stall
    monitor says so. Callbacks run on the GUI thread in client scope.
    """

    def __init__(
        self, pending: PendingRequest, stall: StallMonitor, timeout_s: float
    ) -> None:
        self._pending = pending
        self._stall = stall
        self._timeout_s = timeout_s

    def __repr__(self) -> str:
        return f"<Request {self._pending.id} {self._pending.state.value}>"

    def _wait(self, call: str) -> tuple[object, BaseException | None]:
        pending = self._pending
        with self._stall.blocking(call):
            if not pending.wait(self._timeout_s + _SAFETY_S):
                pending.time_out(self._timeout_s)  # the timer thread is gone
                pending.wait()
        return pending.outcome()

    def get(self) -> object:
        """Block until done; return the handler's value or raise its error."""
        value, error = self._wait("Request.get")
        if error is not None:
            raise error
        return value

    def block(self) -> bool:
        """Block until done; True on success, False on failure (see getError)."""
        return self._wait("Request.block")[1] is None

    def getError(self) -> BaseException | None:
        """Block until done; the error, or None on success."""
        return self._wait("Request.getError")[1]

    def cancel(self) -> None:
        """Cancel: onError (if set) gets a CancellationException."""
        self._pending.cancel()

    def onSuccess(self, func: Callable[[object], object]) -> None:
        """Set or replace the success callback (runs even if already done)."""
        self._pending.on_success(_callable(func, "onSuccess"))

    def onError(self, func: Callable[[object], object]) -> None:
        """Set or replace the error callback (runs even if already failed)."""
        self._pending.on_error(_callable(func, "onError"))

    def getLongId(self) -> int:
        """The request's id."""
        return self._pending.id


class MessagingFunctions:
    """The messaging part of ``system.util`` (every scope)."""

    def __init__(self, svc: ScopeServices) -> None:
        assert svc.messenger is not None
        self._messenger: ScopeMessenger = svc.messenger
        self._stall = svc.stall

    def sendMessage(
        self,
        project: str,
        messageHandler: str,
        payload: dict[str, Any] | None = None,
        scope: str | None = None,
        clientSessionId: str | None = None,
        user: str | None = None,
        hasRole: str | None = None,
        hostName: str | None = None,
        remoteServers: list[str] | None = None,
    ) -> list[str]:
        """Send a message to handlers; returns one status string per target."""
        _required(project, "project")
        _required(messageHandler, "messageHandler")
        filters = {
            "clientSessionId": clientSessionId,
            "user": user,
            "hasRole": hasRole,
            "hostName": hostName,
        }
        if scope is None:  # Ignition 8: "CS" with a user filter, else "CGS"
            narrowed = user is not None or hasRole is not None or hostName is not None
            scope = "CS" if narrowed else "CGS"
        letters = "".join(ch for ch in str(scope) if ch in SCOPE_LETTERS)
        remotes = None if remoteServers is None else [str(n) for n in remoteServers]
        return self._messenger.send_message(
            project, messageHandler, copy_payload(payload), letters, filters, remotes
        )

    def sendRequest(
        self,
        project: str,
        messageHandler: str,
        payload: dict[str, Any] | None = None,
        hostName: str | None = None,
        remoteServer: str | None = None,
        timeoutSec: float | str | None = None,
    ) -> object:
        """Send a request and block until the handler answers (or times out)."""
        request = self._send(project, messageHandler, payload, remoteServer, timeoutSec)
        value, error = request._wait("sendRequest")
        if error is not None:
            raise error
        return value

    def sendRequestAsync(
        self,
        project: str,
        messageHandler: str,
        payload: dict[str, Any] | None = None,
        hostName: str | None = None,
        remoteServer: str | None = None,
        timeoutSec: float | str | None = None,
        onSuccess: Callable[[object], object] | None = None,
        onError: Callable[[object], object] | None = None,
    ) -> Request:
        """Send a request; return its handle at once."""
        success = None if onSuccess is None else _callable(onSuccess, "onSuccess")
        failure = None if onError is None else _callable(onError, "onError")
        return self._send(
            project, messageHandler, payload, remoteServer, timeoutSec, success, failure
        )

    def _send(
        self,
        project: str,
        handler: str,
        payload: dict[str, Any] | None,
        remote: str | None,
        timeout: float | str | None,
        on_success: Callable[[object], object] | None = None,
        on_error: Callable[[object], object] | None = None,
    ) -> Request:
        _required(project, "project")
        _required(handler, "messageHandler")
        timeout_s = _timeout_s(timeout, self._messenger.default_timeout_s)
        pending = self._messenger.send_request(
            project,
            handler,
            copy_payload(payload),
            None if remote is None else str(remote),
            timeout_s,
            on_success,
            on_error,
        )
        return Request(pending, self._stall, timeout_s)


#: Longer request timeouts are taken as this (a year): as good as none.
MAX_TIMEOUT_S = 365 * 24 * 3600.0


def _required(value: object, name: str) -> None:
    if not isinstance(value, str) or not value:
        raise ValueError(f"Missing required argument {name}")


def _timeout_s(value: float | str | None, default: float) -> float:
    if value is None:
        return default
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise ValueError(
            f"timeoutSec must be a number of seconds, not {value!r}"
        ) from None
    if not math.isfinite(seconds):
        raise ValueError(
            f"timeoutSec must be a finite number of seconds, not {value!r}"
        )
    if seconds <= 0:
        raise ValueError(f"timeoutSec must be more than 0, not {value!r}")
    return min(seconds, MAX_TIMEOUT_S)


def _callable(func: object, name: str) -> Callable[[object], object]:
    if not callable(func):
        raise TypeError(f"{name} must be callable, not {type(func).__name__}")
    return func
