"""Ignition's immutable ``Dataset`` and the ``PyDataSet`` view scripts iterate.

:class:`Dataset` is the read API of Ignition's ``BasicDataset`` as Jython
scripts use it, so its methods and bean attributes (``rowCount``,
``columnNames``) are camelCase: they are part of the scripting facade
(STYLE.md section 3b) even though the value object lives here, where
non-script code (tables, the diagnostics) can use it too; Python callers have
snake_case helpers (``column_names``, ``rows``, ``column_types``, ``with_row``...).
Columns are typed (:mod:`~visionsim.runtime.dataset_types`). Every object here
is immutable (rows are tuples; values are never copied): any thread may read it.
About 450 lines: Dataset, PyDataSet and PyRow are one API, kept together (and
the fast path for database results builds the same objects).
"""

from __future__ import annotations

import gc
from operator import itemgetter
from typing import TYPE_CHECKING

from visionsim.runtime.dataset_types import (
    BOOLEAN,
    DOUBLE,
    INTEGER,
    LONG,
    OBJECT,
    STRING,
    ColumnType,
    coerce_cell,
    coerce_rows,
    from_python,
    infer,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

#: Ignition prints a small roman numeral ten (U+2179) between the two counts.
_TIMES = "\u2179"

Row = tuple[object, ...]


class Dataset:
    """An immutable table: column names and rows of values.

    Parameters
    ----------
    column_names
        The column names (strings); duplicates are allowed, and name lookups
        find the first, as in Ignition.
    rows
        One list, tuple or :class:`PyRow` per row, each as long as
        ``column_names``.
    column_types
        One type per column (a ``ColumnType``, a Python type such as ``int``
        or a Java class name); by default inferred from the column's values
        (:mod:`~visionsim.runtime.dataset_types`). Values are coerced to it.

    Raises
    ------
    TypeError
        A column name is not a string, or a row is not a list or tuple.
    ValueError
        A row does not have one value per column (the message names it).
    DatasetTypeError
        A value cannot be converted to its column's type.

    Thread: any.
    """

    __slots__ = ("_columns", "_index", "_rows", "_types")

    _columns: tuple[str, ...]
    _index: Mapping[str, int]
    _rows: tuple[Row, ...]
    _types: tuple[ColumnType, ...]

    def __init__(
        self,
        column_names: Iterable[str],
        rows: Iterable[Sequence[object] | PyRow] = (),
        column_types: Sequence[ColumnType | type | str] | None = None,
    ) -> None:
        columns = tuple(column_names)
        for i, name in enumerate(columns):
            if not isinstance(name, str):
                raise TypeError(
                    f"column name {i} must be a string, not {type(name).__name__}"
                )
        checked = _checked_rows(rows, len(columns))
        values = list(zip(*checked, strict=True)) or [()] * len(columns)
        if column_types is None:
            types = tuple(infer(column) for column in values)
        else:
            types = tuple(from_python(t) for t in column_types)
            if len(types) != len(columns):
                raise ValueError(
                    f"{len(types)} column types for {len(columns)} columns"
                )
        self._init(columns, coerce_rows(checked, types, 0, values), None, types)

    def _init(
        self,
        columns: tuple[str, ...],
        rows: tuple[Row, ...],
        index: Mapping[str, int] | None,
        types: tuple[ColumnType, ...],
    ) -> None:
        if index is None:
            built: dict[str, int] = {}
            for i, name in enumerate(columns):
                built.setdefault(name, i)
            index = built
        object.__setattr__(self, "_columns", columns)
        object.__setattr__(self, "_rows", rows)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_types", types)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __reduce__(self) -> tuple[object, ...]:
        # copy, deepcopy (message payloads) and pickle rebuild through
        # __init__, since __setattr__ refuses the default slot restore.
        return (Dataset, (self._columns, self._rows, self._type_names()))

    def _type_names(self) -> list[str]:
        return [t.java_name for t in self._types]

    # -- Ignition's read API ------------------------------------------------

    def getColumnNames(self) -> list[str]:
        """The column names, as a new list."""
        return list(self._columns)

    def getColumnName(self, col: int) -> str:
        """The name of column ``col``."""
        return self._columns[self._column(col)]

    def getColumnIndex(self, name: str) -> int:
        """The index of the first column called ``name``, or -1 if none is."""
        if not isinstance(name, str):
            raise TypeError(f"column name must be a string, not {type(name).__name__}")
        return self._index.get(name, -1)

    def getColumnCount(self) -> int:
        """The number of columns."""
        return len(self._columns)

    def getRowCount(self) -> int:
        """The number of rows."""
        return len(self._rows)

    def getValueAt(self, row: int, col: int | str) -> object:
        """The value at ``row`` in column ``col`` (an index or a column name)."""
        return self._rows[self._row(row)][self._column(col)]

    def getColumnAsList(self, col: int | str) -> list[object]:
        """Every value of column ``col`` (an index or a name), as a new list."""
        c = self._column(col)
        return [row[c] for row in self._rows]

    def getColumnType(self, col: int | str) -> type:
        """The column's type, as a Python type (``int``, ``str``, ``Date``...)."""
        return self._types[self._column(col)].python

    def getColumnTypes(self) -> list[type]:
        """Every column's type, as Python types."""
        return [t.python for t in self._types]

    @property
    def rowCount(self) -> int:
        """Jython's bean attribute for :meth:`getRowCount`."""
        return len(self._rows)

    @property
    def columnCount(self) -> int:
        """Jython's bean attribute for :meth:`getColumnCount`."""
        return len(self._columns)

    @property
    def columnNames(self) -> list[str]:
        """Jython's bean attribute for :meth:`getColumnNames`."""
        return list(self._columns)

    # -- Python API -----------------------------------------------------------

    @property
    def column_names(self) -> tuple[str, ...]:
        """The column names."""
        return self._columns

    @property
    def rows(self) -> tuple[Row, ...]:
        """The rows, each a tuple of values."""
        return self._rows

    @property
    def column_types(self) -> tuple[ColumnType, ...]:
        """The columns' types (Java classes, as Ignition declares them)."""
        return self._types

    def with_row(self, row: Sequence[object], index: int | None = None) -> Dataset:
        """A new dataset with ``row`` inserted before ``index`` (default: appended).

        ``index`` may equal the row count (append) but not exceed it.
        """
        at = (
            len(self._rows)
            if index is None
            else _index(index, len(self._rows) + 1, "row")
        )
        new = coerce_rows((_checked_row(at, row, len(self._columns)),), self._types, at)
        rows = (*self._rows[:at], *new, *self._rows[at:])
        return _derived(self, rows)

    def without_row(self, index: int) -> Dataset:
        """A new dataset without row ``index``."""
        at = self._row(index)
        rows = self._rows[:at] + self._rows[at + 1 :]
        return _derived(self, rows)

    def with_value(self, row: int, col: int | str, value: object) -> Dataset:
        """A new dataset with ``value`` at ``row`` in column ``col``."""
        r, c = self._row(row), self._column(col)
        old = self._rows[r]
        value = coerce_cell(self._types[c], value, r, c)
        new = (*old[:c], value, *old[c + 1 :])
        rows = (*self._rows[:r], new, *self._rows[r + 1 :])
        return _derived(self, rows)

    def _row(self, row: int) -> int:
        return _index(row, len(self._rows), "row")

    def _column(self, col: int | str) -> int:
        if isinstance(col, str):
            found = self._index.get(col)
            if found is None:
                names = ", ".join(self._columns) or "none"
                raise ValueError(f"no column named {col!r} (columns: {names})")
            return found
        return _index(col, len(self._columns), "column")

    # -- Python protocols -----------------------------------------------------

    def __len__(self) -> int:
        return len(self._rows)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return self._columns == other._columns and self._rows == other._rows

    __hash__ = None  # type: ignore[assignment]  # cells may be unhashable

    def __repr__(self) -> str:
        return f"Dataset [{len(self._rows)}R {_TIMES} {len(self._columns)}C]"


class PyDataSet(Dataset):
    """Ignition's ``PyDataSet``: a :class:`Dataset` that iterates as rows.

    ``for row in pds``, ``pds[0]``, ``len(pds)``; each row is a :class:`PyRow`.
    Build one with :func:`to_py_dataset`; it shares the dataset's storage.

    Thread: any.
    """

    __slots__ = ()

    def __iter__(self) -> Iterator[PyRow]:
        for row in self._rows:
            yield PyRow(row, self._index)

    def __getitem__(self, row: int) -> PyRow:
        if isinstance(row, bool) or not isinstance(row, int):
            raise TypeError(f"row index must be an int, not {type(row).__name__}")
        n = len(self._rows)
        if not -n <= row < n:
            raise IndexError(f"row index {row} out of range ({n} rows)")
        return PyRow(self._rows[row], self._index)

    def __repr__(self) -> str:
        return f"<PyDataset rows:{len(self._rows)} cols:{len(self._columns)}>"

    def __reduce__(self) -> tuple[object, ...]:
        names = self._type_names()
        return (to_py_dataset, (Dataset(self._columns, self._rows, names),))


class PyRow:
    """One row of a :class:`PyDataSet`: ``row[0]``, ``row["name"]``, ``list(row)``.

    Unknown column names raise ``KeyError``; rows are read-only. Thread: any.
    """

    __slots__ = ("_index", "_values")

    _index: Mapping[str, int]
    _values: Row

    def __init__(self, values: Row, index: Mapping[str, int]) -> None:
        object.__setattr__(self, "_values", values)
        object.__setattr__(self, "_index", index)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("PyRow is immutable")

    def __reduce__(self) -> tuple[object, ...]:
        return (PyRow, (self._values, dict(self._index)))

    def __getitem__(self, key: int | str) -> object:
        if isinstance(key, str):
            if key not in self._index:
                raise KeyError(key)
            return self._values[self._index[key]]
        if isinstance(key, bool) or not isinstance(key, int):
            raise TypeError(
                f"row key must be a column index or name, not {type(key).__name__}"
            )
        n = len(self._values)
        if not -n <= key < n:
            raise IndexError(f"column index {key} out of range ({n} columns)")
        return self._values[key]

    def __len__(self) -> int:
        return len(self._values)

    def __iter__(self) -> Iterator[object]:
        return iter(self._values)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PyRow):
            return NotImplemented
        return self._values == other._values

    __hash__ = None  # type: ignore[assignment]  # cells may be unhashable

    def __repr__(self) -> str:
        return repr(list(self._values))

    @property
    def values(self) -> Row:
        """The row's values."""
        return self._values


