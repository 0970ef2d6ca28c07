"""English month, weekday, AM/PM and era names, as Java's ``Locale.ENGLISH``."""

from __future__ import annotations

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: Sunday first: Java's ``Calendar.SUNDAY`` is 1.
WEEKDAYS = (
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
)
AM_PM = ("AM", "PM")
ERAS = ("BC", "AD")


def name_as_java(*classes: type) -> None:
    """Name each exception class after its ``java_name`` in tracebacks.

    ``java.text.ParseException: Unparseable date`` reads as in Ignition.
    """
    for cls in classes:
        package, _, name = str(getattr(cls, "java_name", "")).rpartition(".")
        if package:
            cls.__module__ = package
            cls.__qualname__ = name
