"""java.util.Date, Calendar, TimeZone and java.text.SimpleDateFormat."""

from __future__ import annotations

import copy
import pickle
from typing import TYPE_CHECKING

import pytest

from visionsim.runtime.jython.java._local import IllegalArgumentException
from visionsim.runtime.jython.java.dates import (
    Calendar,
    Date,
    GregorianCalendar,
    ParseException,
    SimpleDateFormat,
    Timestamp,
    TimeZone,
    set_default_zone,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

#: Tue Dec 08 2026 00:45:10 UTC
MILLIS = 1_796_690_710_000


@pytest.fixture
def zone() -> Iterator[Callable[[str], None]]:
    """Set every scope's default zone; back to the machine's zone after."""
    yield set_default_zone
    set_default_zone(None)


def ny(*fields: int) -> Date:
    c = GregorianCalendar(TimeZone.getTimeZone("America/New_York"))
    c.clear()
    c.set(*fields)
    return c.getTime()


def test_date_prints_as_java_does_in_the_default_zone(zone: Callable) -> None:
    zone("UTC")
    d = Date(MILLIS)
    assert d.toString() == "Tue Dec 08 00:45:10 UTC 2026"
    assert str(d) == repr(d) == "Tue Dec 08 00:45:10 UTC 2026"
    zone("America/New_York")
    assert str(d) == "Mon Dec 07 19:45:10 EST 2026"
    assert str(Date(MILLIS - 180 * 86_400_000)) == "Wed Jun 10 20:45:10 EDT 2026"
    zone("Asia/Kolkata")
    assert str(d) == "Tue Dec 08 06:15:10 IST 2026"


def test_date_compares_and_hashes_by_instant() -> None:
    a, b = Date(1000), Date(2000)
    assert a.before(b)
    assert b.after(a)
    assert not a.after(b)
    assert (a.compareTo(b), b.compareTo(a), a.compareTo(Date(1000))) == (-1, 1, 0)
    assert a.equals(Date(1000))
    assert a == Date(1000)
    assert a != b
    assert a < b <= b
    assert b > a
    assert hash(a) == hash(Date(1000)) == a.hashCode()
    assert sorted([b, a]) == [a, b]
    a.setTime(5000)
    assert a.getTime() == a.time == 5000
    a.time = 7
    assert a.getTime() == 7


def test_date_now_is_the_current_time_in_millis() -> None:
    import time

    before = time.time_ns() // 1_000_000
    now = Date().getTime()
    assert before <= now <= time.time_ns() // 1_000_000


def test_deprecated_getters_and_constructor_use_the_default_zone(
    zone: Callable,
) -> None:
    zone("America/New_York")
    d = Date(MILLIS)  # Mon Dec 07 19:45:10 EST 2026
    assert (d.getYear(), d.getMonth(), d.getDate(), d.getDay()) == (126, 11, 7, 1)
    assert (d.getHours(), d.getMinutes(), d.getSeconds()) == (19, 45, 10)
    assert d.getTimezoneOffset() == 300
    assert (d.year, d.month, d.date, d.hours) == (126, 11, 7, 19)
    built = Date(124, 0, 31, 8, 30)
    assert str(built) == "Wed Jan 31 08:30:00 EST 2024"
    built.setMonth(1)  # Feb 31 rolls over to Mar 2, as in Java
    assert str(built) == "Sat Mar 02 08:30:00 EST 2024"


def test_date_copies_and_pickles() -> None:
    d = Date(MILLIS)
    assert copy.deepcopy(d) == d
    assert pickle.loads(pickle.dumps(d)) == d
    assert d.clone() == d
    assert d.clone() is not d


def test_timestamp_prints_like_java_sql(zone: Callable) -> None:
    zone("UTC")
    assert str(Timestamp(MILLIS)) == "2026-12-08 00:45:10.0"
    assert str(Timestamp(MILLIS + 120)) == "2026-12-08 00:45:10.12"
    assert isinstance(Timestamp(0), Date)


def test_time_zone_offsets_and_rules() -> None:
    new_york = TimeZone.getTimeZone("America/New_York")
    assert new_york.getID() == "America/New_York"
    assert new_york.getRawOffset() == -5 * 3_600_000
    assert new_york.getOffset(ny(2024, 6, 1).getTime()) == -4 * 3_600_000
    assert new_york.getOffset(ny(2024, 0, 1).getTime()) == -5 * 3_600_000
    assert new_york.useDaylightTime()
    assert new_york.inDaylightTime(ny(2024, 6, 1))
    utc = TimeZone.getTimeZone("UTC")
    assert not utc.useDaylightTime()
    assert utc.getRawOffset() == 0


def test_unknown_zone_ids_give_gmt_and_custom_ids_work() -> None:
    assert TimeZone.getTimeZone("Mars/Olympus").getID() == "GMT"
    india = TimeZone.getTimeZone("GMT+05:30")
    assert india.getID() == "GMT+05:30"
    assert india.getRawOffset() == 19_800_000


def test_default_zone_is_per_scope(zone: Callable) -> None:
    set_default_zone("Europe/Berlin", "client")
    set_default_zone("UTC", "gateway")
    from visionsim.runtime.jython.java._zone import default_zone

    assert default_zone("client").getID() == "Europe/Berlin"
    assert default_zone("gateway").getID() == "UTC"


def test_calendar_set_is_resolved_lazily_like_java(zone: Callable) -> None:
    zone("UTC")
    c = Calendar.getInstance()
    c.clear()
    c.set(2024, Calendar.JANUARY, 31)
    c.set(Calendar.MONTH, Calendar.FEBRUARY)
    c.set(Calendar.DAY_OF_MONTH, 28)
    assert str(c.getTime()) == "Wed Feb 28 00:00:00 UTC 2024"


def test_calendar_is_lenient_unless_told_otherwise(zone: Callable) -> None:
    zone("UTC")
    c = GregorianCalendar(2024, 11, 31)
    c.set(Calendar.DAY_OF_MONTH, 32)
    assert (c.get(Calendar.YEAR), c.get(Calendar.MONTH), c.get(Calendar.DATE)) == (
        2025,
        0,
        1,
    )
    c.setLenient(False)
    c.set(Calendar.MONTH, 12)
    with pytest.raises(IllegalArgumentException):
        c.getTime()


def test_calendar_add_months_clamps_and_days_keep_the_wall_time() -> None:
    zone_ny = TimeZone.getTimeZone("America/New_York")
    c = GregorianCalendar(zone_ny)
    c.setTime(ny(2024, 0, 31, 12, 0, 0))
    c.add(Calendar.MONTH, 1)
    assert (c.get(Calendar.MONTH), c.get(Calendar.DAY_OF_MONTH)) == (1, 29)
    c.setTime(ny(2024, 2, 9, 12, 0, 0))  # the day before DST starts
    c.add(Calendar.DAY_OF_MONTH, 1)
    assert c.get(Calendar.HOUR_OF_DAY) == 12
    assert c.getTimeInMillis() - ny(2024, 2, 9, 12, 0, 0).getTime() == 23 * 3_600_000
    c.add(Calendar.HOUR_OF_DAY, -24)  # hours are elapsed time
    assert c.get(Calendar.HOUR_OF_DAY) == 11


def test_calendar_wall_times_in_dst_gaps_and_overlaps() -> None:
    zone_ny = TimeZone.getTimeZone("America/New_York")
    spring = ny(2024, 2, 10, 2, 30, 0)  # 02:30 does not exist that day
    fmt = SimpleDateFormat("yyyy-MM-dd HH:mm z")
    fmt.setTimeZone(zone_ny)
    assert fmt.format(spring) == "2024-03-10 03:30 EDT"
    assert fmt.format(ny(2024, 10, 3, 1, 30, 0)) == "2024-11-03 01:30 EST"


def test_calendar_fields_weeks_and_maximums(zone: Callable) -> None:
    zone("UTC")
    c = GregorianCalendar(2024, Calendar.DECEMBER, 29, 15, 4, 5)
    assert c.get(Calendar.DAY_OF_WEEK) == Calendar.SUNDAY
    assert c.get(Calendar.WEEK_OF_YEAR) == 1  # US weeks: the week of Jan 1
    assert c.get(Calendar.DAY_OF_YEAR) == 364
    assert (c.get(Calendar.HOUR), c.get(Calendar.AM_PM)) == (3, Calendar.PM)
    c.set(Calendar.MONTH, Calendar.FEBRUARY)
    c.set(Calendar.DAY_OF_MONTH, 1)
    assert c.getActualMaximum(Calendar.DAY_OF_MONTH) == 29
    assert GregorianCalendar().isLeapYear(2000)
    assert not c.isLeapYear(1900)
    c.roll(Calendar.MONTH, -2)
    assert (c.get(Calendar.YEAR), c.get(Calendar.MONTH)) == (2024, Calendar.DECEMBER)


def test_format_pattern_letters(zone: Callable) -> None:
    zone("America/New_York")
    d = Date(MILLIS + 7)  # Mon Dec 07 19:45:10.007 EST 2026
    cases = {
        "yyyy-MM-dd HH:mm:ss": "2026-12-07 19:45:10",
        "yy/M/d h:mm a": "26/12/7 7:45 PM",
        "EEE, MMM d, ''yy": "Mon, Dec 7, '26",
        "EEEE MMMM": "Monday December",
        "hh 'o''clock' a, zzz": "07 o'clock PM, EST",
        "HH:mm:ss.SSS Z XXX X": "19:45:10.007 -0500 -05:00 -05",
        "D w W F u k K G": "341 50 2 1 1 19 7 AD",
        "S SSSS": "7 0007",
    }
    for pattern, expected in cases.items():
        assert SimpleDateFormat(pattern).format(d) == expected, pattern


def test_bad_patterns_are_rejected() -> None:
    with pytest.raises(IllegalArgumentException, match="Illegal pattern character 'b'"):
        SimpleDateFormat("yyyy-bb")
    with pytest.raises(IllegalArgumentException, match="Unterminated quote"):
        SimpleDateFormat("yyyy 'at")


def test_parse_is_lenient_and_ignores_trailing_text(zone: Callable) -> None:
    zone("UTC")
    fmt = SimpleDateFormat("yyyy-MM-dd HH:mm:ss")
    assert str(fmt.parse("2024-01-05 10:00:00")) == "Fri Jan 05 10:00:00 UTC 2024"
    assert str(fmt.parse("2024-13-45 25:00:00")) == "Sat Feb 15 01:00:00 UTC 2025"
    assert str(fmt.parse("2024-01-05 10:00:00 and more")).startswith("Fri Jan 05")
    assert str(fmt.parse("2024-1-5 9:7:3")) == "Fri Jan 05 09:07:03 UTC 2024"


def test_parse_adjacent_numbers_names_two_digit_years_and_zones(
    zone: Callable,
) -> None:
    zone("UTC")
    assert str(SimpleDateFormat("yyyyMMdd").parse("20240131")).startswith("Wed Jan 31")
    assert SimpleDateFormat("dd MMM yy").parse("05 FEB 24").getYear() == 124
    assert SimpleDateFormat("d MMMM yyyy").parse("5 february 2024").getMonth() == 1
    assert SimpleDateFormat("h:mm a").parse("12:30 AM").getHours() == 0
    at = SimpleDateFormat("yyyy-MM-dd HH:mm Z").parse("2024-01-05 10:00 +0100")
    assert str(at) == "Fri Jan 05 09:00:00 UTC 2024"
    at = SimpleDateFormat("yyyy-MM-dd'T'HH:mmXXX").parse("2024-01-05T10:00Z")
    assert str(at) == "Fri Jan 05 10:00:00 UTC 2024"


def test_parse_failure_is_a_parse_exception_with_the_offset() -> None:
    with pytest.raises(ParseException, match='Unparseable date: "2024/01/05"') as info:
        SimpleDateFormat("yyyy-MM-dd").parse("2024/01/05")
    assert info.value.getErrorOffset() == 4
    strict = SimpleDateFormat("yyyy-MM-dd")
    strict.setLenient(False)
    with pytest.raises(ParseException):
        strict.parse("2024-13-01")


def test_calendar_display_names(zone: Callable) -> None:
    zone("UTC")
    c = GregorianCalendar(2024, Calendar.FEBRUARY, 4, 15, 0, 0)
    assert c.getDisplayName(Calendar.MONTH, Calendar.LONG, None) == "February"
    assert c.getDisplayName(Calendar.MONTH, Calendar.SHORT, None) == "Feb"
    assert c.getDisplayName(Calendar.DAY_OF_WEEK, Calendar.LONG, None) == "Sunday"
    assert c.getDisplayName(Calendar.AM_PM, Calendar.SHORT, None) == "PM"
    assert c.getDisplayName(Calendar.YEAR, Calendar.LONG, None) is None


def test_dates_beyond_year_9999_fail_with_a_clear_java_error(zone: Callable) -> None:
    zone("UTC")
    c = GregorianCalendar(2024, 0, 1)
    with pytest.raises(IllegalArgumentException, match="years 1 to 9999"):
        c.add(Calendar.YEAR, 10_000)
    with pytest.raises(IllegalArgumentException, match="years 1 to 9999"):
        str(Date(10**18))
    with pytest.raises(ParseException):
        SimpleDateFormat("yyyy").parse("9" * 400)
