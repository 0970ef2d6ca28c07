"""Wall-clock fields of an instant in a zone, and back, with Java's rules.

Java's ``GregorianCalendar`` is lenient: out-of-range fields roll over
(month 12 is January of the next year, day 0 the last day of the previous
month). A wall time that does not exist (the hour skipped when DST starts)
is read in the offset before the change, so 02:30 becomes 03:30 DST; a wall
time that happens twice (when DST ends) is read as standard time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from visionsim.runtime.jython.java.errors import JavaRuntimeException

if TYPE_CHECKING:
    from visionsim.runtime.jython.java._zone import TimeZone

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
OUT_OF_RANGE = "date out of range: visionsim handles the years 1 to 9999"
_NAIVE_EPOCH = datetime(1970, 1, 1)
MILLIS_PER_DAY = 86_400_000


class IllegalArgumentException(JavaRuntimeException):
    """``java.lang.IllegalArgumentException``: a field or date out of range."""

    java_name = "java.lang.IllegalArgumentException"


@dataclass(frozen=True, slots=True)
class Fields:
    """An instant's wall-clock fields; ``month`` 0-based, ``weekday`` 1=Sunday."""

    year: int
    month: int
    day: int
    hour: int
    minute: int
    second: int
    millis: int
    weekday: int
    yday: int
    offset: int
    dst: int


def to_fields(millis: int, zone: TimeZone) -> Fields:
    """The wall-clock fields of ``millis`` in ``zone``."""
    try:
        moment = (EPOCH + timedelta(milliseconds=millis)).astimezone(zone.info)
    except (OverflowError, ValueError):
        raise IllegalArgumentException(OUT_OF_RANGE) from None
    offset = moment.utcoffset() or timedelta(0)
    dst = moment.dst() or timedelta(0)
    return Fields(
        moment.year,
        moment.month - 1,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond // 1000,
        moment.isoweekday() % 7 + 1,
        moment.timetuple().tm_yday,
        int(offset.total_seconds() * 1000),
        int(dst.total_seconds() * 1000),
    )


def wall_millis(fields: Fields) -> int:
    """The wall-clock time of ``fields`` as ms since a naive 1970-01-01."""
    return to_local_millis(
        fields.year,
        fields.month,
        fields.day,
        ((fields.hour * 60 + fields.minute) * 60 + fields.second) * 1000
        + fields.millis,
    )


def to_local_millis(year: int, month: int, day: int, time_ms: int) -> int:
    """Naive wall-clock ms for (year, 0-based month, day, ms of day), lenient."""
    year += month // 12
    month %= 12
    try:
        base = datetime(year, month + 1, 1) - _NAIVE_EPOCH
    except (OverflowError, ValueError):
        raise IllegalArgumentException(OUT_OF_RANGE) from None
    days = base.days + (day - 1)
    return days * MILLIS_PER_DAY + time_ms


def from_local_millis(local: int, zone: TimeZone) -> int:
    """The instant (ms) of the naive wall-clock ``local`` in ``zone``."""
    try:
        naive = _NAIVE_EPOCH + timedelta(milliseconds=local)
    except (OverflowError, ValueError):
        raise IllegalArgumentException(OUT_OF_RANGE) from None
    early = naive.replace(tzinfo=zone.info, fold=0)
    late = naive.replace(tzinfo=zone.info, fold=1)
    early_offset = early.utcoffset() or timedelta(0)
    late_offset = late.utcoffset() or timedelta(0)
    # Overlap (early offset larger): Java reads it as standard time, the later.
    offset = late_offset if early_offset > late_offset else early_offset
    return local - int(offset.total_seconds() * 1000)


def make_millis(
    zone: TimeZone, year: int, month: int, day: int, time_ms: int = 0
) -> int:
    """The instant of a (lenient) wall-clock date and time in ``zone``."""
    return from_local_millis(to_local_millis(year, month, day, time_ms), zone)


def days_in_month(year: int, month: int) -> int:
    """Days in the 0-based ``month`` of ``year``."""
    start = to_local_millis(year, month, 1, 0)
    end = to_local_millis(year, month + 1, 1, 0)
    return (end - start) // MILLIS_PER_DAY
