"""How Java prints and hashes the values scripts hand it.

:func:`to_string` is Java's ``String.valueOf`` (``null``, ``true``, ``1.0E10``),
:func:`py_repr` is the Python 2 ``repr`` Jython shows for a value that went
through Java (strings come back as ``unicode``: ``u'a'``), and
:func:`hash_code` is Java's ``hashCode``, which decides the iteration order of
a ``HashMap`` or ``HashSet``.
"""

from __future__ import annotations

import math
import struct
import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Any

_MASK32 = 0xFFFFFFFF


def to_int32(value: int) -> int:
    """Wrap to a signed 32-bit int, as Java's ``int`` arithmetic does."""
    value &= _MASK32
    return value - (1 << 32) if value & 0x80000000 else value


def to_int64(value: int) -> int:
    """Wrap to a signed 64-bit int (Java's ``long``)."""
    value &= 0xFFFFFFFFFFFFFFFF
    return value - (1 << 64) if value & (1 << 63) else value


def double_to_string(value: float) -> str:
    """Java's ``Double.toString``: ``1.0``, ``0.001``, ``1.0E7``, ``1.0E-4``."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "-0.0" if math.copysign(1.0, value) < 0 else "0.0"
    sign = "-" if value < 0 else ""
    if abs(value) == 5e-324:  # Java's FloatingDecimal is not shortest here
        return f"{sign}4.9E-324"
    if 2.0**53 <= abs(value) < 2.0**63 and value.is_integer():
        digits, exponent = _long_digits(int(abs(value)))
    else:
        digits_tuple = Decimal(repr(abs(value))).as_tuple()
        digits = "".join(map(str, digits_tuple.digits)).rstrip("0") or "0"
        exponent = int(digits_tuple.exponent) + len(digits_tuple.digits) - 1
    if -3 <= exponent < 7:
        if exponent >= 0:
            whole = digits[: exponent + 1].ljust(exponent + 1, "0")
            frac = digits[exponent + 1 :] or "0"
        else:
            whole, frac = "0", "0" * (-exponent - 1) + digits
        return f"{sign}{whole}.{frac}"
    return f"{sign}{digits[0]}.{digits[1:] or '0'}E{exponent}"


def _long_digits(whole: int) -> tuple[str, int]:
    """JDK 17's digits for an integral double in [2**53, 2**63): not the shortest.

    Its ``FloatingDecimal`` prints the exact integer, less a few digits it
    rounds away (half up) for the largest exponents: ``2.0**55`` is
    ``3.6028797018963968E16``, ``2.0**60`` is ``1.15292150460684698E18``.
    """
    position = whole.bit_length() - 1 - 54  # Java's binExp - 53 - 1
    dropped = _INSIGNIFICANT[position] if position > 1 else 0
    if dropped:
        whole, residue = divmod(whole, 10**dropped)
        if residue >= 10**dropped // 2:
            whole += 1
    text = str(whole)
    return text.rstrip("0") or "0", len(text) - 1 + dropped


_INSIGNIFICANT = (0, 0, 0, 0, 1, 1, 1, 2, 2, 2)


def float_to_string(value: float) -> str:
    """Java's ``Float.toString``: the shortest text that reads back as a float."""
    if math.isnan(value) or math.isinf(value) or value == 0:
        return double_to_string(value)
    single = struct.unpack("f", struct.pack("f", value))[0]
    for precision in range(1, 10):
        text = f"{single:.{precision}g}"
        if struct.unpack("f", struct.pack("f", float(text)))[0] == single:
            return double_to_string(float(text))
    return double_to_string(single)


def to_string(value: object) -> str:
    """Java's ``String.valueOf(value)`` for a value coming from a script."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return double_to_string(value)
    if isinstance(value, str | int):
        return str(value)
    method = getattr(value, "toString", None)
    if callable(method):
        return str(method())
    return str(value)


def primitive_text(value: object) -> str:
    """Java's text for an argument to an overloaded method (``println``, ``append``).

    Jython passes a Python bool to the ``int`` overload: ``println(True)``
    prints ``1``.
    """
    if isinstance(value, bool):
        return "1" if value else "0"
    return to_string(value)


def py_repr(value: object) -> str:
    """The ``repr`` Jython 2.7 shows for a value held by a Java object."""
    if isinstance(value, str):
        return "u" + ascii(value)
    return repr(value)


def string_hash(text: str) -> int:
    """Java's ``String.hashCode`` (over UTF-16 code units)."""
    h = 0
    data = text.encode("utf-16-be", "surrogatepass")
    for i in range(0, len(data), 2):
        h = (31 * h + (data[i] << 8 | data[i + 1])) & _MASK32
    return to_int32(h)


def hash_code(value: object) -> int:
    """Java's ``hashCode`` of a value as Jython converts it."""
    if value is None:
        return 0
    if isinstance(value, bool):
        return 1231 if value else 1237
    if isinstance(value, int):
        if -(1 << 31) <= value < (1 << 31):
            return value
        return to_int32(value ^ ((value & 0xFFFFFFFFFFFFFFFF) >> 32))
    if isinstance(value, float):
        if math.isnan(value):
            bits = 0x7FF8000000000000
        else:
            bits = struct.unpack(">q", struct.pack(">d", value))[0]
        return to_int32(bits ^ ((bits & 0xFFFFFFFFFFFFFFFF) >> 32))
    if isinstance(value, str):
        return string_hash(value)
    method = getattr(value, "hashCode", None)
    if callable(method):
        return int(method())
    return to_int32(hash(value))


def print_for_caller(text: str, end: str = "\n", depth: int = 2) -> None:
    """Print as the calling script would: into its scope's console.

    ``depth`` counts frames above this function's caller; a script's globals
    carry the scope's ``print`` in their ``__builtins__``.
    """
    frame = sys._getframe(depth)
    scope_builtins = frame.f_globals.get("__builtins__")
    if isinstance(scope_builtins, dict) and "print" in scope_builtins:
        scope_builtins["print"](text, end=end)
    else:
        print(text, end=end)  # noqa: T201 - Java code called from outside a script


class BeanProperties:
    """Jython's bean properties: ``obj.count`` reads ``getCount()`` (or ``isX``).

    Only names that are not attributes already reach ``__getattr__``, so a
    method of the same name wins, as in Jython.
    """

    if not TYPE_CHECKING:  # mypy keeps checking attribute names in this package

        def __getattr__(self, name: str) -> Any:
            if name[:1].islower():
                suffix = name[0].upper() + name[1:]
                for prefix in ("get", "is"):
                    getter = getattr(type(self), prefix + suffix, None)
                    if callable(getter):
                        return getter(self)
            raise AttributeError(
                f"'{type(self).__name__}' object has no attribute '{name}'"
            )
