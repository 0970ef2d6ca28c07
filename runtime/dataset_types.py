"""Dataset column types as Ignition has them, and how values are coerced to them.

A column's type is a Java class (``java.lang.Integer``, ``java.util.Date``...).
:func:`infer` picks it from a column's values the way ``toDataSet`` does (the
first non-None value; ints and floats mixed make a Double column; an all-None
column is ``java.lang.Object``). :meth:`ColumnType.coerce` converts a value
put into the column (``setValue``, ``addRow``) as Ignition's type coercion
does, or raises :class:`DatasetTypeError`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from visionsim.runtime.jython.java._names import name_as_java
from visionsim.runtime.jython.java.dates import Date
from visionsim.runtime.jython.java.errors import JavaRuntimeException

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1
_NONE = type(None)


class DatasetTypeError(JavaRuntimeException, TypeError):
    """A value that cannot be converted to its column's type."""

    java_name = "java.lang.ClassCastException"


@dataclass(frozen=True, slots=True)
class ColumnType:
    """One column type: its Java class name, CSV alias and Python type."""

    java_name: str
    alias: str
    python: type
    convert: Callable[[object], object]

    def coerce(self, value: object) -> object:
        """``value`` as this type (None stays None); raises ValueError/TypeError."""
        if value is None or type(value) is self.python:
            return value
        return self.convert(value)

    def __repr__(self) -> str:
        return f"<type '{self.java_name}'>"


def _to_int(value: object) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(value)
        return int(value)  # Java's Number.intValue(): truncation
    if isinstance(value, Date):
        return value.getTime()
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(text)
        except ValueError:
            return int(float(text))
    raise TypeError(value)


def _to_float(value: object) -> float:
    if isinstance(value, bool | int | float):
        return float(value)
    if isinstance(value, str):
        return float(value.strip())
    raise TypeError(value)


def _to_bool(value: object) -> bool:
    if isinstance(value, bool | int | float):
        return value != 0
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("true", "1", "yes", "on"):
            return True
        if text in ("false", "0", "no", "off", ""):
            return False
    raise ValueError(value)


def _to_str(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _to_date(value: object) -> Date:
    if isinstance(value, Date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Date(value)
    raise TypeError(value)


def _identity(value: object) -> object:
    return value


INTEGER = ColumnType("java.lang.Integer", "I", int, _to_int)
LONG = ColumnType("java.lang.Long", "L", int, _to_int)
SHORT = ColumnType("java.lang.Short", "S", int, _to_int)
DOUBLE = ColumnType("java.lang.Double", "D", float, _to_float)
FLOAT = ColumnType("java.lang.Float", "F", float, _to_float)
BOOLEAN = ColumnType("java.lang.Boolean", "B", bool, _to_bool)
STRING = ColumnType("java.lang.String", "str", str, _to_str)
DATE = ColumnType("java.util.Date", "date", Date, _to_date)
OBJECT = ColumnType("java.lang.Object", "O", object, _identity)

ALL = (INTEGER, LONG, SHORT, DOUBLE, FLOAT, BOOLEAN, STRING, DATE, OBJECT)
BY_ALIAS = {t.alias: t for t in ALL} | {
    "i": INTEGER,
    "l": LONG,
    "s": SHORT,
    "d": DOUBLE,
    "f": FLOAT,
    "b": BOOLEAN,
}
BY_NAME = {t.java_name: t for t in ALL} | {
    t.java_name.rpartition(".")[2]: t for t in ALL
}
_BY_PYTHON = {bool: BOOLEAN, float: DOUBLE, str: STRING}


def of_value(value: object) -> ColumnType:
    """The type Ignition gives a single value (int: Integer or Long)."""
    if isinstance(value, Date):
        return DATE
    kind = _BY_PYTHON.get(type(value))
    if kind is not None:
        return kind
    if type(value) is int:
        return INTEGER if _INT_MIN <= value <= _INT_MAX else LONG
    return OBJECT


def infer(values: Sequence[object]) -> ColumnType:
    """A column's type from its values (see the module docstring)."""
    kinds = set(map(type, values))
    kinds.discard(_NONE)
    if not kinds:
        return OBJECT
    if kinds <= {int, float}:
        if float in kinds:
            return DOUBLE
        ints = set(values)  # ints and None only (checked above): in C
        ints.discard(None)
        low, high = cast("int", min(ints)), cast("int", max(ints))  # type: ignore[type-var]
        return INTEGER if low >= _INT_MIN and high <= _INT_MAX else LONG
    return of_value(next(v for v in values if v is not None))


def from_python(kind: object) -> ColumnType:
    """A column type from ``str``/``int``/``float``/``bool``, a Java name or Date."""
    if isinstance(kind, ColumnType):
        return kind
    if kind is Date:
        return DATE
    if isinstance(kind, str):
        found = BY_NAME.get(kind) or BY_ALIAS.get(kind)
        if found is None:
            raise ValueError(f"unknown column type {kind!r}")
        return found
    mapping = {int: INTEGER, float: DOUBLE, str: STRING, bool: BOOLEAN, object: OBJECT}
    if isinstance(kind, type) and kind in mapping:
        return mapping[kind]
    raise TypeError(f"not a column type: {kind!r}")


def coerce_cell(kind: ColumnType, value: object, row: int, col: int) -> object:
    """``value`` converted for column ``col`` (row ``row``), or a clear error."""
    try:
        return kind.coerce(value)
    except (TypeError, ValueError, OverflowError):
        raise DatasetTypeError(
            f"Unable to convert row {row}, column {col} ({value!r}) "
            f"to type class {kind.java_name}"
        ) from None


def coerce_rows(
    rows: tuple[tuple[object, ...], ...],
    types: tuple[ColumnType, ...],
    first: int = 0,
    columns: Sequence[Sequence[object]] | None = None,
) -> tuple[tuple[object, ...], ...]:
    """``rows`` with each value coerced to its column's type.

    Columns whose values already have the column's type are checked in C
    (a set of types per column), so a large query result costs little;
    ``columns`` is ``zip(*rows)`` when the caller has it already.
    """
    if not rows:
        return rows
    if columns is None:
        columns = list(zip(*rows, strict=True))
    bad = [
        c
        for c, (kind, values) in enumerate(zip(types, columns, strict=True))
        if kind.python is not object
        and not set(map(type, values)) <= {kind.python, _NONE}
    ]
    if not bad:
        return rows
    out = []
    for r, row in enumerate(rows):
        cells = list(row)
        for c in bad:
            cells[c] = coerce_cell(types[c], cells[c], first + r, c)
        out.append(tuple(cells))
    return tuple(out)


name_as_java(DatasetTypeError)
