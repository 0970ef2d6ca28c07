"""Java's date classes: the ones ``system.date`` works on.

``java.util.Date`` (and ``java.sql.Timestamp``, the Date database results
carry) live here; ``Calendar``/``GregorianCalendar``, ``TimeZone`` and
``java.text.SimpleDateFormat`` (with ``ParseException``) come from private
modules and are re-exported, so the ``java.*`` modules import every date
class from this one.

A Date is milliseconds since the epoch, UTC. It prints as Java prints it, in
the default zone of the scope that prints it (see :func:`set_default_zone`).
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from visionsim.runtime.jython.java._calendar import Calendar, GregorianCalendar
from visionsim.runtime.jython.java._date_format import (
    ParseException,
    SimpleDateFormat,
)
from visionsim.runtime.jython.java._local import (
    EPOCH,
    make_millis,
    to_fields,
)
from visionsim.runtime.jython.java._names import MONTHS, WEEKDAYS
from visionsim.runtime.jython.java._zone import (
    TimeZone,
    default_zone,
    local_zone_id,
    set_default_zone,
)

if TYPE_CHECKING:
    from visionsim.runtime.jython.java._local import Fields

__all__ = [
    "Calendar",
    "Date",
    "GregorianCalendar",
    "ParseException",
    "SimpleDateFormat",
    "TimeZone",
    "Timestamp",
    "default_zone",
    "local_zone_id",
    "now_millis",
    "set_default_zone",
]


def now_millis() -> int:
    """The current time, in ms since the epoch."""
    return time.time_ns() // 1_000_000


class Date:
    """``java.util.Date``: a mutable instant, in ms since the epoch.

    ``Date()`` is now, ``Date(millis)`` that instant, and the deprecated
    ``Date(year - 1900, month, day[, hours, minutes[, seconds]])`` a wall
    time in the default zone. Jython's bean attributes work too
    (``d.time``, ``d.year``, ``d.month``...).
    """

    __slots__ = ("_millis",)

    def __init__(self, *args: int) -> None:
        if not args:
            self._millis = now_millis()
        elif len(args) == 1:
            self._millis = _as_millis(args[0])
        elif len(args) in (3, 5, 6):
            year, month, day, *rest = (int(a) for a in args)
            hours, minutes, seconds = ([*rest, 0, 0, 0])[:3]
            time_ms = ((hours * 60 + minutes) * 60 + seconds) * 1000
            self._millis = make_millis(default_zone(), year + 1900, month, day, time_ms)
        else:
            raise TypeError(f"Date(): no constructor takes {len(args)} arguments")

    # -- Java API ---------------------------------------------------------

    def getTime(self) -> int:
        """Milliseconds since 1970-01-01 00:00:00 UTC."""
        return self._millis

    def setTime(self, time: int) -> None:
        """Move this Date to ``time`` (ms since the epoch)."""
        self._millis = _as_millis(time)

    def before(self, when: Date) -> bool:
        """Whether this instant is strictly before ``when``."""
        return self._millis < _other(when)

    def after(self, when: Date) -> bool:
        """Whether this instant is strictly after ``when``."""
        return self._millis > _other(when)

    def compareTo(self, anotherDate: Date) -> int:
        """-1, 0 or 1, as this instant is before, equal to or after the other."""
        other = _other(anotherDate)
        return (self._millis > other) - (self._millis < other)

    def equals(self, obj: object) -> bool:
        """Whether ``obj`` is a Date at the same instant."""
        return isinstance(obj, Date) and obj._millis == self._millis

    def hashCode(self) -> int:
        """Java's hash: the two halves of the millis xor-ed, as a signed int."""
        value = (self._millis ^ (self._millis >> 32)) & 0xFFFFFFFF
        return value - (1 << 32) if value >= 1 << 31 else value

    def clone(self) -> Date:
        """A new Date at the same instant."""
        return type(self)(self._millis)

    def toString(self) -> str:
        """``Tue Dec 08 00:45:10 UTC 2026``, in the scope's default zone."""
        zone = default_zone()
        f = to_fields(self._millis, zone)
        return (
            f"{WEEKDAYS[f.weekday - 1][:3]} {MONTHS[f.month][:3]} {f.day:02d} "
            f"{f.hour:02d}:{f.minute:02d}:{f.second:02d} "
            f"{zone.short_name(self._millis)} {f.year}"
        )

    # Deprecated wall-clock getters and setters, still common in scripts.

    def getYear(self) -> int:
        """The year minus 1900 (deprecated in Java)."""
        return self._fields().year - 1900

    def getMonth(self) -> int:
        """The month, January = 0 (deprecated in Java)."""
        return self._fields().month

    def getDate(self) -> int:
        """The day of the month, 1-31 (deprecated in Java)."""
        return self._fields().day

    def getDay(self) -> int:
        """The day of the week, Sunday = 0 (deprecated in Java)."""
        return self._fields().weekday - 1

    def getHours(self) -> int:
        """The hour of the day, 0-23 (deprecated in Java)."""
        return self._fields().hour

    def getMinutes(self) -> int:
        """The minutes, 0-59 (deprecated in Java)."""
        return self._fields().minute

    def getSeconds(self) -> int:
        """The seconds, 0-59 (deprecated in Java)."""
        return self._fields().second

    def getTimezoneOffset(self) -> int:
        """Minutes to add to local time to get UTC (deprecated in Java)."""
        return -self._fields().offset // 60000

    def setYear(self, year: int) -> None:
        """Set the year (``year`` + 1900) in the default zone (deprecated)."""
        self._set(year=int(year) + 1900)

    def setMonth(self, month: int) -> None:
        """Set the 0-based month in the default zone (deprecated)."""
        self._set(month=int(month))

    def setDate(self, date: int) -> None:
        """Set the day of the month in the default zone (deprecated)."""
        self._set(day=int(date))

    def setHours(self, hours: int) -> None:
        """Set the hour of the day in the default zone (deprecated)."""
        self._set(hour=int(hours))

    def setMinutes(self, minutes: int) -> None:
        """Set the minutes in the default zone (deprecated)."""
        self._set(minute=int(minutes))

    def setSeconds(self, seconds: int) -> None:
        """Set the seconds in the default zone (deprecated)."""
        self._set(second=int(seconds))

    def _fields(self) -> Fields:
        return to_fields(self._millis, default_zone())

    def _set(self, **changes: int) -> None:
        zone = default_zone()
        f = to_fields(self._millis, zone)
        values = {
            "year": f.year,
            "month": f.month,
            "day": f.day,
            "hour": f.hour,
            "minute": f.minute,
            "second": f.second,
            **changes,
        }
        time_ms = (
            (values["hour"] * 60 + values["minute"]) * 60 + values["second"]
        ) * 1000 + f.millis
        self._millis = make_millis(
            zone, values["year"], values["month"], values["day"], time_ms
        )

    # -- Jython bean attributes and Python protocols ------------------------

    time = property(getTime, setTime)
    year = property(getYear, setYear)
    month = property(getMonth, setMonth)
    date = property(getDate, setDate)
    day = property(getDay)
    hours = property(getHours, setHours)
    minutes = property(getMinutes, setMinutes)
    seconds = property(getSeconds, setSeconds)
    timezoneOffset = property(getTimezoneOffset)

    def __str__(self) -> str:
        return self.toString()

    __repr__ = __str__

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Date):
            return NotImplemented
        return self._millis == other._millis

    def __hash__(self) -> int:
        return self.hashCode()

    def __lt__(self, other: Date) -> bool:
        return self._millis < _other(other)

    def __le__(self, other: Date) -> bool:
        return self._millis <= _other(other)

    def __gt__(self, other: Date) -> bool:
        return self._millis > _other(other)

    def __ge__(self, other: Date) -> bool:
        return self._millis >= _other(other)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self._millis,))

    # -- Python helpers -----------------------------------------------------

    def to_datetime(self, zone: TimeZone | None = None) -> datetime:
        """An aware :class:`datetime` of this instant (default zone by default)."""
        zone = zone or default_zone()
        return (EPOCH + timedelta(milliseconds=self._millis)).astimezone(zone.info)

    @classmethod
    def from_datetime(cls, value: datetime) -> Date:
        """The Date of an aware ``datetime`` (naive: in the default zone)."""
        if value.tzinfo is None:
            f_ms = (value.hour * 3600 + value.minute * 60 + value.second) * 1000
            return cls(
                make_millis(
                    default_zone(),
                    value.year,
                    value.month - 1,
                    value.day,
                    f_ms + value.microsecond // 1000,
                )
            )
        return cls((value - EPOCH) // timedelta(milliseconds=1))


class Timestamp(Date):
    """``java.sql.Timestamp``: a Date that prints ``2024-01-05 10:00:00.0``."""

    __slots__ = ()

    def toString(self) -> str:
        """``yyyy-mm-dd hh:mm:ss.f`` in the default zone, trailing zeros dropped."""
        f = to_fields(self._millis, default_zone())
        fraction = f"{f.millis:03d}".rstrip("0") or "0"
        return (
            f"{f.year:04d}-{f.month + 1:02d}-{f.day:02d} "
            f"{f.hour:02d}:{f.minute:02d}:{f.second:02d}.{fraction}"
        )

    def getNanos(self) -> int:
        """The fraction of a second, in ns (ms precision here)."""
        return (self._millis % 1000) * 1_000_000

    def __str__(self) -> str:
        return self.toString()

    __repr__ = __str__


def _as_millis(value: object) -> int:
    if isinstance(value, Date):
        return value.getTime()
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number of ms, not {type(value).__name__}")
    return int(value)


def _other(value: object) -> int:
    if not isinstance(value, Date):
        raise TypeError(f"expected a java.util.Date, not {type(value).__name__}")
    return value.getTime()
