"""Java ``DecimalFormat`` patterns (``#,##0.00``, ``0.0%``) for numeric labels."""

from __future__ import annotations

import math
import re

_PATTERN = re.compile(r"(?P<pre>[^#0,.]*)(?P<num>[#0,]*(?:\.[#0]*)?)(?P<post>.*)")
_MAX_DIGITS = 20  # a pattern of 10**6 zeros is a mistake, not a request


def format_number(value: float, pattern: str) -> str:
    """``value`` formatted by a DecimalFormat ``pattern``, as Ignition shows it.

    Supports grouping (``,``), minimum integer digits (``0``), minimum and
    maximum fraction digits (``0`` and ``#`` after ``.``), ``%`` (times 100),
    literal prefix/suffix text and a ``;negative`` subpattern's prefix.
    Rounding is half-even, as in Java. An empty pattern shows the number
    as it is.
    """
    if not math.isfinite(value):
        return "\u221e" if value > 0 else ("-\u221e" if value < 0 else "NaN")
    positive, _, negative = pattern.partition(";")
    found = _PATTERN.fullmatch(positive)
    if not pattern or found is None or not found["num"]:
        return _plain(value)
    prefix, number, suffix = found["pre"], found["num"], found["post"]
    if "%" in prefix + suffix:
        value *= 100
    integer, _, fraction = number.partition(".")
    min_frac = min(fraction.count("0"), _MAX_DIGITS)
    max_frac = min(len(fraction), _MAX_DIGITS)
    min_int = min(integer.count("0"), _MAX_DIGITS)
    text = f"{abs(value):.{max_frac}f}"
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0").ljust(min_frac, "0")
    whole = whole.lstrip("0").rjust(min_int, "0")
    if "," in integer:
        size = len(integer) - integer.rfind(",") - 1 or 3
        groups = [whole[max(0, i - size) : i] for i in range(len(whole), 0, -size)]
        whole = ",".join(reversed(groups))
    body = whole + ("." + frac if frac else "")
    if not body:
        body = "0"
    if value < 0 and body.strip("0.,"):
        neg = _PATTERN.fullmatch(negative) if negative else None
        return (neg["pre"] if neg else "-" + prefix) + body + suffix
    return prefix + body + suffix


def _plain(value: float) -> str:
    return (
        str(int(value))
        if float(value).is_integer() and abs(value) < 1e15
        else str(value)
    )
