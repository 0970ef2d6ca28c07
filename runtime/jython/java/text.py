"""``java.text``'s ``DecimalFormat`` and ``NumberFormat`` (US locale).

Java rounds with ``HALF_EVEN`` on the double's exact binary value, so
``DecimalFormat("0.#").format(2.25)`` is ``2.2`` and ``format(2.35)`` is
``2.4``; that is reproduced with :class:`decimal.Decimal`. ``SimpleDateFormat``
lives with the date classes (:mod:`.dates`).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from visionsim.runtime.jython.java.errors import (
    IllegalArgumentException,
    ParseException,
)


class DecimalFormat:
    """``java.text.DecimalFormat``: ``#,##0.00``, ``0.###``, ``#%``, ``$#,##0``."""

    def __init__(self, pattern: str = "#,##0.###") -> None:
        self.applyPattern(pattern)

    def applyPattern(self, pattern: str) -> None:
        """Read a pattern: prefix, digits, grouping, fraction, suffix."""
        positive = str(pattern).split(";")[0]
        match = re.fullmatch(r"([^#0,.]*)([#0,]*)(?:\.([#0]*))?([^#0,.]*)", positive)
        if match is None:
            raise IllegalArgumentException(f'Malformed pattern "{pattern}"')
        self._pattern = str(pattern)
        self._prefix, whole, fraction, self._suffix = match.groups()
        fraction = fraction or ""
        self._multiplier = 100 if "%" in self._prefix + self._suffix else 1
        self._grouping = len(whole) - whole.rfind(",") - 1 if "," in whole else 0
        self._min_int = whole.count("0")
        if not self._min_int and whole and "." in positive:
            self._min_int = 1  # Java reads "#.##" as "#0.##"
        self._min_frac = fraction.count("0")
        self._max_frac = len(fraction)
        self._show_point = "." in positive and not fraction

    def setMaximumFractionDigits(self, digits: int) -> None:
        """At most ``digits`` after the point."""
        self._max_frac = digits
        self._min_frac = min(self._min_frac, digits)

    def setMinimumFractionDigits(self, digits: int) -> None:
        """At least ``digits`` after the point."""
        self._min_frac = digits
        self._max_frac = max(self._max_frac, digits)

    def setMinimumIntegerDigits(self, digits: int) -> None:
        """At least ``digits`` before the point."""
        self._min_int = digits

    def setGroupingUsed(self, used: bool) -> None:
        """Group thousands or not."""
        self._grouping = 3 if used else 0

    def setGroupingSize(self, size: int) -> None:
        """Digits per group."""
        self._grouping = size

    def toPattern(self) -> str:
        """The pattern."""
        return self._pattern

    def format(self, value: object) -> str:
        """The number as text, rounded half-even."""
        number = _decimal(value) * self._multiplier
        negative = number < 0 or (
            isinstance(value, float) and str(value).startswith("-")
        )
        quantum = Decimal(1).scaleb(-self._max_frac)
        rounded = abs(number).quantize(quantum, rounding=ROUND_HALF_EVEN)
        text = f"{rounded:f}"
        whole, _, fraction = text.partition(".")
        fraction = fraction.rstrip("0").ljust(self._min_frac, "0")
        whole = whole.lstrip("0").rjust(self._min_int, "0")
        if not whole and not fraction:
            whole = "0"
        if self._grouping:
            whole = _group(whole, self._grouping)
        point = "." if fraction or self._show_point else ""
        sign = "-" if negative else ""
        return f"{sign}{self._prefix}{whole}{point}{fraction}{self._suffix}"

    def parse(self, text: str) -> int | float:
        """Read a number back (ParseException when there is none)."""
        body = str(text).strip()
        if self._prefix and body.startswith(self._prefix):
            body = body[len(self._prefix) :]
        match = re.match(r"-?[\d,]*\.?\d*", body)
        digits = (match.group() if match else "").replace(",", "")
        if digits in ("", "-", ".", "-."):
            raise ParseException(f'Unparseable number: "{text}"')
        number = Decimal(digits) / self._multiplier
        if number == number.to_integral_value():
            return int(number)
        return float(number)


def _decimal(value: object) -> Decimal:
    try:
        return Decimal(value) if isinstance(value, int | float) else Decimal(str(value))
    except InvalidOperation:
        raise IllegalArgumentException(
            "Cannot format given Object as a Number"
        ) from None


def _group(digits: str, size: int) -> str:
    groups: list[str] = []
    while len(digits) > size:
        groups.insert(0, digits[-size:])
        digits = digits[:-size]
    groups.insert(0, digits)
    return ",".join(g for g in groups if g)


class NumberFormat:
    """``java.text.NumberFormat``: the US-locale instances."""

    @staticmethod
    def getInstance(locale: object = None) -> DecimalFormat:
        """Up to three decimals, grouped: ``1,234.568``."""
        return DecimalFormat("#,##0.###")

    getNumberInstance = getInstance

    @staticmethod
    def getIntegerInstance(locale: object = None) -> DecimalFormat:
        """Whole numbers, grouped, half-even."""
        return DecimalFormat("#,##0")

    @staticmethod
    def getPercentInstance(locale: object = None) -> DecimalFormat:
        """``26%``."""
        return DecimalFormat("#,##0%")

    @staticmethod
    def getCurrencyInstance(locale: object = None) -> DecimalFormat:
        """``$1,234.50``."""
        return DecimalFormat("$#,##0.00")
