"""``java.util.TimeZone`` on :mod:`zoneinfo`, and each scope's default zone.

A real client and its gateway are separate JVMs, each with its own default
zone. Here both run in one process, so the default is kept per scope
(``"client"``, ``"gateway"``): :func:`default_zone` looks at the calling
thread's scope. Every scope starts on the machine's zone (``TZ``, then
``/etc/localtime``, then UTC); :func:`set_default_zone` changes it (tests,
a simulated gateway in another zone).
"""

from __future__ import annotations

import os
import re
import threading
import time
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from visionsim.runtime import context

__all__ = ["TimeZone", "default_zone", "local_zone_id", "set_default_zone"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_CUSTOM = re.compile(r"^GMT([+-])(\d{1,2})(?::?(\d{2}))?$")
_lock = threading.Lock()  # guards _defaults (set from tests or the app)
_defaults: dict[str, TimeZone] = {}


def local_zone_id() -> str:
    """The machine's zone id: ``TZ``, else ``/etc/localtime``'s target, else UTC."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and _zone_info(tz) is not None:
        return tz
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        return "UTC"
    marker = "zoneinfo/"
    if marker in target:
        name = target.split(marker, 1)[1]
        if _zone_info(name) is not None:
            return name
    return "UTC"


def _zone_info(zone_id: str) -> tzinfo | None:
    try:
        return ZoneInfo(zone_id)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def default_zone(scope: str | None = None) -> TimeZone:
    """The default zone of ``scope`` (default: the calling thread's scope).

    Thread: any.
    """
    key = scope or context.current().scope
    zone = _defaults.get(key)
    if zone is None:
        with _lock:
            zone = _defaults.setdefault(key, TimeZone.getTimeZone(local_zone_id()))
    return zone


def set_default_zone(zone: TimeZone | str | None, scope: str | None = None) -> None:
    """Set the default zone of ``scope`` (every scope when None).

    ``zone`` None goes back to the machine's zone. Thread: any.
    """
    with _lock:
        if scope is None:
            _defaults.clear()
            if zone is not None:
                for key in (context.CLIENT, context.GATEWAY, "unknown"):
                    _defaults[key] = _as_zone(zone)
        elif zone is None:
            _defaults.pop(scope, None)
        else:
            _defaults[scope] = _as_zone(zone)


def _as_zone(zone: TimeZone | str) -> TimeZone:
    return zone if isinstance(zone, TimeZone) else TimeZone.getTimeZone(zone)


class TimeZone:
    """``java.util.TimeZone``: an id and its rules (a :class:`tzinfo`).

    Build one with :meth:`getTimeZone`; unknown ids give GMT, as in Java.
    """

    SHORT = 0
    LONG = 1

    def __init__(self, zone_id: str, info: tzinfo) -> None:
        self._id = zone_id
        self.info = info

    # -- statics ----------------------------------------------------------

    @staticmethod
    def getTimeZone(ID: str) -> TimeZone:
        """The zone called ``ID`` (an IANA id, UTC, GMT or ``GMT+hh:mm``)."""
        if isinstance(ID, TimeZone):
            return ID
        zone_id = str(ID)
        if zone_id in ("UTC", "GMT"):
            return TimeZone(zone_id, UTC)
        custom = _CUSTOM.match(zone_id)
        if custom:
            sign, hours, minutes = custom.groups()
            delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
            if delta <= timedelta(hours=23, minutes=59):
                name = f"GMT{sign}{int(hours):02d}:{int(minutes or 0):02d}"
                offset = delta if sign == "+" else -delta
                return TimeZone(name, timezone(offset, name))
        info = _zone_info(zone_id) if "/" in zone_id or zone_id.isalpha() else None
        if info is None:
            return TimeZone("GMT", UTC)
        return TimeZone(zone_id, info)

    @staticmethod
    def getDefault() -> TimeZone:
        """The scope's default zone (the JVM's, in Ignition)."""
        return default_zone()

    @staticmethod
    def setDefault(zone: TimeZone | None) -> None:
        """Set the calling scope's default zone (None: the machine's)."""
        set_default_zone(zone, context.current().scope)

    @staticmethod
    def getAvailableIDs() -> list[str]:
        """Every zone id known here, sorted."""
        return sorted(available_timezones() | {"UTC", "GMT"})

    # -- instance API ------------------------------------------------------

    def getID(self) -> str:
        """The zone's id, e.g. ``America/Chicago``."""
        return self._id

    def offset_at(self, millis: int) -> int:
        """The offset from UTC in ms at the instant ``millis``, DST included."""
        moment = _EPOCH + timedelta(milliseconds=millis)
        delta = moment.astimezone(self.info).utcoffset()
        return 0 if delta is None else int(delta.total_seconds() * 1000)

    def dst_at(self, millis: int) -> int:
        """The DST saving in ms at the instant ``millis`` (0 outside DST)."""
        moment = (_EPOCH + timedelta(milliseconds=millis)).astimezone(self.info)
        delta = moment.dst()
        return 0 if delta is None else int(delta.total_seconds() * 1000)

    def getOffset(self, date: int) -> int:
        """The offset from UTC in ms at the instant ``date`` (ms since the epoch)."""
        return self.offset_at(int(date))

    def getRawOffset(self) -> int:
        """The standard offset from UTC in ms today, without DST."""
        now = _now_millis()
        return self.offset_at(now) - self.dst_at(now)

    def getDSTSavings(self) -> int:
        """The DST saving in ms (3600000 for zones that use DST, else 0)."""
        return max((self.dst_at(t) for t in _year_samples()), default=0)

    def useDaylightTime(self) -> bool:
        """Whether the zone observes DST this year or later."""
        return self.getDSTSavings() != 0

    observesDaylightTime = useDaylightTime

    def inDaylightTime(self, date: object) -> bool:
        """Whether ``date`` (a ``java.util.Date``) falls in DST in this zone."""
        return self.dst_at(int(date.getTime())) != 0  # type: ignore[attr-defined]

    def short_name(self, millis: int) -> str:
        """The abbreviation Java prints at ``millis`` (``CET``, ``PDT``, ``UTC``)."""
        if self._id in ("UTC", "GMT") or self._id.startswith("GMT"):
            return self._id
        moment = (_EPOCH + timedelta(milliseconds=millis)).astimezone(self.info)
        name = moment.tzname() or ""
        if not name or name[0] in "+-":
            return gmt_offset_text(self.offset_at(millis))
        return name

    def getDisplayName(self, daylight: bool = False, style: int = 1) -> str:
        """The zone's name (the abbreviation; Java's long names are not kept)."""
        for t in _year_samples():
            if (self.dst_at(t) != 0) == bool(daylight):
                return self.short_name(t)
        return self.short_name(_now_millis())

    def hasSameRules(self, other: TimeZone) -> bool:
        """Whether ``other`` has the same offsets through this year."""
        return all(self.offset_at(t) == other.offset_at(t) for t in _year_samples())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TimeZone) and other._id == self._id

    def __hash__(self) -> int:
        return hash(self._id)

    def toString(self) -> str:
        """Java's ``toString`` (abridged): the class and the id."""
        return f'sun.util.calendar.ZoneInfo[id="{self._id}"]'

    __str__ = __repr__ = toString

    ID = property(getID)
    rawOffset = property(getRawOffset)


def gmt_offset_text(offset_ms: int) -> str:
    """``GMT+05:30`` for an offset in ms (``GMT`` for zero)."""
    if offset_ms == 0:
        return "GMT"
    sign = "+" if offset_ms > 0 else "-"
    minutes = abs(offset_ms) // 60000
    return f"GMT{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _now_millis() -> int:
    return time.time_ns() // 1_000_000


def _year_samples() -> list[int]:
    """The first of each month this year, as ms: enough to see DST rules."""
    year = datetime.now(UTC).year
    return [
        int((datetime(year, month, 1, tzinfo=UTC) - _EPOCH).total_seconds() * 1000)
        for month in range(1, 13)
    ]
