"""The simulated Gateway Network: named gateways joined by links.

The local gateway links to each remote gateway (``--remote NAME=DIR``). A link
is *connected* or *faulted* and may add latency each way; a message over a
faulted link fails after the connect timeout, as a real outgoing connection
attempt would. Links are changed live from the app (latency and fault
toggles) or from tests. The lock protects the link table.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace

CONNECTED = "connected"
FAULTED = "faulted"
DEFAULT_CONNECT_TIMEOUT_S = 10.0  # Ignition's client connect timeout default


class UnknownGatewayError(ValueError):
    """A ``remoteServer(s)`` name that no gateway on the network has."""


@dataclass(frozen=True, slots=True)
class Link:
    """The local gateway's connection to one remote gateway."""

    name: str
    state: str = CONNECTED
    latency_ms: float = 0.0
    connect_timeout_s: float = DEFAULT_CONNECT_TIMEOUT_S

    @property
    def is_connected(self) -> bool:
        """Whether messages get through."""
        return self.state == CONNECTED


class GatewayNetwork:
    """The links from the local gateway to the remote ones. Thread: any."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._links: dict[str, Link] = {}

    def add(self, name: str) -> Link:
        """Link a remote gateway (connected, no latency)."""
        with self._lock:
            link = self._links.setdefault(name, Link(name))
        return link

    def names(self) -> list[str]:
        """Remote gateway names, in the order they were linked."""
        with self._lock:
            return list(self._links)

    def link(self, name: str) -> Link:
        """The link to ``name``; raises :class:`UnknownGatewayError`."""
        with self._lock:
            found = self._links.get(name)
            known = list(self._links)
        if found is None:
            listed = ", ".join(repr(n) for n in known) or "none"
            raise UnknownGatewayError(
                f"No gateway named {name!r} on the Gateway Network "
                f"(remote gateways: {listed})"
            )
        return found

    def configure(
        self,
        name: str,
        *,
        state: str | None = None,
        latency_ms: float | None = None,
        connect_timeout_s: float | None = None,
    ) -> Link:
        """Change a link's state, latency or connect timeout."""
        if state not in (None, CONNECTED, FAULTED):
            raise ValueError(f"link state must be {CONNECTED!r} or {FAULTED!r}")
        link = self.link(name)
        changes: dict[str, object] = {}
        if state is not None:
            changes["state"] = state
        if latency_ms is not None:
            changes["latency_ms"] = max(0.0, float(latency_ms))
        if connect_timeout_s is not None:
            changes["connect_timeout_s"] = max(0.0, float(connect_timeout_s))
        updated = replace(link, **changes)  # type: ignore[arg-type]
        with self._lock:
            self._links[name] = updated
        return updated
