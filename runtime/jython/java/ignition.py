"""Ignition's own Java classes scripts import from ``com.inductiveautomation``.

``BasicDataset`` (``...ignition.common.BasicDataset``) is visionsim's
:class:`~visionsim.runtime.dataset.Dataset` with Ignition's constructor (data
given column by column) and its one mutator, ``setValueAt``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from visionsim.runtime.dataset import Dataset
from visionsim.runtime.jython.java.errors import (
    ArrayIndexOutOfBoundsException,
    MessageHandlerException,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["BasicDataset", "MessageHandlerException"]


class BasicDataset(Dataset):
    """``BasicDataset(names, types, data)`` (``data[col][row]``) or ``(dataset)``.

    Unlike the other datasets, Ignition's ``BasicDataset`` can be changed in
    place with ``setValueAt``: a script that shares one between threads must
    guard it, as in Ignition.
    """

    __slots__ = ("_declared",)
    _declared: list[object] | None

    def __init__(self, *args: Any) -> None:
        if len(args) == 1 and isinstance(args[0], Dataset):
            source = args[0]
            super().__init__(source.column_names, source.rows)
            object.__setattr__(self, "_declared", None)
            return
        if len(args) == 2:
            names, columns = args
            types: Sequence[object] | None = None
        elif len(args) == 3:
            names, types, columns = args
        else:
            raise TypeError("BasicDataset(names, types, data) or BasicDataset(dataset)")
        names = [str(n) for n in names]
        columns = [list(c) for c in columns]
        if len(columns) != len(names):
            raise ArrayIndexOutOfBoundsException(
                f"Index {len(columns)} out of bounds for length {len(names)}"
            )
        height = len(columns[0]) if columns else 0
        rows = [[col[r] for col in columns] for r in range(height)]
        super().__init__(names, rows)
        object.__setattr__(self, "_declared", None if types is None else list(types))

    def setValueAt(self, row: int, col: int | str, value: object) -> None:
        """Change one cell in place (Ignition's mutable ``BasicDataset``)."""
        changed = self.with_value(row, col, value)
        object.__setattr__(self, "_rows", changed.rows)

    def getColumnType(self, col: int | str) -> type:
        """The declared type when given, else the first value's type."""
        types = self._declared
        if types is not None:
            declared = types[self._column(col)]
            if isinstance(declared, type):
                return declared
        return super().getColumnType(col)

    def getColumnTypes(self) -> list[type]:
        """Every column's type."""
        return [self.getColumnType(c) for c in range(self.getColumnCount())]

    def __reduce__(self) -> tuple[object, ...]:
        return (BasicDataset, (Dataset(self.column_names, self.rows),))
