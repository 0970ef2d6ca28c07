"""Dataset, PyDataSet and the ``system.dataset`` functions."""

from __future__ import annotations

import copy
import pickle

import pytest

from visionsim.runtime.dataset import (
    Dataset,
    PyDataSet,
    PyRow,
    to_dataset,
    to_py_dataset,
)
from visionsim.runtime.ignition.dataset import DatasetFunctions


@pytest.fixture
def ds() -> Dataset:
    return Dataset(
        ["name", "qty", "note"], [["a", 1, None], ("b", 2, "x"), ["c", 3, None]]
    )


@pytest.fixture
def fns() -> DatasetFunctions:
    return DatasetFunctions()


# -- Dataset read API ---------------------------------------------------------


def test_read_api_reports_shape_names_and_values(ds: Dataset) -> None:
    assert ds.getColumnNames() == ["name", "qty", "note"]
    assert ds.getColumnName(1) == "qty"
    assert ds.getColumnIndex("note") == 2
    assert ds.getColumnCount() == 3
    assert ds.getRowCount() == 3
    assert ds.getValueAt(1, 0) == "b"
    assert ds.getValueAt(1, "qty") == 2
    assert ds.getColumnAsList("qty") == [1, 2, 3]
    assert ds.getColumnAsList(0) == ["a", "b", "c"]


def test_bean_attributes_mirror_the_getters(ds: Dataset) -> None:
    assert (ds.rowCount, ds.columnCount, ds.columnNames) == (3, 3, ds.getColumnNames())
    assert len(ds) == 3


def test_get_column_index_of_an_unknown_name_is_minus_one(ds: Dataset) -> None:
    assert ds.getColumnIndex("missing") == -1
    with pytest.raises(TypeError, match="string"):
        ds.getColumnIndex(0)  # type: ignore[arg-type]


def test_duplicate_column_names_resolve_to_the_first() -> None:
    dup = Dataset(["a", "a"], [[1, 2]])
    assert dup.getColumnIndex("a") == 0
    assert dup.getValueAt(0, "a") == 1


def test_get_column_type_is_the_first_non_none_values_type(ds: Dataset) -> None:
    assert ds.getColumnType("qty") is int
    assert ds.getColumnType("note") is str
    assert Dataset(["x"], [[None]]).getColumnType(0) is object
    assert Dataset(["x"]).getColumnType("x") is object