def to_dataset(dataset: Dataset) -> Dataset:
    """A plain :class:`Dataset` with ``dataset``'s contents (shares its storage)."""
    if not isinstance(dataset, Dataset):
        raise TypeError(f"expected a Dataset, not {type(dataset).__name__}")
    return _derived(dataset, dataset._rows)


def to_py_dataset(dataset: Dataset) -> PyDataSet:
    """A :class:`PyDataSet` view of ``dataset`` (shares its storage)."""
    if not isinstance(dataset, Dataset):
        raise TypeError(f"expected a Dataset, not {type(dataset).__name__}")
    pds = object.__new__(PyDataSet)
    pds._init(dataset._columns, dataset._rows, dataset._index, dataset._types)
    return pds


def _derived(base: Dataset, rows: tuple[Row, ...]) -> Dataset:
    """A plain dataset with ``base``'s columns and ``rows`` (already checked)."""
    ds = object.__new__(Dataset)
    ds._init(base._columns, rows, base._index, base._types)
    return ds


def build(
    columns: Sequence[str], rows: Sequence[Row], types: Sequence[ColumnType]
) -> Dataset:
    """A dataset from tuple rows already of ``types`` (no copies, no checks).

    The fast path for query results whose column types the driver gives.
    """
    ds = object.__new__(Dataset)
    ds._init(tuple(columns), tuple(rows), None, tuple(types))
    return ds


