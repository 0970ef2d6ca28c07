"""``java.lang``'s number classes and ``Math``: parsing, limits, Java rounding.

Jython hands scripts Java numbers as Python ``int``/``float``/``bool``, so
``Integer.valueOf("7")`` is ``7`` and ``Integer(5)`` is ``5``; the classes here
are namespaces of the statics scripts call. Parsing follows Java: a bad
string raises :class:`NumberFormatException` with Java's message.
"""

from __future__ import annotations

import math
import random as _random
import re
import struct

from visionsim.runtime.jython.java.errors import (
    ArithmeticException,
    NullPointerException,
    NumberFormatException,
)
from visionsim.runtime.jython.java.strictmath import strict_log
from visionsim.runtime.jython.java.values import (
    double_to_string,
    float_to_string,
    to_int32,
    to_int64,
)

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_FLOAT_RE = re.compile(
    r"[+-]?(NaN|Infinity|((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)[fFdD]?)\Z"
)


def _bad_number(text: object, radix: int = 10) -> NumberFormatException:
    if text is None:
        return NumberFormatException("Cannot parse null string")
    suffix = "" if radix == 10 else f" under radix {radix}"
    return NumberFormatException(f'For input string: "{text}"{suffix}')


def _parse_integral(text: object, radix: int, bits: int) -> int:
    if not isinstance(text, str) or not text:
        raise _bad_number(text, radix)
    body = text[1:] if text[0] in "+-" else text
    if not body or any(_DIGITS.find(c.lower()) not in range(radix) for c in body):
        raise _bad_number(text, radix)
    value = int(text, radix)
    if not -(1 << (bits - 1)) <= value < (1 << (bits - 1)):
        raise _bad_number(text, radix)
    return value


def _to_radix(value: int, radix: int) -> str:
    if value == 0:
        return "0"
    sign, value = ("-", -value) if value < 0 else ("", value)
    out = []
    while value:
        value, digit = divmod(value, radix)
        out.append(_DIGITS[digit])
    return sign + "".join(reversed(out))


class _Integral:
    """The statics ``Integer`` and ``Long`` share."""

    BITS = 32
    MAX_VALUE = (1 << 31) - 1
    MIN_VALUE = -(1 << 31)

    def __new__(cls, value: object) -> int:  # type: ignore[misc]
        return cls.valueOf(value)

    @classmethod
    def valueOf(cls, value: object, radix: int = 10) -> int:
        """The number (``valueOf(String)``, ``valueOf(int)``)."""
        if isinstance(value, str):
            return _parse_integral(value, radix, cls.BITS)
        return int(value)  # type: ignore[call-overload,no-any-return]

    @classmethod
    def toString(cls, value: int, radix: int = 10) -> str:
        """The number in ``radix`` (lower-case digits, ``-`` for negatives)."""
        return _to_radix(int(value), radix)

    @classmethod
    def toHexString(cls, value: int) -> str:
        """Unsigned (two's complement) hexadecimal."""
        return format(int(value) & ((1 << cls.BITS) - 1), "x")

    @classmethod
    def toBinaryString(cls, value: int) -> str:
        """Unsigned (two's complement) binary."""
        return format(int(value) & ((1 << cls.BITS) - 1), "b")

    @classmethod
    def toOctalString(cls, value: int) -> str:
        """Unsigned (two's complement) octal."""
        return format(int(value) & ((1 << cls.BITS) - 1), "o")

    @staticmethod
    def compare(a: int, b: int) -> int:
        """-1, 0 or 1."""
        return (a > b) - (a < b)

    @staticmethod
    def signum(value: int) -> int:
        """-1, 0 or 1."""
        return (value > 0) - (value < 0)

    @staticmethod
    def sum(a: int, b: int) -> int:
        """``a + b``."""
        return a + b

    @staticmethod
    def max(a: int, b: int) -> int:
        """The larger."""
        return max(a, b)

    @staticmethod
    def min(a: int, b: int) -> int:
        """The smaller."""
        return min(a, b)

    @classmethod
    def bitCount(cls, value: int) -> int:
        """Set bits in the two's complement value."""
        return bin(int(value) & ((1 << cls.BITS) - 1)).count("1")


