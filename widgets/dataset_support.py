"""Turning window.yaml table data (``{columns, rows}``) into a Dataset."""

from __future__ import annotations

from visionsim.runtime.dataset import Dataset


def to_dataset(value: object) -> Dataset | None:
    """A Dataset from a Dataset, a ``{columns: [...], rows: [[...]]}`` dict or None."""
    if value is None or isinstance(value, Dataset):
        return value
    if isinstance(value, dict) and "columns" in value:
        return Dataset(list(value["columns"]), [list(r) for r in value.get("rows", [])])
    raise TypeError(f"a dataset is needed, not {type(value).__name__}")
