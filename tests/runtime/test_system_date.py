"""system.date: Ignition 8.1's 43 functions, in the client's and gateway's zones."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.conftest import run
from visionsim.runtime.ignition.api81 import FUNCTIONS
from visionsim.runtime.jython.java.dates import Date, ParseException, set_default_zone

if TYPE_CHECKING:
    import types
    from collections.abc import Iterator

    from visionsim.runtime import ClientSession, Simulation

HOUR = 3_600_000


@pytest.fixture
def date(client: ClientSession) -> Iterator[types.ModuleType]:
    """The client's system.date, working in New York time."""
    set_default_zone("America/New_York")
    yield client.scope.system.date
    set_default_zone(None)


def at(date: types.ModuleType, text: str) -> Date:
    return date.parse(text, "yyyy-MM-dd HH:mm:ss.SSS")


def test_every_81_function_exists_in_both_scopes(
    sim: Simulation, client: ClientSession
) -> None:
    gateway_date = sim.gateway.scopes["ThreadingBasics"].system.date
    for module in (client.scope.system.date, gateway_date):
        names = {n for n in vars(module) if not n.startswith("_")}
        assert FUNCTIONS["system.date"] <= names
    assert len(FUNCTIONS["system.date"]) == 43


def test_now_from_millis_and_to_millis(date: types.ModuleType) -> None:
    before = Date().getTime()
    now = date.now()
    assert isinstance(now, Date)
    assert before <= now.getTime() <= Date().getTime()
    assert date.toMillis(date.fromMillis(1_700_000_000_123)) == 1_700_000_000_123


def test_add_functions_return_new_dates_and_follow_calendar_rules(
    date: types.ModuleType,
) -> None:
    start = at(date, "2024-01-31 10:00:00.000")
    assert date.format(date.addMonths(start, 1)) == "2024-02-29 10:00:00"
    assert date.format(date.addMonths(start, -2)) == "2023-11-30 10:00:00"
    assert date.format(date.addYears(at(date, "2024-02-29 00:00:00.000"), 1)) == (
        "2025-02-28 00:00:00"
    )
    assert date.format(date.addWeeks(start, 2)) == "2024-02-14 10:00:00"
    assert date.format(date.addMinutes(start, 90)) == "2024-01-31 11:30:00"
    assert date.format(date.addSeconds(start, -1)) == "2024-01-31 09:59:59"
    assert date.addMillis(start, 5).getTime() == start.getTime() + 5
    assert date.format(start) == "2024-01-31 10:00:00"  # unchanged


def test_add_days_keeps_the_wall_time_but_add_hours_is_elapsed_time(
    date: types.ModuleType,
) -> None:
    before_dst = at(date, "2024-03-09 12:00:00.000")  # DST starts on the 10th
    next_day = date.addDays(before_dst, 1)
    assert date.format(next_day) == "2024-03-10 12:00:00"
    assert date.millisBetween(before_dst, next_day) == 23 * HOUR
    assert date.format(date.addHours(before_dst, 24)) == "2024-03-10 13:00:00"


def test_between_counts_whole_units_toward_zero(date: types.ModuleType) -> None:
    a = at(date, "2024-01-01 00:00:00.000")
    assert date.millisBetween(a, date.addMillis(a, 1999)) == 1999
    assert date.secondsBetween(a, date.addMillis(a, 1999)) == 1
    assert date.secondsBetween(a, date.addMillis(a, -1999)) == -1
    assert date.minutesBetween(a, date.addSeconds(a, 119)) == 1
    assert date.hoursBetween(date.addMinutes(a, 150), a) == -2
    assert date.weeksBetween(a, date.addDays(a, 20)) == 2
    assert date.daysBetween(a, date.addMinutes(a, 24 * 60 - 1)) == 0


def test_days_months_and_years_between_are_calendar_units(
    date: types.ModuleType,
) -> None:
    a, b = at(date, "2024-03-09 12:00:00.000"), at(date, "2024-03-10 12:00:00.000")
    assert (date.daysBetween(a, b), date.hoursBetween(a, b)) == (1, 23)
    jan31 = at(date, "2024-01-31 00:00:00.000")
    assert date.monthsBetween(jan31, at(date, "2024-02-29 00:00:00.000")) == 1
    assert date.monthsBetween(at(date, "2024-01-15 00:00:00.000"), jan31) == 0
    assert date.monthsBetween(at(date, "2024-01-15 00:00:00.000"), a) == 1
    assert date.monthsBetween(a, at(date, "2024-01-20 00:00:00.000")) == -1
    leap = at(date, "2020-02-29 00:00:00.000")
    assert date.yearsBetween(leap, at(date, "2021-02-28 00:00:00.000")) == 1
    assert date.yearsBetween(leap, at(date, "2021-02-27 00:00:00.000")) == 0
    assert date.yearsBetween(at(date, "2030-06-01 00:00:00.000"), leap) == -10