class Integer(_Integral):
    """``java.lang.Integer``: ``parseInt``, ``valueOf``, ``MAX_VALUE``..."""

    SIZE = 32

    @classmethod
    def parseInt(cls, text: str, radix: int = 10) -> int:
        """Parse a 32-bit int (raises NumberFormatException)."""
        return _parse_integral(text, radix, 32)


class Long(_Integral):
    """``java.lang.Long``: ``parseLong``, ``valueOf``, ``MAX_VALUE``..."""

    BITS = 64
    SIZE = 64
    MAX_VALUE = (1 << 63) - 1
    MIN_VALUE = -(1 << 63)

    @classmethod
    def parseLong(cls, text: str, radix: int = 10) -> int:
        """Parse a 64-bit long (raises NumberFormatException)."""
        return _parse_integral(text, radix, 64)


class Short(_Integral):
    """``java.lang.Short``."""

    BITS = 16
    MAX_VALUE = (1 << 15) - 1
    MIN_VALUE = -(1 << 15)

    @classmethod
    def parseShort(cls, text: str, radix: int = 10) -> int:
        """Parse a 16-bit short."""
        return _parse_integral(text, radix, 16)


def _parse_double(text: object) -> float:
    if text is None:
        raise NullPointerException()
    trimmed = str(text).strip()
    if not trimmed:
        raise NumberFormatException("empty String")
    if not _FLOAT_RE.match(trimmed):
        raise _bad_number(text)
    return float(trimmed.rstrip("fFdD"))


class Double:
    """``java.lang.Double``: ``parseDouble``, ``toString``, ``NaN``..."""

    MAX_VALUE = 1.7976931348623157e308
    MIN_VALUE = 5e-324
    POSITIVE_INFINITY = math.inf
    NEGATIVE_INFINITY = -math.inf
    NaN = math.nan

    def __new__(cls, value: object) -> float:  # type: ignore[misc]
        """``Double(x)`` is the float."""
        return cls.valueOf(value)

    @staticmethod
    def parseDouble(text: str) -> float:
        """Parse as Java does (``"1e3"``, ``" 2.5 "``, ``"NaN"``, ``"1.5d"``)."""
        return _parse_double(text)

    @staticmethod
    def valueOf(value: object) -> float:
        """The number."""
        if isinstance(value, str):
            return _parse_double(value)
        return float(value)  # type: ignore[arg-type]

    @staticmethod
    def toString(value: float) -> str:
        """Java's text: ``1.0E10``, ``1.0E-4``, ``0.001``."""
        return double_to_string(float(value))

    @staticmethod
    def doubleToLongBits(value: float) -> int:
        """The IEEE 754 bits as a signed long (NaN canonical)."""
        if math.isnan(value):
            return 0x7FF8000000000000
        return int(struct.unpack(">q", struct.pack(">d", float(value)))[0])

    doubleToRawLongBits = doubleToLongBits

    @staticmethod
    def longBitsToDouble(bits: int) -> float:
        """The double with these IEEE 754 bits."""
        packed = struct.pack(">q", to_int64(int(bits)))
        return float(struct.unpack(">d", packed)[0])

    @staticmethod
    def isNaN(value: float) -> bool:
        """Whether ``value`` is NaN."""
        return math.isnan(value)

    @staticmethod
    def isInfinite(value: float) -> bool:
        """Whether ``value`` is infinite."""
        return math.isinf(value)

    @staticmethod
    def compare(a: float, b: float) -> int:
        """-1, 0 or 1."""
        return (a > b) - (a < b)


