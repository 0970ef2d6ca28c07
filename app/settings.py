"""User settings: guard, stall thresholds, request timeout, links.

:class:`Settings` is persisted through a ``QSettings`` the caller passes in
(the app uses ``QSettings("visionsim", "visionsim")``; tests an INI file), so
nothing here touches the user's real settings by itself. The dialog that
edits them is :class:`visionsim.app.menu_dialogs.SettingsDialog`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from visionsim.runtime import Penalty, StallThresholds

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from visionsim.runtime import Simulation

PENALTIES = {"log": Penalty.LOG, "raise": Penalty.RAISE, "callback": Penalty.CALLBACK}
DEFAULT_PENALTY = frozenset({"log", "callback"})
DEFAULT_CONNECT_TIMEOUT_S = 10.0
MAX_MS = 600_000
MAX_TIMEOUT_S = 3600.0


@dataclass(frozen=True, slots=True)
class LinkSettings:
    """One Gateway Network link: latency, fault state, connect timeout."""

    latency_ms: float = 0.0
    faulted: bool = False
    connect_timeout_s: float = DEFAULT_CONNECT_TIMEOUT_S


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the Settings dialog edits; defaults match a fresh Simulation."""

    guard_penalty: frozenset[str] = DEFAULT_PENALTY
    stall_long_ms: float = 50.0
    stall_warn_ms: float = 500.0
    stall_not_responding_ms: float = 5000.0
    request_timeout_s: float = 60.0
    links: dict[str, LinkSettings] = field(default_factory=dict)

    @property
    def penalty(self) -> Penalty:
        """:attr:`guard_penalty` as a :class:`Penalty` flag."""
        flag = Penalty.NONE
        for name in self.guard_penalty:
            flag |= PENALTIES[name]
        return flag

    @property
    def thresholds(self) -> StallThresholds:
        """The stall thresholds."""
        return StallThresholds(
            self.stall_long_ms, self.stall_warn_ms, self.stall_not_responding_ms
        )

    @classmethod
    def from_sim(cls, sim: Simulation) -> Settings:
        """The settings ``sim`` runs with now (to prefill the dialog)."""
        names = frozenset(
            n for n, flag in PENALTIES.items() if flag in sim.guard.penalty
        )
        t = sim.stall.thresholds
        links = {}
        for name in sim.network.names():
            link = sim.network.link(name)
            links[name] = LinkSettings(
                link.latency_ms, not link.is_connected, link.connect_timeout_s
            )
        return cls(
            names,
            t.long_ms,
            t.warn_ms,
            t.not_responding_ms,
            sim.request_timeout_s,
            links,
        )

    @classmethod
    def load(cls, qs: QSettings) -> Settings:
        """Read settings saved by :meth:`save`; missing or bad values get defaults."""
        default = cls()
        raw = qs.value("guard/penalty", None)
        if raw is None:
            penalty = default.guard_penalty
        else:
            parts = raw if isinstance(raw, list) else str(raw).split(",")
            penalty = frozenset(p.strip() for p in parts if p.strip() in PENALTIES)
        links = {}
        for i in range(qs.beginReadArray("links")):
            qs.setArrayIndex(i)
            name = str(qs.value("name", ""))
            if name:
                links[name] = LinkSettings(
                    _number(qs, "latency_ms", 0.0),
                    str(qs.value("faulted", "false")).lower() == "true",
                    _number(qs, "connect_timeout_s", DEFAULT_CONNECT_TIMEOUT_S),
                )
        qs.endArray()
        return cls(
            penalty,
            _number(qs, "stall/long_ms", default.stall_long_ms),
            _number(qs, "stall/warn_ms", default.stall_warn_ms),
            _number(qs, "stall/not_responding_ms", default.stall_not_responding_ms),
            _number(qs, "requests/timeout_s", default.request_timeout_s),
            links,
        )

    def save(self, qs: QSettings) -> None:
        """Write these settings (replacing saved links) and flush to disk."""
        qs.setValue("guard/penalty", ",".join(sorted(self.guard_penalty)))
        qs.setValue("stall/long_ms", self.stall_long_ms)
        qs.setValue("stall/warn_ms", self.stall_warn_ms)
        qs.setValue("stall/not_responding_ms", self.stall_not_responding_ms)
        qs.setValue("requests/timeout_s", self.request_timeout_s)
        qs.remove("links")
        qs.beginWriteArray("links", len(self.links))
        for i, (name, link) in enumerate(sorted(self.links.items())):
            qs.setArrayIndex(i)
            qs.setValue("name", name)
            qs.setValue("latency_ms", link.latency_ms)
            qs.setValue("faulted", "true" if link.faulted else "false")
            qs.setValue("connect_timeout_s", link.connect_timeout_s)
        qs.endArray()
        qs.sync()

    def apply(self, sim: Simulation) -> None:
        """Set ``sim``'s guard penalty, stall thresholds, request timeout, links.

        Links to gateways ``sim`` does not have are skipped (kept for later).
        Thread: GUI only.
        """
        sim.guard.penalty = self.penalty
        sim.stall.set_thresholds(self.thresholds)
        sim.request_timeout_s = self.request_timeout_s
        known = set(sim.network.names())
        for name, link in self.links.items():
            if name in known:
                sim.network.configure(
                    name,
                    state="faulted" if link.faulted else "connected",
                    latency_ms=link.latency_ms,
                    connect_timeout_s=link.connect_timeout_s,
                )


def _number(qs: QSettings, key: str, default: float) -> float:
    """A finite, non-negative float from ``qs`` (``default`` when unreadable)."""
    try:
        value = float(qs.value(key, default))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return value if math.isfinite(value) and value >= 0 else default
