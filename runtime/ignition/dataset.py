"""``system.dataset``: build, convert and derive immutable datasets.

Names and parameter order follow Ignition 8.1's ``system.dataset`` functions
(the ignition-api stubs and the IA manual). Datasets are immutable, so every
function returns a new :class:`~visionsim.runtime.dataset.Dataset` and leaves
its argument unchanged; values are coerced to their column's type or
rejected (:mod:`~visionsim.runtime.dataset_types`). A ``PyDataSet`` is
accepted wherever a dataset is, as in Ignition. The text formats live in
:mod:`~visionsim.runtime.ignition.dataset_text`; ``exportCSV``/``exportExcel``/
``exportHTML`` and ``toExcel`` are not simulated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, cast

from visionsim.runtime.dataset import (
    Dataset,
    PyDataSet,
    build,
    to_dataset,
    to_py_dataset,
)
from visionsim.runtime.dataset_types import coerce_rows, from_python, infer
from visionsim.runtime.ignition import dataset_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from visionsim.runtime.dataset import Row


class DatasetFunctions:
    """``system.dataset`` functions; the same in every scope. Thread: any."""

    def toDataSet(self, *args: object) -> Dataset:
        """A dataset from ``(headers, data)``, or from a ``(pyDataSet)``.

        ``headers`` is a list of column names; ``data`` is a list of rows
        (lists or tuples), each with one value per header.
        """
        if len(args) == 1:
            return to_dataset(_dataset("toDataSet", args[0]))
        if len(args) == 2:
            return _build(args[0], args[1])
        raise TypeError(
            "toDataSet() takes (dataset) or (headers, data), "
            f"but {len(args)} arguments were given"
        )

    def toPyDataSet(self, dataset: Dataset) -> PyDataSet:
        """A ``PyDataSet`` over ``dataset``: iterate rows, index by name or number."""
        return to_py_dataset(_dataset("toPyDataSet", dataset))

    def addRow(
        self,
        dataset: Dataset,
        rowIndex: int | Sequence[object] | None = None,
        row: Sequence[object] | None = None,
    ) -> Dataset:
        """A new dataset with ``row`` inserted at ``rowIndex`` (default: appended).

        Called as ``addRow(dataset, row)`` or ``addRow(dataset, rowIndex, row)``.
        """
        ds = _dataset("addRow", dataset)
        if row is None:  # addRow(dataset, row)
            if rowIndex is None or isinstance(rowIndex, int):
                raise TypeError("addRow(): missing the row to add")
            return ds.with_row(rowIndex)
        # with_row rejects a rowIndex that is not an int, with a clear message.
        return ds.with_row(row, cast("int | None", rowIndex))

    def setValue(
        self,
        dataset: Dataset,
        rowIndex: int,
        columnNameOrIndex: int | str,
        value: object,
    ) -> Dataset:
        """A new dataset with ``value`` at ``rowIndex`` in the given column."""
        return _dataset("setValue", dataset).with_value(
            rowIndex, columnNameOrIndex, value
        )

    def getColumnHeaders(self, dataset: Dataset) -> list[str]:
        """The dataset's column names, as a list."""
        return _dataset("getColumnHeaders", dataset).getColumnNames()

    def deleteRow(self, dataset: Dataset, rowIndex: int) -> Dataset:
        """A new dataset without row ``rowIndex``."""
        return _dataset("deleteRow", dataset).without_row(rowIndex)

    def deleteRows(self, dataset: Dataset, rowIndices: Sequence[int]) -> Dataset:
        """A new dataset without the rows at ``rowIndices``."""
        ds = _dataset("deleteRows", dataset)
        doomed = {ds._row(i) for i in rowIndices}
        rows = [row for i, row in enumerate(ds.rows) if i not in doomed]
        return build(ds.column_names, rows, ds.column_types)

    def addRows(
        self,
        dataset: Dataset,
        rowIndex: int | Sequence[Sequence[object]] | None = None,
        rows: Sequence[Sequence[object]] | None = None,
    ) -> Dataset:
        """A new dataset with ``rows`` inserted at ``rowIndex`` (default: appended)."""
        ds = _dataset("addRows", dataset)
        if rows is None:
            rows, rowIndex = cast("Sequence[Sequence[object]]", rowIndex), None
        if rows is None or isinstance(rows, str) or not hasattr(rows, "__iter__"):
            raise TypeError("addRows(): rows must be a list of rows")
        at = ds.rowCount if rowIndex is None else rowIndex
        if (
            isinstance(at, bool)
            or not isinstance(at, int)
            or not 0 <= at <= ds.rowCount
        ):
            raise IndexError(f"addRows(): row index {at!r} out of range")
        added = Dataset(ds.column_names, list(rows), ds.column_types).rows
        return build(
            ds.column_names, (*ds.rows[:at], *added, *ds.rows[at:]), ds.column_types
        )

    def addColumn(self, dataset: Dataset, *args: object) -> Dataset:
        """A new dataset with a column added: ``([colIndex,] col, colName, colType)``.

        ``colType`` is ``int``, ``float``, ``str``, ``bool``, ``java.util.Date``
        or a Java class name; inferred from ``col`` when omitted.
        """
        ds = _dataset("addColumn", dataset)
        if args and isinstance(args[0], int) and not isinstance(args[0], bool):
            at, rest = args[0], args[1:]
        else:
            at, rest = ds.columnCount, args
        if not 2 <= len(rest) <= 3:
            raise TypeError("addColumn(dataset, [colIndex], col, colName, colType)")
        col, name = list(cast("Sequence[object]", rest[0])), rest[1]
        if not isinstance(name, str):
            raise TypeError(f"addColumn(): colName must be a string, not {name!r}")
        if len(col) != ds.rowCount:
            raise ValueError(
                f"addColumn(): the column has {len(col)} values for {ds.rowCount} rows"
            )
        if not 0 <= at <= ds.columnCount:
            raise IndexError(f"addColumn(): column index {at} out of range")
        kind = infer(col) if len(rest) < 3 or rest[2] is None else from_python(rest[2])
        names = [*ds.column_names[:at], name, *ds.column_names[at:]]
        types = (*ds.column_types[:at], kind, *ds.column_types[at:])
        rows = tuple(
            (*row[:at], value, *row[at:])
            for row, value in zip(ds.rows, col, strict=True)
        )
        return build(names, coerce_rows(rows, types), types)

    def appendDataset(self, dataset1: Dataset, dataset2: Dataset) -> Dataset:
        """``dataset1``'s rows, then ``dataset2``'s (same column count and types)."""
        a, b = _dataset("appendDataset", dataset1), _dataset("appendDataset", dataset2)
        if a.columnCount != b.columnCount:
            raise ValueError(
                f"appendDataset(): {a.columnCount} columns and {b.columnCount} columns"
            )
        for i, (ta, tb) in enumerate(zip(a.column_types, b.column_types, strict=True)):
            if ta is not tb:
                raise ValueError(
                    f"appendDataset(): column {i} is {ta.java_name} in the first "
                    f"dataset but {tb.java_name} in the second"
                )
        return build(a.column_names, a.rows + b.rows, a.column_types)

    def clearDataset(self, dataset: Dataset) -> Dataset:
        """The same columns, no rows."""
        ds = _dataset("clearDataset", dataset)
        return build(ds.column_names, (), ds.column_types)

    def filterColumns(self, dataset: Dataset, columns: Sequence[int | str]) -> Dataset:
        """Only ``columns`` (names or indexes), in the order given."""
        ds = _dataset("filterColumns", dataset)
        keep = [ds._column(c) for c in columns]
        return build(
            [ds.column_names[c] for c in keep],
            [tuple(row[c] for c in keep) for row in ds.rows],
            [ds.column_types[c] for c in keep],
        )

    def updateRow(
        self, dataset: Dataset, rowIndex: int, changes: Mapping[str, object]
    ) -> Dataset:
        """A new dataset with row ``rowIndex`` changed per ``{column: value}``."""
        ds = _dataset("updateRow", dataset)
        if not isinstance(changes, Mapping):
            raise TypeError("updateRow(): changes must be a dict of column: value")
        for name, value in changes.items():
            ds = ds.with_value(rowIndex, str(name), value)
        return ds

    def sort(
        self,
        dataset: Dataset,
        keyColumn: int | str,
        ascending: bool = True,
        naturalOrdering: bool = True,
    ) -> Dataset:
        """Rows sorted by one column; text in natural order (``a2`` < ``a10``)."""
        ds = _dataset("sort", dataset)
        c = ds._column(keyColumn)
        key = (
            _natural if naturalOrdering and ds.column_types[c].python is str else _plain
        )
        filled = [row for row in ds.rows if row[c] is not None]
        empty = [row for row in ds.rows if row[c] is None]
        ordered = sorted(filled, key=lambda row: key(row[c]), reverse=not ascending)
        rows: list[Row] = empty + ordered if ascending else ordered + empty
        return build(ds.column_names, rows, ds.column_types)

    def toCSV(
        self,
        dataset: Dataset,
        showHeaders: bool = True,
        forExport: bool = False,
        localized: bool = False,
    ) -> str:
        """The dataset as CSV text; ``forExport`` adds what ``fromCSV`` needs."""
        return dataset_text.to_csv(_dataset("toCSV", dataset), showHeaders, forExport)

    def fromCSV(self, csv: str) -> Dataset:
        """The dataset in CSV text written by ``toCSV(ds, forExport=True)``."""
        return dataset_text.from_csv(csv)

    def dataSetToHTML(self, showHeaders: bool, dataset: Dataset, title: str) -> str:
        """An HTML page with the dataset as a table."""
        return dataset_text.to_html(
            showHeaders, _dataset("dataSetToHTML", dataset), title
        )

    def formatDates(
        self, dataset: Dataset, dateFormat: str, locale: object = None
    ) -> Dataset:
        """Date columns as String columns, formatted with ``dateFormat``."""
        return dataset_text.format_dates(_dataset("formatDates", dataset), dateFormat)


def _plain(value: object) -> tuple[int, object]:
    return (0, value)


def _natural(value: object) -> tuple[int, object]:
    parts = re.split(r"(\d+)", str(value))
    return (0, [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts])


def _dataset(function: str, value: object) -> Dataset:
    if not isinstance(value, Dataset):
        raise TypeError(
            f"{function}(): dataset must be a Dataset or PyDataSet, "
            f"not {type(value).__name__}"
        )
    return value


def _build(headers: object, data: object) -> Dataset:
    if isinstance(headers, Dataset | str) or not isinstance(headers, list | tuple):
        raise TypeError(
            "toDataSet(headers, data): headers must be a list of column names, "
            f"not {type(headers).__name__}"
        )
    if isinstance(data, Dataset):
        rows: Sequence[object] = data.rows
    elif isinstance(data, list | tuple):
        rows = data
    else:
        raise TypeError(
            "toDataSet(headers, data): data must be a list of rows, "
            f"not {type(data).__name__}"
        )
    # Dataset checks each header and row and says which one is wrong.
    return Dataset(
        cast("Sequence[str]", headers), cast("Sequence[Sequence[object]]", rows)
    )