class Float(Double):
    """``java.lang.Float`` (held as a Python float)."""

    MAX_VALUE = 3.4028234663852886e38
    MIN_VALUE = 1.401298464324817e-45

    @staticmethod
    def parseFloat(text: str) -> float:
        """Parse as Java does."""
        return _parse_double(text)

    @staticmethod
    def toString(value: float) -> str:
        """Java's ``Float.toString``."""
        return float_to_string(float(value))


class Boolean:
    """``java.lang.Boolean``: ``parseBoolean``, ``TRUE``, ``FALSE``."""

    TRUE = True
    FALSE = False

    def __new__(cls, value: object) -> bool:  # type: ignore[misc]
        """``Boolean(x)`` is the bool."""
        return cls.valueOf(value)

    @staticmethod
    def parseBoolean(text: object) -> bool:
        """True only for ``"true"`` in any case."""
        return isinstance(text, str) and text.lower() == "true"

    @staticmethod
    def valueOf(value: object) -> bool:
        """A bool from a bool or from text."""
        if isinstance(value, str) or value is None:
            return Boolean.parseBoolean(value)
        return bool(value)

    @staticmethod
    def toString(value: bool) -> str:
        """``"true"`` or ``"false"``."""
        return "true" if value else "false"


class Math:
    """``java.lang.Math``: Java's rounding and integer semantics."""

    PI = math.pi
    E = math.e

    @staticmethod
    def abs(value: float) -> float:
        """Absolute value (same type)."""
        return abs(value)

    @staticmethod
    def max(a: float, b: float) -> float:
        """The larger; a float if either is."""
        result = max(a, b)
        return float(result) if isinstance(a, float) or isinstance(b, float) else result

    @staticmethod
    def min(a: float, b: float) -> float:
        """The smaller; a float if either is."""
        result = min(a, b)
        return float(result) if isinstance(a, float) or isinstance(b, float) else result

    @staticmethod
    def round(value: float) -> int:
        """Half up (towards positive infinity): ``round(-2.5)`` is ``-2``."""
        if math.isnan(value):
            return 0
        return math.floor(value + 0.5)

    @staticmethod
    def floor(value: float) -> float:
        """Floor, as a float."""
        return float(math.floor(value))

    @staticmethod
    def ceil(value: float) -> float:
        """Ceiling, as a float."""
        return float(math.ceil(value))

    @staticmethod
    def rint(value: float) -> float:
        """Round half to even, as a float."""
        return float(round(value))

    @staticmethod
    def signum(value: float) -> float:
        """-1.0, 0.0 or 1.0."""
        return float((value > 0) - (value < 0))

    @staticmethod
    def floorDiv(a: int, b: int) -> int:
        """Integer division rounding down."""
        if b == 0:
            raise ArithmeticException("/ by zero")
        return a // b

    @staticmethod
    def floorMod(a: int, b: int) -> int:
        """Modulo with the divisor's sign."""
        if b == 0:
            raise ArithmeticException("/ by zero")
        return a % b

    @staticmethod
    def random() -> float:
        """A float in [0, 1)."""
        return _random.random()

    @staticmethod
    def toIntExact(value: int) -> int:
        """``value`` if it fits an int, else ArithmeticException."""
        if to_int32(value) != value:
            raise ArithmeticException("integer overflow")
        return value

    @staticmethod
    def addExact(a: int, b: int) -> int:
        """``a + b``, ArithmeticException on (long) overflow."""
        if to_int64(a + b) != a + b:
            raise ArithmeticException("long overflow")
        return a + b


for _name in ("sqrt", "cbrt", "pow", "exp", "log", "log10", "hypot", "atan2"):
    setattr(Math, _name, staticmethod(getattr(math, _name)))
for _name in ("sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh"):
    setattr(Math, _name, staticmethod(getattr(math, _name)))
Math.toRadians = staticmethod(math.radians)  # type: ignore[attr-defined]
Math.toDegrees = staticmethod(math.degrees)  # type: ignore[attr-defined]


class StrictMath(Math):
    """``java.lang.StrictMath``: ``log`` is fdlibm's, bit for bit."""

    log = staticmethod(strict_log)