def test_get_functions(date: types.ModuleType) -> None:
    d = at(date, "2026-12-06 12:45:10.007")  # a Sunday
    got = [
        date.getYear(d),
        date.getMonth(d),
        date.getQuarter(d),
        date.getDayOfMonth(d),
        date.getDayOfWeek(d),
        date.getDayOfYear(d),
        date.getHour12(d),
        date.getHour24(d),
        date.getAMorPM(d),
        date.getMinute(d),
        date.getSecond(d),
        date.getMillis(d),
    ]
    assert got == [2026, 11, 4, 6, 1, 340, 0, 12, 1, 45, 10, 7]
    morning = at(date, "2026-01-01 09:00:00.000")
    assert (date.getHour12(morning), date.getAMorPM(morning)) == (9, 0)
    assert date.getQuarter(morning) == 1


def test_get_date_midnight_and_set_time(date: types.ModuleType) -> None:
    assert str(date.getDate(2024, 0, 31)) == "Wed Jan 31 00:00:00 EST 2024"
    assert str(date.getDate(2024, 12, 1)) == "Wed Jan 01 00:00:00 EST 2025"
    d = at(date, "2024-07-04 15:16:17.890")
    assert str(date.midnight(d)) == "Thu Jul 04 00:00:00 EDT 2024"
    moved = date.setTime(d, 6, 7, 8)
    assert date.format(moved, "HH:mm:ss.SSS") == "06:07:08.000"


def test_format_and_parse(date: types.ModuleType) -> None:
    d = date.parse("2024-07-04 15:16:17")
    assert date.format(d) == "2024-07-04 15:16:17"
    assert date.format(d, "EEE, MMM d yyyy h:mm a z") == "Thu, Jul 4 2024 3:16 PM EDT"
    assert date.format(date.parse("04/07/24", "dd/MM/yy")) == "2024-07-04 00:00:00"
    with pytest.raises(ParseException, match='Unparseable date: "July 4th"'):
        date.parse("July 4th")


def test_comparisons_are_inclusive_only_for_is_between(
    date: types.ModuleType,
) -> None:
    a, b = date.fromMillis(1000), date.fromMillis(2000)
    assert date.isBefore(a, b)
    assert date.isAfter(b, a)
    assert not date.isAfter(a, a)
    assert date.isBetween(a, a, b)
    assert date.isBetween(b, a, b)
    assert not date.isBetween(date.fromMillis(2001), a, b)


def test_time_zone_functions(date: types.ModuleType) -> None:
    summer, winter = date.getDate(2024, 6, 1), date.getDate(2024, 0, 1)
    assert date.getTimezone() == "America/New_York"
    assert date.getTimezoneOffset(summer) == -4.0
    assert date.getTimezoneOffset(winter) == -5.0
    assert date.getTimezoneRawOffset() == -5.0
    assert date.isDaylightTime(summer)
    assert not date.isDaylightTime(winter)
    set_default_zone("Asia/Kolkata")
    assert date.getTimezoneOffset() == 5.5


def test_wrong_argument_types_name_the_function(date: types.ModuleType) -> None:
    with pytest.raises(TypeError, match=r"system\.date\.addDays\(\): expected a java"):
        date.addDays("2024-01-01", 1)
    with pytest.raises(TypeError, match=r"system\.date\.addDays\(\): expected a num"):
        date.addDays(date.now(), "1")


def test_each_scope_uses_its_own_zone(sim: Simulation, client: ClientSession) -> None:
    set_default_zone("Europe/Berlin", "client")
    set_default_zone("UTC", "gateway")
    try:
        run(client, "print 'client', system.date.format(system.date.fromMillis(0))")
        sim.gateway.run_script(
            "ThreadingBasics",
            "d = system.date.fromMillis(0)\n"
            "print 'gateway', system.date.format(d), system.date.getTimezone(), d\n",
            "console.py",
        )
        assert sim.wait_idle(5)
    finally:
        set_default_zone(None)
    texts = [line.text for line in sim.output.history()]
    assert "client 1970-01-01 01:00:00\n" in texts
    assert "gateway 1970-01-01 00:00:00 UTC Thu Jan 01 00:00:00 UTC 1970\n" in texts
    assert sim.errors.reports() == []
