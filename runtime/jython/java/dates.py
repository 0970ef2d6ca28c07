"""Java's date classes: the ones ``system.date`` works on.

``java.util.Date``, ``Calendar``, ``GregorianCalendar``, ``TimeZone`` and
``java.text.SimpleDateFormat``.

Placeholders until the dates work lands (shared by the Java classes and
``system.date``; see the issues on Jython and on tags and databases).
"""

from __future__ import annotations

__all__ = ["Calendar", "Date", "GregorianCalendar", "SimpleDateFormat", "TimeZone"]


class Date:
    """``java.util.Date``: milliseconds since the epoch, UTC."""


class Calendar:
    """``java.util.Calendar``."""


class GregorianCalendar(Calendar):
    """``java.util.GregorianCalendar``."""


class TimeZone:
    """``java.util.TimeZone``."""


class SimpleDateFormat:
    """``java.text.SimpleDateFormat``."""
