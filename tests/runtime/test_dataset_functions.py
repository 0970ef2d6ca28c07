"""The rest of system.dataset (8.1): rows, columns, sort, CSV, HTML, dates."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from visionsim.runtime.dataset_types import DOUBLE, INTEGER, LONG, STRING
from visionsim.runtime.ignition.dataset import DatasetFunctions
from visionsim.runtime.ignition.dataset_text import CSVFormatError
from visionsim.runtime.jython.java.dates import Date, set_default_zone

if TYPE_CHECKING:
    from collections.abc import Iterator

    from visionsim.runtime.dataset import Dataset

fns = DatasetFunctions()


@pytest.fixture(autouse=True)
def utc() -> Iterator[None]:
    set_default_zone("UTC")
    yield
    set_default_zone(None)


@pytest.fixture
def ds() -> Dataset:
    return fns.toDataSet(
        ["id", "name", "qty"], [[1, "a10", 2.5], [2, "a2", None], [3, "B1", 1.0]]
    )


def test_delete_rows_and_clear(ds: Dataset) -> None:
    assert fns.deleteRows(ds, [0, 2, 0]).getColumnAsList("id") == [2]
    with pytest.raises(IndexError):
        fns.deleteRows(ds, [3])
    cleared = fns.clearDataset(ds)
    assert (cleared.rowCount, cleared.columnNames) == (0, ["id", "name", "qty"])
    assert cleared.column_types == ds.column_types


def test_add_rows_appends_or_inserts(ds: Dataset) -> None:
    assert fns.addRows(ds, [[4, "x", 1], [5, "y", 2]]).getColumnAsList("id") == [
        1,
        2,
        3,
        4,
        5,
    ]
    inserted = fns.addRows(ds, 0, [[0, "z", "7"]])
    assert inserted.getColumnAsList("id") == [0, 1, 2, 3]
    assert inserted.getValueAt(0, "qty") == 7.0
    with pytest.raises(IndexError):
        fns.addRows(ds, 9, [[0, "z", 1.0]])
    with pytest.raises(ValueError, match="has 2 values"):
        fns.addRows(ds, [[1, 2]])


def test_add_column_with_and_without_index_and_type(ds: Dataset) -> None:
    added = fns.addColumn(ds, ["7", "8", "9"], "code", int)
    assert added.columnNames == ["id", "name", "qty", "code"]
    assert added.getColumnAsList("code") == [7, 8, 9]
    first = fns.addColumn(ds, 0, [1.5, 2, 3], "w", None)
    assert first.columnNames[0] == "w"
    assert first.column_types[0] is DOUBLE
    assert first.getColumnAsList("w") == [1.5, 2.0, 3.0]
    with pytest.raises(ValueError, match="2 values for 3 rows"):
        fns.addColumn(ds, [1, 2], "short", int)
    with pytest.raises(IndexError):
        fns.addColumn(ds, 5, [1, 2, 3], "far", int)


def test_append_dataset_needs_matching_columns(ds: Dataset) -> None:
    both = fns.appendDataset(ds, ds)
    assert both.rowCount == 6
    assert both.column_types == ds.column_types
    with pytest.raises(ValueError, match="3 columns and 1 columns"):
        fns.appendDataset(ds, fns.toDataSet(["id"], [[1]]))
    other = fns.toDataSet(["id", "name", "qty"], [["x", "y", 1.0]])
    with pytest.raises(ValueError, match=r"column 0 is java\.lang\.Integer"):
        fns.appendDataset(ds, other)


def test_filter_columns_keeps_the_given_order(ds: Dataset) -> None:
    filtered = fns.filterColumns(ds, ["qty", 0])
    assert filtered.columnNames == ["qty", "id"]
    assert filtered.rows[0] == (2.5, 1)
    with pytest.raises(ValueError, match="no column named 'nope'"):
        fns.filterColumns(ds, ["nope"])


def test_update_row(ds: Dataset) -> None:
    updated = fns.updateRow(ds, 1, {"name": "bee", "qty": "4"})
    assert updated.rows[1] == (2, "bee", 4.0)
    assert ds.rows[1] == (2, "a2", None)
    with pytest.raises(ValueError, match="no column named 'nope'"):
        fns.updateRow(ds, 0, {"nope": 1})


def test_sort_natural_plain_descending_and_nones(ds: Dataset) -> None:
    assert fns.sort(ds, "name").getColumnAsList("name") == ["B1", "a2", "a10"]
    assert fns.sort(ds, "name", True, False).getColumnAsList("name") == [
        "B1",
        "a10",
        "a2",
    ]
    assert fns.sort(ds, 2).getColumnAsList("qty") == [None, 1.0, 2.5]
    assert fns.sort(ds, "qty", False).getColumnAsList("qty") == [2.5, 1.0, None]
    assert fns.sort(ds, "id", ascending=False).getColumnAsList("id") == [3, 2, 1]


def test_to_csv_quotes_everything(ds: Dataset) -> None:
    assert fns.toCSV(ds) == (
        '"id","name","qty"\n"1","a10","2.5"\n"2","a2",""\n"3","B1","1.0"\n'
    )
    assert fns.toCSV(ds, showHeaders=False).startswith('"1","a10"')
    dated = fns.toDataSet(["t", "big"], [[Date(0), 1e10]])
    assert fns.toCSV(dated) == '"t","big"\n"Thu Jan 01 00:00:00 UTC 1970","1.0E10"\n'


def test_csv_export_round_trips_names_types_and_values(ds: Dataset) -> None:
    text = fns.toCSV(ds, forExport=True)
    assert text.splitlines()[:5] == [
        '"#NAMES"',
        '"id","name","qty"',
        '"#TYPES"',
        '"I","str","D"',
        '"#ROWS","3"',
    ]
    back = fns.fromCSV(text)
    assert back.columnNames == ds.columnNames
    assert back.column_types == (INTEGER, STRING, DOUBLE)
    assert back.rows == ds.rows
    dated = fns.toDataSet(["t"], [[Date(1234)]])
    assert fns.fromCSV(fns.toCSV(dated, forExport=True)).getValueAt(0, 0) == Date(1234)


def test_from_csv_reads_the_manuals_unquoted_example() -> None:
    text = (
        "#NAMES\nCol 1,Col 2,Col 3\n#TYPES\nL,str,D\n#ROWS,2\n"
        "44,Row 2,1.87\n8,Row 3,9\n"
    )
    ds = fns.fromCSV(text)
    assert ds.column_types == (LONG, STRING, DOUBLE)
    assert ds.rows == ((44, "Row 2", 1.87), (8, "Row 3", 9.0))


def test_from_csv_errors_say_what_is_wrong() -> None:
    with pytest.raises(CSVFormatError, match="must start with #NAMES"):
        fns.fromCSV("a,b\n1,2\n")
    with pytest.raises(CSVFormatError, match="#ROWS says 2 but 1 follow"):
        fns.fromCSV("#NAMES\na\n#TYPES\nI\n#ROWS,2\n1\n")
    with pytest.raises(CSVFormatError, match="unknown column type 'X'"):
        fns.fromCSV("#NAMES\na\n#TYPES\nX\n#ROWS,0\n")
    with pytest.raises(TypeError, match="row 0, column 0"):
        fns.fromCSV("#NAMES\na\n#TYPES\nI\n#ROWS,1\nabc\n")


def test_data_set_to_html_escapes(ds: Dataset) -> None:
    page = fns.dataSetToHTML(True, fns.setValue(ds, 0, "name", "<b>&"), "T & T")
    assert "<title>T &amp; T</title>" in page
    assert "<th>id</th><th>name</th><th>qty</th>" in page
    assert "<td>&lt;b&gt;&amp;</td>" in page
    assert "<th>" not in fns.dataSetToHTML(False, ds, "x")


def test_format_dates_turns_date_columns_into_strings() -> None:
    ds = fns.toDataSet(["t", "n"], [[Date(0), 1], [None, 2]])
    formatted = fns.formatDates(ds, "yyyy/MM/dd HH:mm")
    assert formatted.getColumnAsList("t") == ["1970/01/01 00:00", None]
    assert formatted.column_types[0] is STRING
    assert formatted.getColumnAsList("n") == [1, 2]
