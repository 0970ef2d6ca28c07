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