#: Python types a driver hands back that need no conversion to their column
#: type (a column of one of these, and None, is taken as it is).
_PLAIN = {float: DOUBLE, str: STRING, bool: BOOLEAN}
_NONE_TYPE = type(None)
INT_RANGE = (-(2**31), 2**31 - 1)  # Integer columns; wider ints are Long


def from_driver(columns: Sequence[str], rows: Sequence[Row]) -> Dataset:
    """A dataset from a database driver's result rows (tuples).

    A column of one Python type (and None) is typed from its values and taken
    as it is: the cells need no check and no conversion. Each column is read
    in C (``map`` over ``itemgetter``) with no transposed copy; anything else
    (ints mixed with floats, dates, decimals) goes through the constructor.
    The garbage collector is paused meanwhile: a 10,000-row result is tens of
    thousands of young objects it would otherwise walk several times.
    """
    given = tuple(rows)
    width = len(columns)
    # A driver's rows are all alike (one cursor, one row type): the first
    # and the last stand for the rest.
    ends = (given[0], given[-1]) if given else ()
    if not given or any(type(r) is not tuple or len(r) != width for r in ends):
        return Dataset(columns, given)
    paused = gc.isenabled()
    gc.disable()
    try:
        types = [_driver_type(given, itemgetter(i)) for i in range(width)]
    finally:
        if paused:
            gc.enable()
    if any(t is None for t in types):
        return Dataset(columns, given)
    return build(columns, given, types)  # type: ignore[arg-type]


