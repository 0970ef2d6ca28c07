"""``system.dataset``: build, convert and derive immutable datasets.

Names and parameter order follow Ignition's ``system.dataset`` functions (the
ignition-api stubs and the IA manual; reference/ignition-api-signatures.md
does not list them). Datasets are immutable, so ``addRow``, ``setValue`` and
``deleteRow`` return a new :class:`~visionsim.runtime.dataset.Dataset` and leave their
argument unchanged. A :class:`~visionsim.runtime.dataset.PyDataSet` is accepted wherever
a dataset is, as in Ignition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from visionsim.runtime.dataset import Dataset, PyDataSet, to_dataset, to_py_dataset

if TYPE_CHECKING:
    from collections.abc import Sequence


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
