"""``system.date``: Ignition 8.1's 43 date functions on ``java.util.Date``.

Each scope works in its own default zone (the client's or the gateway's;
:func:`~visionsim.runtime.jython.java.dates.set_default_zone`). Adding days,
weeks, months or years keeps the wall-clock time across DST changes and
clamps the day of the month, as ``Calendar.add`` does. Between functions:
millis to hours and weeks count elapsed time; days, months and years count
calendar units (DST taken into account), as Ignition documents.
"""

from __future__ import annotations

from visionsim.runtime.jython.java import _calendar as cal
from visionsim.runtime.jython.java._calendar import GregorianCalendar
from visionsim.runtime.jython.java._local import (
    MILLIS_PER_DAY,
    days_in_month,
    to_fields,
    to_local_millis,
    wall_millis,
)
from visionsim.runtime.jython.java.dates import (
    Date,
    SimpleDateFormat,
    TimeZone,
    default_zone,
)

DEFAULT_FORMAT = "yyyy-MM-dd HH:mm:ss"


class DateFunctions:
    """``system.date`` for one scope (``"client"`` or ``"gateway"``). Thread: any."""

    def __init__(self, scope: str) -> None:
        self._scope = scope

    def _zone(self) -> TimeZone:
        return default_zone(self._scope)

    def _calendar(self, date: Date | None = None) -> GregorianCalendar:
        c = GregorianCalendar(self._zone())
        if date is not None:
            c.setTimeInMillis(date.getTime())
        return c

    def _add(self, function: str, date: Date, field: int, value: int) -> Date:
        c = self._calendar(_date(function, date))
        c.add(field, _int(function, value))
        return Date(c.getTimeInMillis())

    def _get(self, function: str, date: Date, field: int) -> int:
        return self._calendar(_date(function, date)).get(field)

    # -- now, conversions, construction --------------------------------------

    def now(self) -> Date:
        """The current time."""
        return Date()

    def fromMillis(self, millis: int) -> Date:
        """The Date ``millis`` ms after 1970-01-01 00:00:00 UTC."""
        return Date(_int("fromMillis", millis))

    def toMillis(self, date: Date) -> int:
        """``date`` in ms since 1970-01-01 00:00:00 UTC."""
        return _date("toMillis", date).getTime()

    def getDate(self, year: int, month: int, day: int) -> Date:
        """Midnight of ``year``/``month`` (January = 0)/``day`` in the scope's zone."""
        c = self._calendar()
        c.clear()
        c.set(_int("getDate", year), _int("getDate", month), _int("getDate", day))
        return Date(c.getTimeInMillis())

    def midnight(self, date: Date) -> Date:
        """A copy of ``date`` at 00:00:00.000 that day."""
        return self.setTime(date, 0, 0, 0, function="midnight")

    def setTime(
        self,
        date: Date,
        hour: int,
        minute: int,
        second: int,
        *,
        function: str = "setTime",
    ) -> Date:
        """A copy of ``date`` with its time of day set (milliseconds to 0)."""
        c = self._calendar(_date(function, date))
        c.set(cal.HOUR_OF_DAY, _int(function, hour))
        c.set(cal.MINUTE, _int(function, minute))
        c.set(cal.SECOND, _int(function, second))
        c.set(cal.MILLISECOND, 0)
        return Date(c.getTimeInMillis())

    def format(self, date: Date, format: str = DEFAULT_FORMAT) -> str:
        """``date`` as text in a ``SimpleDateFormat`` pattern."""
        formatter = SimpleDateFormat(str(format))
        formatter.setTimeZone(self._zone())
        return formatter.format(_date("format", date))

    def parse(
        self,
        dateString: str,
        formatString: str = DEFAULT_FORMAT,
        locale: object = None,
    ) -> Date:
        """The Date in ``dateString``; raises ``java.text.ParseException``."""
        formatter = SimpleDateFormat(str(formatString))
        formatter.setTimeZone(self._zone())
        return formatter.parse(str(dateString))

    # -- add -----------------------------------------------------------------

    def addMillis(self, date: Date, value: int) -> Date:
        """A new Date ``value`` ms later (earlier if negative)."""
        return self._add("addMillis", date, cal.MILLISECOND, value)

    def addSeconds(self, date: Date, value: int) -> Date:
        """A new Date ``value`` seconds later."""
        return self._add("addSeconds", date, cal.SECOND, value)

    def addMinutes(self, date: Date, value: int) -> Date:
        """A new Date ``value`` minutes later."""
        return self._add("addMinutes", date, cal.MINUTE, value)

    def addHours(self, date: Date, value: int) -> Date:
        """A new Date ``value`` hours later (elapsed hours)."""
        return self._add("addHours", date, cal.HOUR_OF_DAY, value)

    def addDays(self, date: Date, value: int) -> Date:
        """A new Date ``value`` days later, same wall-clock time."""
        return self._add("addDays", date, cal.DAY_OF_MONTH, value)

    def addWeeks(self, date: Date, value: int) -> Date:
        """A new Date ``value`` weeks later, same wall-clock time."""
        return self._add("addWeeks", date, cal.WEEK_OF_YEAR, value)

    def addMonths(self, date: Date, value: int) -> Date:
        """A new Date ``value`` months later; the day clamps (Jan 31 + 1 = Feb 29)."""
        return self._add("addMonths", date, cal.MONTH, value)

    def addYears(self, date: Date, value: int) -> Date:
        """A new Date ``value`` years later; Feb 29 clamps to Feb 28."""
        return self._add("addYears", date, cal.YEAR, value)

    # -- between -----------------------------------------------------------

    def _elapsed(self, function: str, date_1: Date, date_2: Date) -> int:
        return _date(function, date_2).getTime() - _date(function, date_1).getTime()

    def millisBetween(self, date_1: Date, date_2: Date) -> int:
        """``date_2 - date_1`` in ms (negative if date_2 is earlier)."""
        return self._elapsed("millisBetween", date_1, date_2)

    def secondsBetween(self, date_1: Date, date_2: Date) -> int:
        """Whole seconds from ``date_1`` to ``date_2``."""
        return _whole(self._elapsed("secondsBetween", date_1, date_2), 1000)

    def minutesBetween(self, date_1: Date, date_2: Date) -> int:
        """Whole minutes from ``date_1`` to ``date_2``."""
        return _whole(self._elapsed("minutesBetween", date_1, date_2), 60_000)

    def hoursBetween(self, date_1: Date, date_2: Date) -> int:
        """Whole elapsed hours from ``date_1`` to ``date_2``."""
        return _whole(self._elapsed("hoursBetween", date_1, date_2), 3_600_000)

    def weeksBetween(self, date_1: Date, date_2: Date) -> int:
        """Whole weeks (of 7 x 24 h) from ``date_1`` to ``date_2``."""
        elapsed = self._elapsed("weeksBetween", date_1, date_2)
        return _whole(elapsed, 7 * MILLIS_PER_DAY)

    def daysBetween(self, date_1: Date, date_2: Date) -> int:
        """Whole calendar days from ``date_1`` to ``date_2`` (DST-aware)."""
        a, b = _date("daysBetween", date_1), _date("daysBetween", date_2)
        zone = self._zone()
        start = wall_millis(to_fields(a.getTime(), zone))
        end = wall_millis(to_fields(b.getTime(), zone))
        return _whole(end - start, MILLIS_PER_DAY)

    def monthsBetween(self, date_1: Date, date_2: Date) -> int:
        """Whole calendar months from ``date_1`` to ``date_2``."""
        return self._months("monthsBetween", date_1, date_2)

    def yearsBetween(self, date_1: Date, date_2: Date) -> int:
        """Whole calendar years from ``date_1`` to ``date_2``."""
        return _whole_int(self._months("yearsBetween", date_1, date_2), 12)

    def _months(self, function: str, date_1: Date, date_2: Date) -> int:
        zone = self._zone()
        a = to_fields(_date(function, date_1).getTime(), zone)
        b = to_fields(_date(function, date_2).getTime(), zone)
        months = (b.year - a.year) * 12 + b.month - a.month
        # Whole months: a + months must not pass b (clamping a's day).
        start_time = wall_millis(a) - to_local_millis(a.year, a.month, a.day, 0)
        end = wall_millis(b)
        while months:
            total = a.year * 12 + a.month + months
            year, month = divmod(total, 12)
            day = min(a.day, days_in_month(year, month))
            moved = to_local_millis(year, month, day, start_time)
            if (months > 0 and moved <= end) or (months < 0 and moved >= end):
                break
            months += -1 if months > 0 else 1
        return months

    # -- get -----------------------------------------------------------------

    def getYear(self, date: Date) -> int:
        """The year (e.g. 2026)."""
        return self._get("getYear", date, cal.YEAR)

    def getMonth(self, date: Date) -> int:
        """The month, January = 0."""
        return self._get("getMonth", date, cal.MONTH)

    def getQuarter(self, date: Date) -> int:
        """The quarter, 1-4."""
        return self._get("getQuarter", date, cal.MONTH) // 3 + 1

    def getDayOfMonth(self, date: Date) -> int:
        """The day of the month, 1-31."""
        return self._get("getDayOfMonth", date, cal.DAY_OF_MONTH)

    def getDayOfWeek(self, date: Date) -> int:
        """The day of the week, Sunday = 1 ... Saturday = 7."""
        return self._get("getDayOfWeek", date, cal.DAY_OF_WEEK)

    def getDayOfYear(self, date: Date) -> int:
        """The day of the year, 1-366."""
        return self._get("getDayOfYear", date, cal.DAY_OF_YEAR)

    def getHour12(self, date: Date) -> int:
        """The hour on a 12-hour clock; noon and midnight are 0."""
        return self._get("getHour12", date, cal.HOUR)

    def getHour24(self, date: Date) -> int:
        """The hour, 0-23."""
        return self._get("getHour24", date, cal.HOUR_OF_DAY)

    def getAMorPM(self, date: Date) -> int:
        """0 before noon, 1 from noon on."""
        return self._get("getAMorPM", date, cal.AM_PM)

    def getMinute(self, date: Date) -> int:
        """The minutes, 0-59."""
        return self._get("getMinute", date, cal.MINUTE)

    def getSecond(self, date: Date) -> int:
        """The seconds, 0-59."""
        return self._get("getSecond", date, cal.SECOND)

    def getMillis(self, date: Date) -> int:
        """The milliseconds, 0-999."""
        return self._get("getMillis", date, cal.MILLISECOND)

    # -- compare -------------------------------------------------------------

    def isAfter(self, date_1: Date, date_2: Date) -> bool:
        """Whether ``date_1`` is strictly after ``date_2``."""
        return _date("isAfter", date_1).after(_date("isAfter", date_2))

    def isBefore(self, date_1: Date, date_2: Date) -> bool:
        """Whether ``date_1`` is strictly before ``date_2``."""
        return _date("isBefore", date_1).before(_date("isBefore", date_2))

    def isBetween(self, target_date: Date, start_date: Date, end_date: Date) -> bool:
        """Whether ``start_date <= target_date <= end_date``."""
        target = _date("isBetween", target_date).getTime()
        start = _date("isBetween", start_date).getTime()
        return start <= target <= _date("isBetween", end_date).getTime()

    # -- time zone -------------------------------------------------------------

    def getTimezone(self) -> str:
        """The scope's zone id, e.g. ``America/Chicago``."""
        return self._zone().getID()

    def getTimezoneOffset(self, date: Date | None = None) -> float:
        """Hours from UTC at ``date`` (default now), DST included: -5.0, 5.5."""
        at = Date() if date is None else _date("getTimezoneOffset", date)
        return self._zone().offset_at(at.getTime()) / 3_600_000

    def getTimezoneRawOffset(self) -> float:
        """Hours from UTC without DST."""
        return self._zone().getRawOffset() / 3_600_000

    def isDaylightTime(self, date: Date | None = None) -> bool:
        """Whether the scope's zone is on DST at ``date`` (default now)."""
        at = Date() if date is None else _date("isDaylightTime", date)
        return self._zone().dst_at(at.getTime()) != 0


def _date(function: str, value: object) -> Date:
    if not isinstance(value, Date):
        raise TypeError(
            f"system.date.{function}(): expected a java.util.Date, "
            f"not {type(value).__name__}"
        )
    return value


def _int(function: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(
            f"system.date.{function}(): expected a number, not {type(value).__name__}"
        )
    return int(value)


def _whole(elapsed_ms: int, unit_ms: int) -> int:
    """Whole units in ``elapsed_ms``, truncated toward zero (Java's ``/``)."""
    return _whole_int(elapsed_ms, unit_ms)


def _whole_int(value: int, unit: int) -> int:
    quotient = abs(value) // unit
    return quotient if value >= 0 else -quotient