def _driver_type(
    rows: tuple[Row, ...], get: Callable[[Row], object]
) -> ColumnType | None:
    """One column's type when all its values are of one plain type, else None."""
    kinds = set(map(type, map(get, rows)))
    has_none = _NONE_TYPE in kinds
    kinds.discard(_NONE_TYPE)
    if not kinds:
        return OBJECT
    if len(kinds) > 1:
        return None
    kind = kinds.pop()
    if kind is int:
        values = [v for v in map(get, rows) if v is not None] if has_none else None
        low = min(values) if values is not None else min(map(get, rows))  # type: ignore[type-var]
        high = max(values) if values is not None else max(map(get, rows))  # type: ignore[type-var]
        return INTEGER if INT_RANGE[0] <= low and high <= INT_RANGE[1] else LONG  # type: ignore[operator]
    return _PLAIN.get(kind)


def _checked_rows(
    rows: Iterable[Sequence[object] | PyRow], width: int
) -> tuple[Row, ...]:
    """Rows as tuples, checked; all-tuple rows of the right width in C."""
    given = tuple(rows)
    if set(map(type, given)) <= {tuple} and set(map(len, given)) <= {width}:
        return given  # type: ignore[return-value]  # all tuples: checked above
    return tuple(_checked_row(i, row, width) for i, row in enumerate(given))


def _checked_row(i: int, row: object, width: int) -> Row:
    if isinstance(row, PyRow):
        values = row.values
    elif isinstance(row, list | tuple):
        values = tuple(row)
    else:
        raise TypeError(f"row {i} must be a list or tuple, not {type(row).__name__}")
    if len(values) != width:
        raise ValueError(
            f"row {i} has {len(values)} values but the dataset has {width} columns"
        )
    return values


def _index(value: object, size: int, what: str) -> int:
    """``value`` as an index in ``range(size)``; no negative (Python) indexing."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} index must be an int, not {type(value).__name__}")
    if not 0 <= value < size:
        valid = f"0..{size - 1}" if size else "there are none"
        raise IndexError(f"{what} index {value} out of range ({valid})")
    return value