@pytest.mark.parametrize(
    ("row", "col", "error", "match"),
    [
        (3, 0, IndexError, r"row index 3 out of range \(0\.\.2\)"),
        (-1, 0, IndexError, "row index -1 out of range"),
        (0, 3, IndexError, r"column index 3 out of range \(0\.\.2\)"),
        (0, "nope", ValueError, "no column named 'nope'"),
        ("0", 0, TypeError, "row index must be an int, not str"),
        (0, 1.0, TypeError, "column index must be an int, not float"),
        (True, 0, TypeError, "row index must be an int, not bool"),
    ],
)
def test_get_value_at_rejects_bad_positions_clearly(
    ds: Dataset, row: object, col: object, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        ds.getValueAt(row, col)  # type: ignore[arg-type]


def test_index_errors_on_an_empty_dataset_say_there_are_none() -> None:
    with pytest.raises(IndexError, match="there are none"):
        Dataset(["a"]).getValueAt(0, 0)


def test_column_lookups_by_bad_name_or_index_fail(ds: Dataset) -> None:
    with pytest.raises(ValueError, match="columns: name, qty, note"):
        ds.getColumnAsList("nope")
    with pytest.raises(IndexError):
        ds.getColumnName(5)
    with pytest.raises(ValueError, match="no column"):
        ds.getColumnType("nope")


# -- construction -------------------------------------------------------------


def test_a_row_of_the_wrong_width_is_named_by_index() -> None:
    with pytest.raises(ValueError, match="row 1 has 1 values but the dataset has 2"):
        Dataset(["a", "b"], [[1, 2], [3]])


def test_rows_must_be_lists_or_tuples_and_headers_strings() -> None:
    with pytest.raises(TypeError, match="row 0 must be a list or tuple, not str"):
        Dataset(["a", "b"], ["ab"])
    with pytest.raises(TypeError, match="column name 1 must be a string, not int"):
        Dataset(["a", 2], [])  # type: ignore[list-item]


def test_values_are_kept_as_given_not_copied() -> None:
    cell = [1, 2]
    ds = Dataset(["a"], [[cell]])
    assert ds.getValueAt(0, 0) is cell


def test_dataset_is_immutable(ds: Dataset) -> None:
    with pytest.raises(AttributeError, match="immutable"):
        ds._rows = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        ds.rowCount = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del ds._rows
    names = ds.getColumnNames()
    names.append("extra")
    assert ds.getColumnCount() == 3
    assert isinstance(ds.rows[0], tuple)


def test_equality_is_same_columns_and_rows(ds: Dataset) -> None:
    same = Dataset(
        ("name", "qty", "note"), [("a", 1, None), ["b", 2, "x"], ("c", 3, None)]
    )
    assert ds == same
    assert ds != Dataset(["name", "qty", "other"], same.rows)
    assert ds != ds.with_value(0, "qty", 9)
    assert ds != "Dataset"


def test_copy_deepcopy_and_pickle_rebuild_equal_datasets() -> None:
    cell = [1, 2]
    ds = Dataset(["a", "b"], [[cell, "x"]])
    assert copy.copy(ds) == ds
    deep = copy.deepcopy(ds)
    assert deep == ds
    assert deep.getValueAt(0, 0) is not cell
    assert pickle.loads(pickle.dumps(ds)) == ds
    pds = to_py_dataset(ds)
    for clone in (copy.deepcopy(pds), pickle.loads(pickle.dumps(pds))):
        assert isinstance(clone, PyDataSet)
        assert clone == ds
    row = copy.deepcopy(pds[0])
    assert row == pds[0]
    assert row["b"] == "x"


def test_repr_reads_like_ignition(ds: Dataset) -> None:
    assert repr(ds) == "Dataset [3R \u2179 3C]"
    assert repr(to_py_dataset(ds)) == "<PyDataset rows:3 cols:3>"


# -- derivations --------------------------------------------------------------


def test_with_row_without_row_with_value_return_new_datasets(ds: Dataset) -> None:
    before = ds.rows
    grown = ds.with_row(["d", 4, None])
    inserted = ds.with_row(["z", 0, None], 0)
    shrunk = ds.without_row(1)
    changed = ds.with_value(2, "note", "y")
    assert ds.rows == before
    assert grown.getColumnAsList("name") == ["a", "b", "c", "d"]
    assert inserted.getColumnAsList("name") == ["z", "a", "b", "c"]
    assert shrunk.getColumnAsList("name") == ["a", "c"]
    assert changed.getValueAt(2, "note") == "y"
    assert ds.getValueAt(2, "note") is None


def test_with_row_accepts_the_end_but_not_beyond(ds: Dataset) -> None:
    assert ds.with_row(["d", 4, None], 3).getValueAt(3, 0) == "d"
    with pytest.raises(IndexError, match=r"row index 4 out of range \(0\.\.3\)"):
        ds.with_row(["d", 4, None], 4)
    with pytest.raises(ValueError, match="row 3 has 2 values"):
        ds.with_row(["d", 4])


# -- PyDataSet ------------------------------------------------------------------


def test_py_dataset_iterates_rows_with_index_and_name_access(ds: Dataset) -> None:
    pds = to_py_dataset(ds)
    seen = [(row[0], row["qty"], row[-1]) for row in pds]
    assert seen == [("a", 1, None), ("b", 2, "x"), ("c", 3, None)]
    assert pds.getRowCount() == 3
    assert pds.getColumnNames() == ["name", "qty", "note"]
    assert len(pds) == 3
    assert pds[1]["note"] == "x"
    assert pds[-1][0] == "c"
    assert list(pds[0]) == ["a", 1, None]
    assert len(pds[0]) == 3
    assert repr(pds[1]) == "['b', 2, 'x']"


def test_py_dataset_is_a_dataset_equal_to_its_source(ds: Dataset) -> None:
    pds = to_py_dataset(ds)
    assert isinstance(pds, Dataset)
    assert pds == ds
    assert pds.getValueAt(0, "name") == "a"
    assert pds[0] == to_py_dataset(ds)[0]
    assert pds[0] != pds[1]


def test_py_row_errors_and_immutability(ds: Dataset) -> None:
    row = to_py_dataset(ds)[0]
    with pytest.raises(KeyError, match="nope"):
        row["nope"]
    with pytest.raises(IndexError, match="column index 3 out of range"):
        row[3]
    with pytest.raises(TypeError, match="column index or name"):
        row[1.5]  # type: ignore[index]
    with pytest.raises(TypeError):
        row[0] = "z"  # type: ignore[index]
    with pytest.raises(AttributeError):
        row._values = ()  # type: ignore[misc]


def test_py_dataset_row_index_errors(ds: Dataset) -> None:
    pds = to_py_dataset(ds)
    with pytest.raises(IndexError, match="row index 3 out of range"):
        pds[3]
    with pytest.raises(TypeError, match="row index must be an int"):
        pds["a"]  # type: ignore[index]


def test_plain_dataset_is_not_iterable(ds: Dataset) -> None:
    """As in Ignition, scripts call toPyDataSet before looping over rows."""
    with pytest.raises(TypeError):
        iter(ds)  # type: ignore[call-overload]


def test_conversion_helpers_reject_non_datasets() -> None:
    with pytest.raises(TypeError, match="expected a Dataset, not list"):
        to_py_dataset([])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a Dataset"):
        to_dataset(None)  # type: ignore[arg-type]


# -- system.dataset -------------------------------------------------------------


def test_to_data_set_from_headers_and_rows(fns: DatasetFunctions) -> None:
    ds = fns.toDataSet(["a", "b"], [[1, 2], (3, 4)])
    assert type(ds) is Dataset
    assert ds.rows == ((1, 2), (3, 4))
    assert fns.toDataSet(("a",), []).getRowCount() == 0


def test_to_data_set_from_a_py_data_set_gives_a_plain_dataset(
    fns: DatasetFunctions, ds: Dataset
) -> None:
    pds = fns.toPyDataSet(ds)
    back = fns.toDataSet(pds)
    assert type(back) is Dataset
    assert back == ds
    assert fns.toDataSet(["n", "q", "t"], pds).getColumnAsList("q") == [1, 2, 3]
    assert fns.toDataSet(["n", "q", "t"], list(pds)).getValueAt(1, "t") == "x"


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        ((), TypeError, "takes \\(dataset\\) or \\(headers, data\\)"),
        ((["a"], [[1]], 3), TypeError, "3 arguments"),
        (([["a"]],), TypeError, "dataset must be a Dataset or PyDataSet, not list"),
        (("ab", [["a", "b"]]), TypeError, "headers must be a list"),
        ((["a"], "x"), TypeError, "data must be a list of rows, not str"),
        ((["a"], [[1], 2]), TypeError, "row 1 must be a list or tuple"),
        ((["a", "b"], [[1, 2], [3]]), ValueError, "row 1 has 1 values"),
        (([1], [[1]]), TypeError, "column name 0 must be a string"),
    ],
)
def test_to_data_set_argument_errors(
    fns: DatasetFunctions, args: tuple[object, ...], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        fns.toDataSet(*args)


def test_to_py_data_set_returns_a_py_data_set(
    fns: DatasetFunctions, ds: Dataset
) -> None:
    pds = fns.toPyDataSet(ds)
    assert isinstance(pds, PyDataSet)
    assert all(isinstance(row, PyRow) for row in pds)
    with pytest.raises(TypeError, match=r"toPyDataSet\(\): dataset must be"):
        fns.toPyDataSet([[1]])  # type: ignore[arg-type]


def test_add_row_appends_or_inserts_and_leaves_the_original(
    fns: DatasetFunctions, ds: Dataset
) -> None:
    appended = fns.addRow(ds, ["d", 4, None])
    inserted = fns.addRow(ds, 1, ["z", 0, None])
    by_keyword = fns.addRow(dataset=ds, row=["k", 5, None])
    assert appended.getColumnAsList("name") == ["a", "b", "c", "d"]
    assert inserted.getColumnAsList("name") == ["a", "z", "b", "c"]
    assert by_keyword.getValueAt(3, "name") == "k"
    assert ds.getRowCount() == 3
    assert fns.addRow(fns.toPyDataSet(ds), ["d", 4, None]) == appended


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        ((), TypeError, "missing the row"),
        ((2,), TypeError, "missing the row"),
        ((["d", 4],), ValueError, "row 3 has 2 values"),
        ((9, ["d", 4, None]), IndexError, "row index 9 out of range"),
        (("1", ["d", 4, None]), TypeError, "row index must be an int, not str"),
        (("abc",), TypeError, "must be a list or tuple, not str"),
    ],
)
def test_add_row_argument_errors(
    fns: DatasetFunctions,
    ds: Dataset,
    args: tuple[object, ...],
    error: type[Exception],
    match: str,
) -> None:
    with pytest.raises(error, match=match):
        fns.addRow(ds, *args)  # type: ignore[arg-type]


