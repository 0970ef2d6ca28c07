"""``java.text.SimpleDateFormat`` (English names) and ``ParseException``.

Pattern letters, quoting (``'at'``, ``''``) and lenient parsing follow
Java: spaces before a field are skipped, a number next to another number
field takes exactly as many digits as its letters (``yyyyMMdd``), ``yy``
puts the year within 80 years before and 20 after now, out-of-range
values roll over, and text after the pattern is ignored. Long zone names
(``zzzz``) print the abbreviation (Java's name tables are not kept).
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING

from visionsim.runtime.jython.java import _calendar as cal
from visionsim.runtime.jython.java._calendar import GregorianCalendar, week_fields
from visionsim.runtime.jython.java._local import IllegalArgumentException, to_fields
from visionsim.runtime.jython.java._names import (
    AM_PM,
    ERAS,
    MONTHS,
    WEEKDAYS,
    name_as_java,
)
from visionsim.runtime.jython.java._zone import TimeZone, default_zone
from visionsim.runtime.jython.java.errors import JavaException

if TYPE_CHECKING:
    from visionsim.runtime.jython.java._local import Fields
    from visionsim.runtime.jython.java.dates import Date

_LETTERS = "GyYMLwWDdFEuaHkKhmsSzZX"
_NUMERIC = set("yYMLwWDdFuHkKhmsS")
_ZONE_TEXT = re.compile(r"(?:GMT|UTC)?\s*([+-])(\d{1,2}):?(\d{2})?|(Z)(?![A-Za-z])")
Token = tuple[str, int] | str


class ParseException(JavaException):
    """``java.text.ParseException``: text that does not match the pattern."""

    java_name = "java.text.ParseException"

    def __init__(self, message: str, errorOffset: int = 0) -> None:
        super().__init__(message)
        self.errorOffset = errorOffset

    def getErrorOffset(self) -> int:
        """Where in the text parsing failed."""
        return self.errorOffset


def compile_pattern(pattern: str) -> list[Token]:
    """The pattern as literal strings and ``(letter, count)`` fields."""
    tokens: list[Token] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "'":
            if pattern.startswith("''", i):
                tokens.append("'")
                i += 2
                continue
            end = i + 1
            text = []
            while True:
                if end >= n:
                    raise IllegalArgumentException("Unterminated quote")
                if pattern.startswith("''", end):
                    text.append("'")
                    end += 2
                elif pattern[end] == "'":
                    break
                else:
                    text.append(pattern[end])
                    end += 1
            tokens.append("".join(text))
            i = end + 1
        elif c.isascii() and c.isalpha():
            if c not in _LETTERS:
                raise IllegalArgumentException(f"Illegal pattern character '{c}'")
            run = i
            while run < n and pattern[run] == c:
                run += 1
            tokens.append((c, run - i))
            i = run
        else:
            tokens.append(c)
            i += 1
    return tokens


class SimpleDateFormat:
    """``java.text.SimpleDateFormat(pattern[, locale])`` in the default zone."""

    def __init__(self, pattern: str = "M/d/yy h:mm a", locale: object = None) -> None:
        self._pattern = str(pattern)
        self._tokens = compile_pattern(self._pattern)
        self._zone = default_zone()
        self._lenient = True

    def toPattern(self) -> str:
        """The pattern."""
        return self._pattern

    def applyPattern(self, pattern: str) -> None:
        """Use ``pattern`` from now on."""
        self._tokens = compile_pattern(str(pattern))
        self._pattern = str(pattern)

    def getTimeZone(self) -> TimeZone:
        """The zone dates are formatted and parsed in."""
        return self._zone

    def setTimeZone(self, zone: TimeZone) -> None:
        """Format and parse in ``zone``."""
        self._zone = zone

    def setLenient(self, lenient: bool) -> None:
        """Whether parsing rolls out-of-range values over (True) or fails."""
        self._lenient = bool(lenient)

    def isLenient(self) -> bool:
        """Whether parsing is lenient (the default)."""
        return self._lenient

    def format(self, date: Date | int) -> str:
        """``date`` (a Date or ms since the epoch) as text."""
        millis = date if isinstance(date, int) else date.getTime()
        f = to_fields(millis, self._zone)
        out = []
        for token in self._tokens:
            if isinstance(token, str):
                out.append(token)
            else:
                out.append(_format_field(token[0], token[1], f, self._zone, millis))
        return "".join(out)

    def parse(self, source: str) -> Date:
        """The Date ``source`` describes; raises :class:`ParseException`."""
        from visionsim.runtime.jython.java.dates import Date

        text = str(source)
        parser = _Parser(text, self._tokens, self._lenient)
        try:
            calendar, offset = parser.run(self._zone)
            millis = calendar.getTimeInMillis()
        except (_Mismatch, IllegalArgumentException) as exc:
            at = exc.args[0] if isinstance(exc, _Mismatch) else 0
            raise ParseException(f'Unparseable date: "{text}"', at) from None
        if offset is not None:
            millis += calendar.get(cal.ZONE_OFFSET) + calendar.get(cal.DST_OFFSET)
            millis -= offset
        return Date(millis)


def _pad(value: int, count: int) -> str:
    return f"{value:0{count}d}" if value >= 0 else f"-{-value:0{count}d}"


def _format_field(
    letter: str, count: int, f: Fields, zone: TimeZone, millis: int
) -> str:
    if letter in "ML" and count >= 3:
        name = MONTHS[f.month]
        return name if count >= 4 else name[:3]
    if letter == "E":
        name = WEEKDAYS[f.weekday - 1]
        return name if count >= 4 else name[:3]
    if letter in "yY":
        year = week_fields(f)[0] if letter == "Y" else f.year
        return f"{year % 100:02d}" if count == 2 else _pad(year, count)
    simple = {
        "G": lambda: ERAS[1],
        "a": lambda: AM_PM[f.hour // 12],
        "z": lambda: zone.short_name(millis),
        "Z": lambda: _offset_text(f.offset, "Z"),
        "X": lambda: _offset_text(f.offset, "X" * min(count, 3)),
    }
    if letter in simple:
        return simple[letter]()
    numbers = {
        "M": f.month + 1,
        "L": f.month + 1,
        "w": week_fields(f)[1],
        "W": week_fields(f)[2],
        "D": f.yday,
        "d": f.day,
        "F": (f.day - 1) // 7 + 1,
        "u": (f.weekday + 5) % 7 + 1,
        "H": f.hour,
        "k": f.hour or 24,
        "K": f.hour % 12,
        "h": f.hour % 12 or 12,
        "m": f.minute,
        "s": f.second,
        "S": f.millis,
    }
    return _pad(numbers[letter], count)


def _offset_text(offset_ms: int, style: str) -> str:
    if style.startswith("X") and offset_ms == 0:
        return "Z"
    sign = "-" if offset_ms < 0 else "+"
    minutes = abs(offset_ms) // 60000
    hours, mins = divmod(minutes, 60)
    if style == "X":
        return f"{sign}{hours:02d}"
    if style == "XXX":
        return f"{sign}{hours:02d}:{mins:02d}"
    return f"{sign}{hours:02d}{mins:02d}"


class _Mismatch(Exception):
    """Parsing stopped at the index in ``args[0]``."""


_FIELD_OF = {
    "y": cal.YEAR,
    "Y": cal.YEAR,
    "M": cal.MONTH,
    "L": cal.MONTH,
    "d": cal.DAY_OF_MONTH,
    "D": cal.DAY_OF_YEAR,
    "H": cal.HOUR_OF_DAY,
    "k": cal.HOUR_OF_DAY,
    "K": cal.HOUR,
    "h": cal.HOUR,
    "m": cal.MINUTE,
    "s": cal.SECOND,
    "S": cal.MILLISECOND,
    "a": cal.AM_PM,
}


class _Parser:
    """One parse of ``text`` against compiled tokens."""

    def __init__(self, text: str, tokens: list[Token], lenient: bool) -> None:
        self.text = text
        self.tokens = tokens
        self.lenient = lenient
        self.pos = 0

    def run(self, zone: TimeZone) -> tuple[GregorianCalendar, int | None]:
        calendar = GregorianCalendar(zone)
        calendar.clear()
        calendar.setLenient(self.lenient)
        offset: int | None = None
        for i, token in enumerate(self.tokens):
            if isinstance(token, str):
                self._literal(token)
                continue
            letter, count = token
            self._skip_blanks()
            if letter in "zZX":
                offset = self._zone_offset(zone)
                continue
            nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
            fixed = isinstance(nxt, tuple) and _is_numeric(*nxt)
            value = self._field(letter, count, fixed)
            field = _FIELD_OF.get(letter)
            if field is not None:
                calendar.set(field, value)
        return calendar, offset

    def _literal(self, literal: str) -> None:
        if not self.text.startswith(literal, self.pos):
            raise _Mismatch(self.pos)
        self.pos += len(literal)

    def _skip_blanks(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t":
            self.pos += 1

    def _field(self, letter: str, count: int, fixed: bool) -> int:
        if letter in "ML" and count >= 3:
            return self._name(MONTHS)
        if letter == "E":
            return self._name(WEEKDAYS) + 1
        if letter == "a":
            return self._name(AM_PM)
        if letter == "G":
            return self._name(ERAS)
        start = self.pos
        value = self._number(count if fixed else 0)
        if letter in "yY" and count <= 2 and self.pos - start == 2:
            value = _two_digit_year(value)
        if letter in "ML":
            value -= 1
        elif (letter == "h" and value == 12) or (letter == "k" and value == 24):
            value = 0
        return value

    def _number(self, width: int) -> int:
        text, start = self.text, self.pos
        end = start + 1 if start < len(text) and text[start] in "+-" else start
        limit = start + width if width else len(text)
        while end < min(limit, len(text)) and text[end].isdigit():
            end += 1
        digits = text[start:end]
        if not digits.lstrip("+-"):
            raise _Mismatch(start)
        self.pos = end
        return int(digits)

    def _name(self, names: tuple[str, ...]) -> int:
        rest = self.text[self.pos :].lower()
        best, best_len = -1, 0
        for i, name in enumerate(names):
            for candidate in (name, name[:3]):
                if rest.startswith(candidate.lower()) and len(candidate) > best_len:
                    best, best_len = i, len(candidate)
        if best < 0:
            raise _Mismatch(self.pos)
        self.pos += best_len
        return best

    def _zone_offset(self, zone: TimeZone) -> int:
        rest = self.text[self.pos :]
        match = _ZONE_TEXT.match(rest)
        if match:
            self.pos += match.end()
            if match.group(4):
                return 0
            sign, hours, minutes = match.group(1, 2, 3)
            total = (int(hours) * 60 + int(minutes or 0)) * 60000
            return -total if sign == "-" else total
        word = re.match(r"[A-Za-z]+", rest)
        if word:
            name = word.group(0)
            if name in ("UTC", "GMT", "UT"):
                self.pos += len(name)
                return 0
            found = _known_abbreviation(name, zone)
            if found is not None:
                self.pos += len(name)
                return found
        raise _Mismatch(self.pos)


def _is_numeric(letter: str, count: int) -> bool:
    return letter in _NUMERIC and not (letter in "ML" and count >= 3)


def _two_digit_year(value: int) -> int:
    start_year = time.gmtime().tm_year - 80
    century = start_year // 100 * 100
    year = century + value
    return year + 100 if year < start_year else year


def _known_abbreviation(name: str, zone: TimeZone) -> int | None:
    """The offset of ``name`` if the zone uses it (EST/EDT for New York)."""
    now = time.time_ns() // 1_000_000
    for month in range(12):
        millis = now + month * 30 * 86_400_000
        if zone.short_name(millis) == name:
            return zone.offset_at(millis)
    return None


name_as_java(ParseException)
