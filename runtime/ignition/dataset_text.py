"""Datasets as text: ``toCSV``/``fromCSV``, ``dataSetToHTML`` and ``formatDates``.

CSV follows Ignition: every value quoted (``"a","b"``), a newline after
each line, and with ``forExport`` the ``#NAMES`` / ``#TYPES`` / ``#ROWS``
header ``fromCSV`` reads back (type aliases ``I``, ``L``, ``D``, ``str``,
``date``... as in the manual). Doubles print as Java prints them (``1.0``,
``1.0E10``); dates as ``Date.toString()``, or ``yyyy-MM-dd HH:mm:ss.SSS``
when exported, so ``fromCSV`` gets them back to the millisecond.
"""

from __future__ import annotations

import csv
import io
import math
from decimal import Decimal

from visionsim.runtime.dataset import Dataset, build
from visionsim.runtime.dataset_types import (
    BY_ALIAS,
    DATE,
    STRING,
    ColumnType,
    coerce_cell,
)
from visionsim.runtime.jython.java.dates import (
    Date,
    ParseException,
    SimpleDateFormat,
)

EXPORT_DATE = "yyyy-MM-dd HH:mm:ss.SSS"
_DATE_FORMATS = (EXPORT_DATE, "yyyy-MM-dd HH:mm:ss", "EEE MMM dd HH:mm:ss zzz yyyy")


class CSVFormatError(ValueError):
    """CSV text that is not in the format ``fromCSV`` reads."""


def java_double(value: float) -> str:
    """``Double.toString``: ``1.0``, ``0.001``, ``1.0E7``, ``1.5E-4``, ``NaN``."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0 or 1e-3 <= abs(value) < 1e7:
        text = repr(value)
        return text if "." in text or "e" in text else text + ".0"
    sign, digits, exponent = Decimal(repr(value)).normalize().as_tuple()
    assert isinstance(exponent, int)
    numerals = "".join(map(str, digits))
    power = exponent + len(numerals) - 1
    mantissa = numerals[0] + "." + (numerals[1:] or "0")
    return f"{'-' if sign else ''}{mantissa}E{power}"


def cell_text(value: object, *, export: bool = False) -> str:
    """One value as Ignition writes it into CSV."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return java_double(value)
    if isinstance(value, Date):
        return SimpleDateFormat(EXPORT_DATE).format(value) if export else str(value)
    return str(value)


def to_csv(ds: Dataset, show_headers: bool = True, for_export: bool = False) -> str:
    """The dataset as CSV text (see the module docstring)."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    if for_export:
        writer.writerow(["#NAMES"])
        writer.writerow(ds.column_names)
        writer.writerow(["#TYPES"])
        writer.writerow([t.alias for t in ds.column_types])
        writer.writerow(["#ROWS", str(len(ds.rows))])
    elif show_headers:
        writer.writerow(ds.column_names)
    for row in ds.rows:
        writer.writerow([cell_text(v, export=for_export) for v in row])
    return out.getvalue()


def from_csv(text: str) -> Dataset:
    """The dataset in CSV text written by ``toCSV(..., forExport=True)``."""
    lines = list(csv.reader(io.StringIO(str(text))))
    while lines and not any(lines[-1]):
        lines.pop()
    if len(lines) < 5 or lines[0][:1] != ["#NAMES"] or lines[2][:1] != ["#TYPES"]:
        raise CSVFormatError(
            "fromCSV(): the text must start with #NAMES, the column names, "
            "#TYPES, the column types and #ROWS,<count>"
        )
    names, aliases = lines[1], lines[3]
    if len(aliases) != len(names):
        raise CSVFormatError(
            f"fromCSV(): {len(names)} column names but {len(aliases)} types"
        )
    types = [_alias(a) for a in aliases]
    count = _row_count(lines[4])
    data = lines[5:]
    if len(data) != count:
        raise CSVFormatError(f"fromCSV(): #ROWS says {count} but {len(data)} follow")
    rows = [_parse_row(i, row, types) for i, row in enumerate(data)]
    return build(names, rows, types)


def _alias(alias: str) -> ColumnType:
    kind = BY_ALIAS.get(alias.strip())
    if kind is None:
        raise CSVFormatError(f"fromCSV(): unknown column type {alias!r}")
    return kind


def _row_count(line: list[str]) -> int:
    if line[:1] == ["#ROWS"] and len(line) >= 2 and line[1].strip().isdigit():
        return int(line[1])
    raise CSVFormatError(f"fromCSV(): expected #ROWS,<count>, not {','.join(line)}")


def _parse_row(r: int, row: list[str], types: list[ColumnType]) -> tuple[object, ...]:
    if len(row) != len(types):
        raise CSVFormatError(
            f"fromCSV(): row {r} has {len(row)} values for {len(types)} columns"
        )
    return tuple(
        _parse_cell(r, c, text, t)
        for c, (text, t) in enumerate(zip(row, types, strict=True))
    )


def _parse_cell(r: int, c: int, text: str, kind: ColumnType) -> object:
    if kind is STRING:
        return text
    if text == "" or text == "null":
        return None
    if kind is DATE:
        return _parse_date(text, r, c)
    return coerce_cell(kind, text, r, c)


def _parse_date(text: str, r: int, c: int) -> Date:
    for pattern in _DATE_FORMATS:
        try:
            return SimpleDateFormat(pattern).parse(text)
        except ParseException:
            continue
    if text.lstrip("-").isdigit():
        return Date(int(text))
    raise CSVFormatError(f"fromCSV(): row {r}, column {c}: {text!r} is not a date")


def to_html(show_headers: bool, ds: Dataset, title: str) -> str:
    """An HTML page with the dataset as a ``<table>``."""
    import html  # here: only dataSetToHTML needs it (2 ms of every start)

    esc = html.escape
    parts = [f"<html><head><title>{esc(str(title))}</title></head><body>"]
    parts.append("<table border='1'>")
    if show_headers:
        parts.append("<tr>" + "".join(f"<th>{esc(n)}</th>" for n in ds.column_names))
        parts.append("</tr>")
    for row in ds.rows:
        cells = "".join(f"<td>{esc(cell_text(v))}</td>" for v in row)
        parts.append(f"<tr>{cells}</tr>")
    parts.append("</table></body></html>")
    return "\n".join(parts)


def format_dates(ds: Dataset, pattern: str) -> Dataset:
    """Date columns turned into String columns of ``pattern``-formatted text."""
    formatter = SimpleDateFormat(str(pattern))
    dated = [i for i, t in enumerate(ds.column_types) if t is DATE]
    if not dated:
        return build(ds.column_names, ds.rows, ds.column_types)
    types = [STRING if i in dated else t for i, t in enumerate(ds.column_types)]
    rows = [
        tuple(
            formatter.format(v) if i in dated and isinstance(v, Date) else v
            for i, v in enumerate(row)
        )
        for row in ds.rows
    ]
    return build(ds.column_names, rows, types)
