"""Typed dataset columns: inferred like toDataSet, values coerced or rejected."""

from __future__ import annotations

import copy
import pickle

import pytest

from visionsim.runtime.dataset import Dataset, to_py_dataset
from visionsim.runtime.dataset_types import (
    DATE,
    DOUBLE,
    INTEGER,
    LONG,
    OBJECT,
    STRING,
    DatasetTypeError,
)
from visionsim.runtime.ignition.dataset import DatasetFunctions
from visionsim.runtime.jython.java.dates import Date
from visionsim.runtime.jython.java.errors import JavaException

fns = DatasetFunctions()


def names(ds: Dataset) -> list[str]:
    return [t.java_name.rpartition(".")[2] for t in ds.column_types]


def test_types_are_inferred_from_the_values() -> None:
    ds = fns.toDataSet(
        ["i", "f", "s", "b", "d", "none", "big"],
        [[1, 2.5, "a", True, Date(0), None, 2**40]],
    )
    assert names(ds) == [
        "Integer",
        "Double",
        "String",
        "Boolean",
        "Date",
        "Object",
        "Long",
    ]
    assert ds.getColumnTypes() == [int, float, str, bool, Date, object, int]


def test_first_non_none_value_decides_and_ints_with_floats_make_doubles() -> None:
    ds = fns.toDataSet(["a", "b"], [[None, 1], [7, 2.5], [8, 3]])
    assert ds.column_types == (INTEGER, DOUBLE)
    assert ds.getColumnAsList("b") == [1.0, 2.5, 3.0]
    assert type(ds.getValueAt(0, "b")) is float


def test_values_that_do_not_match_the_first_are_coerced_or_rejected() -> None:
    ds = fns.toDataSet(["n", "s"], [[1, "x"], ["2", 3]])
    assert ds.rows == ((1, "x"), (2, "3"))
    with pytest.raises(
        DatasetTypeError,
        match=r"Unable to convert row 1, column 0 \('abc'\) to type class "
        r"java.lang.Integer",
    ):
        fns.toDataSet(["n"], [[1], ["abc"]])


def test_set_value_coerces_to_the_column_type() -> None:
    ds = fns.toDataSet(["n", "s", "b", "d"], [[1, "x", False, Date(5)]])
    assert fns.setValue(ds, 0, "n", "42").getValueAt(0, "n") == 42
    assert fns.setValue(ds, 0, "n", 3.9).getValueAt(0, "n") == 3
    assert fns.setValue(ds, 0, "s", 5).getValueAt(0, "s") == "5"
    assert fns.setValue(ds, 0, "s", True).getValueAt(0, "s") == "true"
    assert fns.setValue(ds, 0, "b", "true").getValueAt(0, "b") is True
    assert fns.setValue(ds, 0, "b", 0).getValueAt(0, "b") is False
    assert fns.setValue(ds, 0, "d", 99).getValueAt(0, "d") == Date(99)
    assert fns.setValue(ds, 0, "n", None).getValueAt(0, "n") is None
    with pytest.raises(DatasetTypeError, match=r"java\.util\.Date"):
        fns.setValue(ds, 0, "d", "yesterday")
    with pytest.raises(DatasetTypeError, match=r"java\.lang\.Boolean"):
        fns.setValue(ds, 0, "b", "maybe")


def test_add_row_coerces_or_rejects_and_leaves_the_original() -> None:
    ds = fns.toDataSet(["n", "s"], [[1, "a"]])
    grown = fns.addRow(ds, ["2", 2])
    assert grown.rows == ((1, "a"), (2, "2"))
    with pytest.raises(TypeError, match="row 1, column 0"):
        fns.addRow(ds, [[], "b"])
    assert ds.rowCount == 1


def test_the_type_error_is_both_python_and_java() -> None:
    with pytest.raises(DatasetTypeError) as info:
        Dataset(["n"], [[1], ["x"]])
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, JavaException)


def test_explicit_types_and_all_none_columns() -> None:
    ds = Dataset(["a", "b"], [["1", None]], column_types=[int, "java.lang.String"])
    assert ds.rows == ((1, None),)
    assert ds.column_types == (INTEGER, STRING)
    assert Dataset(["x"], [[None]]).column_types == (OBJECT,)
    assert Dataset(["x"], [], column_types=["Long"]).column_types == (LONG,)
    with pytest.raises(ValueError, match="1 column types for 2 columns"):
        Dataset(["a", "b"], [], column_types=[int])


def test_types_survive_copies_pickles_and_py_datasets() -> None:
    ds = Dataset(["when", "n"], [[None, None]], column_types=[Date, float])
    for other in (copy.deepcopy(ds), pickle.loads(pickle.dumps(ds))):
        assert other.column_types == (DATE, DOUBLE)
    pds = to_py_dataset(ds)
    assert pds.column_types == (DATE, DOUBLE)
    assert pickle.loads(pickle.dumps(pds)).column_types == (DATE, DOUBLE)
    assert fns.toDataSet(pds).column_types == (DATE, DOUBLE)


@pytest.mark.parametrize(
    "rows",
    [
        [(1, "a", 0.5, True), (2, "b", 1.5, False)],
        [(1, None), (None, "x"), (2**40, "y")],
        [(1, 2.5), (2, 3)],  # ints and floats: a Double column, converted
        [(None, None)],
        [(1, "2026-01-01"), (2, None)],
    ],
)
def test_a_driver_result_is_the_dataset_the_constructor_builds(
    rows: list[tuple[object, ...]],
) -> None:
    """The fast path for query results types and converts as the constructor."""
    from visionsim.runtime.dataset import Dataset, from_driver

    columns = [f"c{i}" for i in range(len(rows[0]))]
    fast, slow = from_driver(columns, rows), Dataset(columns, rows)
    assert [fast.getColumnType(i) for i in range(len(columns))] == [
        slow.getColumnType(i) for i in range(len(columns))
    ]
    assert fast.rows == slow.rows
