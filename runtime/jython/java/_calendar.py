"""``java.util.Calendar`` and ``GregorianCalendar`` (lenient, US week rules).

Like Java, ``set`` only records a field: the calendar works its time out
the next time it is read, from every field set since, so
``set(MONTH, FEBRUARY)`` then ``set(DAY_OF_MONTH, 28)`` on January 31 gives
February 28 (not March 28). Weeks start on Sunday and week 1 is the week
holding January 1 (``Locale.US``, the default in most Ignition installs).
Over 400 lines because Calendar's field API is one interface.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, ClassVar

from visionsim.runtime.jython.java._local import (
    MILLIS_PER_DAY,
    IllegalArgumentException,
    days_in_month,
    from_local_millis,
    to_fields,
    to_local_millis,
    wall_millis,
)
from visionsim.runtime.jython.java._names import AM_PM as AM_PM_NAMES
from visionsim.runtime.jython.java._names import ERAS, MONTHS, WEEKDAYS, name_as_java
from visionsim.runtime.jython.java._zone import TimeZone, default_zone

if TYPE_CHECKING:
    from visionsim.runtime.jython.java._local import Fields
    from visionsim.runtime.jython.java.dates import Date

ERA, YEAR, MONTH, WEEK_OF_YEAR, WEEK_OF_MONTH = 0, 1, 2, 3, 4
DATE = DAY_OF_MONTH = 5
DAY_OF_YEAR, DAY_OF_WEEK, DAY_OF_WEEK_IN_MONTH = 6, 7, 8
AM_PM, HOUR, HOUR_OF_DAY, MINUTE, SECOND, MILLISECOND = 9, 10, 11, 12, 13, 14
ZONE_OFFSET, DST_OFFSET = 15, 16
FIELD_COUNT = 17
_EXACT_MS = {
    HOUR: 3_600_000,
    HOUR_OF_DAY: 3_600_000,
    MINUTE: 60_000,
    SECOND: 1000,
    MILLISECOND: 1,
    AM_PM: 43_200_000,
}
_DAYS = {DAY_OF_MONTH: 1, DAY_OF_YEAR: 1, DAY_OF_WEEK: 1}
_WEEKS = {WEEK_OF_YEAR: 7, WEEK_OF_MONTH: 7, DAY_OF_WEEK_IN_MONTH: 7}
_MINIMUM = {DAY_OF_MONTH: 1, DAY_OF_YEAR: 1, DAY_OF_WEEK: 1, WEEK_OF_YEAR: 1}
_MAXIMUM = {
    ERA: 1,
    YEAR: 292278994,
    MONTH: 11,
    WEEK_OF_YEAR: 53,
    WEEK_OF_MONTH: 6,
    DAY_OF_MONTH: 31,
    DAY_OF_YEAR: 366,
    DAY_OF_WEEK: 7,
    DAY_OF_WEEK_IN_MONTH: 6,
    AM_PM: 1,
    HOUR: 11,
    HOUR_OF_DAY: 23,
    MINUTE: 59,
    SECOND: 59,
    MILLISECOND: 999,
}


def week_fields(f: Fields) -> tuple[int, int, int]:
    """``(week year, WEEK_OF_YEAR, WEEK_OF_MONTH)`` under US rules."""
    jan1 = (f.weekday - 1 - (f.yday - 1)) % 7  # 0 = Sunday
    week = (f.yday - 1 + jan1) // 7 + 1
    year_days = 366 if days_in_month(f.year, 1) == 29 else 365
    next_jan1 = (jan1 + year_days) % 7
    week_year = f.year
    if next_jan1 and year_days - f.yday < next_jan1:
        week, week_year = 1, f.year + 1
    first = (f.weekday - 1 - (f.day - 1)) % 7
    return week_year, week, (f.day - 1 + first) // 7 + 1


def field_value(f: Fields, field: int) -> int:
    """The value of Calendar ``field`` in ``f``."""
    simple = {
        ERA: 1,
        YEAR: f.year,
        MONTH: f.month,
        DAY_OF_MONTH: f.day,
        DAY_OF_YEAR: f.yday,
        DAY_OF_WEEK: f.weekday,
        DAY_OF_WEEK_IN_MONTH: (f.day - 1) // 7 + 1,
        AM_PM: f.hour // 12,
        HOUR: f.hour % 12,
        HOUR_OF_DAY: f.hour,
        MINUTE: f.minute,
        SECOND: f.second,
        MILLISECOND: f.millis,
        ZONE_OFFSET: f.offset - f.dst,
        DST_OFFSET: f.dst,
    }
    if field in simple:
        return simple[field]
    if field in (WEEK_OF_YEAR, WEEK_OF_MONTH):
        _, week, week_of_month = week_fields(f)
        return week if field == WEEK_OF_YEAR else week_of_month
    raise IllegalArgumentException(f"no Calendar field {field}")


class Calendar:
    """``java.util.Calendar``: fields of an instant in a zone.

    ``Calendar.getInstance()`` is a :class:`GregorianCalendar` at now in the
    scope's default zone.
    """

    ERA, YEAR, MONTH, WEEK_OF_YEAR, WEEK_OF_MONTH = 0, 1, 2, 3, 4
    DATE = DAY_OF_MONTH = 5
    DAY_OF_YEAR, DAY_OF_WEEK, DAY_OF_WEEK_IN_MONTH = 6, 7, 8
    AM_PM, HOUR, HOUR_OF_DAY, MINUTE, SECOND, MILLISECOND = 9, 10, 11, 12, 13, 14
    ZONE_OFFSET, DST_OFFSET, FIELD_COUNT = 15, 16, 17
    JANUARY, FEBRUARY, MARCH, APRIL, MAY, JUNE = 0, 1, 2, 3, 4, 5
    JULY, AUGUST, SEPTEMBER, OCTOBER, NOVEMBER, DECEMBER = 6, 7, 8, 9, 10, 11
    UNDECIMBER = 12
    SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY = range(1, 8)
    AM, PM = 0, 1
    ALL_STYLES, SHORT, LONG = 0, 1, 2
    _counter: ClassVar[int] = 0

    def __init__(self, zone: TimeZone | None = None) -> None:
        self._zone = zone or default_zone()
        self._millis = time.time_ns() // 1_000_000
        self._pending: dict[int, tuple[int, int]] = {}
        self._lenient = True
        self._first_day = Calendar.SUNDAY

    @staticmethod
    def getInstance(zone: TimeZone | None = None, locale: object = None) -> Calendar:
        """A GregorianCalendar at now (in ``zone``, default the scope's)."""
        if zone is not None and not isinstance(zone, TimeZone):
            zone = None  # getInstance(Locale)
        return GregorianCalendar(zone)

    # -- the instant --------------------------------------------------------

    def getTimeInMillis(self) -> int:
        """The instant, in ms since the epoch."""
        self._complete()
        return self._millis

    def setTimeInMillis(self, millis: int) -> None:
        """Move to the instant ``millis``; forgets fields set since."""
        self._pending.clear()
        self._millis = int(millis)

    def getTime(self) -> Date:
        """The instant as a new ``java.util.Date``."""
        from visionsim.runtime.jython.java.dates import Date

        return Date(self.getTimeInMillis())

    def setTime(self, date: Date) -> None:
        """Move to the instant of ``date``."""
        self.setTimeInMillis(date.getTime())

    def getTimeZone(self) -> TimeZone:
        """The calendar's zone."""
        return self._zone

    def setTimeZone(self, value: TimeZone) -> None:
        """Change the zone; the instant stays, the fields follow."""
        self._complete()
        self._zone = value

    # -- fields -------------------------------------------------------------

    def get(self, field: int) -> int:
        """The value of ``field`` (``Calendar.YEAR``, ``MONTH``...)."""
        self._complete()
        return field_value(self._fields(), int(field))

    def set(self, *args: int) -> None:
        """``set(field, value)`` or ``set(year, month, date[, hour, minute[, s]])``."""
        if len(args) == 2:
            self._record(int(args[0]), int(args[1]))
            return
        if len(args) not in (3, 5, 6):
            raise TypeError(f"set() takes 2, 3, 5 or 6 arguments ({len(args)} given)")
        names = (YEAR, MONTH, DAY_OF_MONTH, HOUR_OF_DAY, MINUTE, SECOND)
        for field, value in zip(names, args, strict=False):
            self._record(field, int(value))

    def getDisplayName(
        self, field: int, style: int, locale: object = None
    ) -> str | None:
        """The English name of ``field``'s value (MONTH, DAY_OF_WEEK, AM_PM, ERA).

        ``Calendar.SHORT`` gives ``Jan``/``Mon``; ``LONG`` ``January``/``Monday``.
        """
        value = self.get(field)
        names = {MONTH: MONTHS, DAY_OF_WEEK: WEEKDAYS, AM_PM: AM_PM_NAMES, ERA: ERAS}
        if int(field) not in names:
            return None
        name = names[int(field)][value - 1 if field == DAY_OF_WEEK else value]
        return name[:3] if style == Calendar.SHORT else name

    def clear(self, field: int | None = None) -> None:
        """Clear every field (to 1970-01-01 00:00:00.000 local) or one field."""
        if field is None:
            self._pending.clear()
            self._millis = from_local_millis(0, self._zone)
            return
        self._record(int(field), _MINIMUM.get(int(field), 0))

    def isSet(self, field: int) -> bool:
        """Whether ``field`` has a value (always, here: fields are computed)."""
        return 0 <= int(field) < FIELD_COUNT

    def add(self, field: int, amount: int) -> None:
        """Add ``amount`` of ``field``: months and years clamp the day."""
        self._complete()
        field, amount = int(field), int(amount)
        if field in _EXACT_MS:
            self._millis += amount * _EXACT_MS[field]
        elif field in (YEAR, MONTH):
            months = amount * 12 if field == YEAR else amount
            self._shift_months(months)
        elif field in _DAYS or field in _WEEKS:
            days = amount * (_WEEKS.get(field) or 1)
            local = wall_millis(self._fields()) + days * MILLIS_PER_DAY
            self._millis = from_local_millis(local, self._zone)
        elif field not in (ERA, ZONE_OFFSET, DST_OFFSET):
            raise IllegalArgumentException(f"no Calendar field {field}")

    def roll(self, field: int, amount: int | bool) -> None:
        """Add to ``field`` without changing larger fields (wraps around)."""
        step = (1 if amount else -1) if isinstance(amount, bool) else int(amount)
        field = int(field)
        low = self.getActualMinimum(field)
        high = self.getActualMaximum(field)
        value = low + (self.get(field) - low + step) % (high - low + 1)
        self.set(field, value)
        self._complete()

    def getActualMaximum(self, field: int) -> int:
        """The largest value ``field`` can take at the current date."""
        f = self._complete_fields()
        if field == DAY_OF_MONTH:
            return days_in_month(f.year, f.month)
        if field == DAY_OF_YEAR:
            return 366 if days_in_month(f.year, 1) == 29 else 365
        return self.getMaximum(field)

    def getActualMinimum(self, field: int) -> int:
        """The smallest value ``field`` can take."""
        return self.getMinimum(field)

    def getMaximum(self, field: int) -> int:
        """The largest value ``field`` ever takes."""
        return _MAXIMUM.get(int(field), 0)

    def getMinimum(self, field: int) -> int:
        """The smallest value ``field`` ever takes."""
        return _MINIMUM.get(int(field), 0)

    def setLenient(self, lenient: bool) -> None:
        """Whether out-of-range fields roll over (True) or raise (False)."""
        self._lenient = bool(lenient)

    def isLenient(self) -> bool:
        """Whether out-of-range fields roll over."""
        return self._lenient

    def getFirstDayOfWeek(self) -> int:
        """``Calendar.SUNDAY`` (US rules)."""
        return self._first_day

    def setFirstDayOfWeek(self, value: int) -> None:
        """Record the first day of the week (weeks still follow US rules)."""
        self._first_day = int(value)

    def getMinimalDaysInFirstWeek(self) -> int:
        """1 (US rules)."""
        return 1

    # -- comparison ---------------------------------------------------------

    def before(self, when: object) -> bool:
        """Whether this instant is before ``when``'s (a Calendar)."""
        return isinstance(when, Calendar) and self.compareTo(when) < 0

    def after(self, when: object) -> bool:
        """Whether this instant is after ``when``'s (a Calendar)."""
        return isinstance(when, Calendar) and self.compareTo(when) > 0

    def compareTo(self, anotherCalendar: Calendar) -> int:
        """-1, 0 or 1 by instant."""
        a, b = self.getTimeInMillis(), anotherCalendar.getTimeInMillis()
        return (a > b) - (a < b)

    def equals(self, obj: object) -> bool:
        """Same instant, zone and leniency."""
        return (
            isinstance(obj, Calendar)
            and obj.getTimeInMillis() == self.getTimeInMillis()
            and obj._zone == self._zone
            and obj._lenient == self._lenient
        )

    __eq__ = equals

    def __hash__(self) -> int:
        return hash((self.getTimeInMillis(), self._zone))

    def clone(self) -> Calendar:
        """An independent copy."""
        self._complete()
        copy = type(self).__new__(type(self))
        Calendar.__init__(copy, self._zone)
        copy._millis, copy._lenient = self._millis, self._lenient
        return copy

    def toString(self) -> str:
        """A short form of Java's debug text."""
        return (
            f"java.util.GregorianCalendar[time={self.getTimeInMillis()},"
            f"zone={self._zone.getID()},lenient={str(self._lenient).lower()}]"
        )

    __str__ = __repr__ = toString

    time = property(getTime, setTime)
    timeInMillis = property(getTimeInMillis, setTimeInMillis)
    timeZone = property(getTimeZone, setTimeZone)

    # -- internals ------------------------------------------------------------

    def _fields(self) -> Fields:
        return to_fields(self._millis, self._zone)

    def _complete_fields(self) -> Fields:
        self._complete()
        return self._fields()

    def _record(self, field: int, value: int) -> None:
        if not 0 <= field < FIELD_COUNT:
            raise IndexError(f"no Calendar field {field}")
        Calendar._counter += 1
        self._pending[field] = (Calendar._counter, value)

    def _shift_months(self, months: int) -> None:
        f = self._fields()
        total = f.year * 12 + f.month + months
        year, month = divmod(total, 12)
        day = min(f.day, days_in_month(year, month))
        time_ms = wall_millis(f) - to_local_millis(f.year, f.month, f.day, 0)
        local = to_local_millis(year, month, day, time_ms)
        self._millis = from_local_millis(local, self._zone)

    def _complete(self) -> None:
        """Work the instant out from the fields set since it was last known."""
        if not self._pending:
            return
        pending = sorted(self._pending.items(), key=lambda item: item[1][0])
        self._pending.clear()
        values = {k: field_value(self._fields(), k) for k in _MAXIMUM}
        date_rule, hour_rule = DAY_OF_MONTH, HOUR_OF_DAY
        for field, (_, value) in pending:
            if not self._lenient:
                _check_range(field, value)
            values[field] = value
            if field in (DAY_OF_MONTH, DAY_OF_YEAR, DAY_OF_WEEK, MONTH):
                date_rule = DAY_OF_MONTH if field == MONTH else field
            elif field in (HOUR, AM_PM, HOUR_OF_DAY):
                hour_rule = HOUR_OF_DAY if field == HOUR_OF_DAY else HOUR
        year, month, day = values[YEAR], values[MONTH], values[DAY_OF_MONTH]
        if date_rule == DAY_OF_YEAR:
            month, day = 0, values[DAY_OF_YEAR]
        hour = values[HOUR_OF_DAY]
        if hour_rule == HOUR:
            hour = values[AM_PM] * 12 + values[HOUR]
        time_ms = ((hour * 60 + values[MINUTE]) * 60 + values[SECOND]) * 1000 + values[
            MILLISECOND
        ]
        local = to_local_millis(year, month, day, time_ms)
        if date_rule == DAY_OF_WEEK:
            current = (local // MILLIS_PER_DAY + 4) % 7 + 1  # 1970-01-01: Thursday
            local += (values[DAY_OF_WEEK] - current) * MILLIS_PER_DAY
        self._millis = from_local_millis(local, self._zone)


def _check_range(field: int, value: int) -> None:
    if field in _MAXIMUM and not _MINIMUM.get(field, 0) <= value <= _MAXIMUM[field]:
        raise IllegalArgumentException(f"field {field} out of range: {value}")


class GregorianCalendar(Calendar):
    """``java.util.GregorianCalendar``.

    ``GregorianCalendar()``, ``GregorianCalendar(zone)`` or
    ``GregorianCalendar(year, month, day[, hour, minute[, second]])``.
    """

    BC, AD = 0, 1

    def __init__(self, *args: object) -> None:
        zone = args[0] if len(args) == 1 and isinstance(args[0], TimeZone) else None
        super().__init__(zone)
        if len(args) >= 3:
            self.clear()
            self.set(*(int(a) for a in args))  # type: ignore[call-overload]
            self._complete()

    def isLeapYear(self, year: int) -> bool:
        """Whether ``year`` has a February 29."""
        return days_in_month(int(year), 1) == 29


name_as_java(IllegalArgumentException)