def test_add_row_needs_a_dataset(fns: DatasetFunctions) -> None:
    with pytest.raises(TypeError, match=r"addRow\(\): dataset must be a Dataset"):
        fns.addRow([["a"]], ["b"])  # type: ignore[arg-type]


def test_set_value_by_name_or_index_returns_a_new_dataset(
    fns: DatasetFunctions, ds: Dataset
) -> None:
    by_name = fns.setValue(ds, 0, "qty", 10)
    by_index = fns.setValue(ds, 0, 1, 10)
    assert by_name == by_index
    assert by_name.getValueAt(0, "qty") == 10
    assert ds.getValueAt(0, "qty") == 1
    with pytest.raises(ValueError, match="no column named 'nope'"):
        fns.setValue(ds, 0, "nope", 1)
    with pytest.raises(IndexError, match="row index 5"):
        fns.setValue(ds, 5, 0, 1)
    with pytest.raises(TypeError, match=r"setValue\(\): dataset"):
        fns.setValue(None, 0, 0, 1)  # type: ignore[arg-type]


def test_get_column_headers_is_a_list_of_names(
    fns: DatasetFunctions, ds: Dataset
) -> None:
    assert fns.getColumnHeaders(ds) == ["name", "qty", "note"]
    assert fns.getColumnHeaders(fns.toPyDataSet(ds)) == ["name", "qty", "note"]
    with pytest.raises(TypeError, match=r"getColumnHeaders\(\)"):
        fns.getColumnHeaders("ds")  # type: ignore[arg-type]


def test_delete_row_returns_a_new_dataset(fns: DatasetFunctions, ds: Dataset) -> None:
    smaller = fns.deleteRow(ds, 0)
    assert smaller.getColumnAsList("name") == ["b", "c"]
    assert ds.getRowCount() == 3
    with pytest.raises(IndexError, match="row index 3"):
        fns.deleteRow(ds, 3)
    with pytest.raises(TypeError, match="row index must be an int"):
        fns.deleteRow(ds, "0")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"deleteRow\(\)"):
        fns.deleteRow({}, 0)  # type: ignore[arg-type]


def test_public_methods_are_the_81_functions_but_the_file_exports() -> None:
    from visionsim.runtime.ignition.api81 import FUNCTIONS

    public = {n for n in dir(DatasetFunctions) if not n.startswith("_")}
    not_simulated = {"exportCSV", "exportExcel", "exportHTML", "toExcel"}
    assert public == FUNCTIONS["system.dataset"] - not_simulated
