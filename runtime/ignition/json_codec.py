"""``system.util.jsonEncode`` / ``jsonDecode`` as Ignition's JSON library does them.

Compact output has no spaces (``{"a":1,"b":[1,2]}``); with an
``indentFactor`` each level is indented by that many spaces and keys are
followed by ``": "``. Dates encode as their milliseconds, datasets as
``{"columns": [{"name", "type"}], "rows": [[...]]}`` (the shape of
Ignition's tag exports). Decoding gives dicts, lists, unicode strings,
ints, floats, booleans and None; text that is not JSON comes back as it is.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping

from visionsim.runtime.dataset import Dataset, PyRow
from visionsim.runtime.jython.java._names import name_as_java
from visionsim.runtime.jython.java.dates import Date
from visionsim.runtime.jython.java.errors import JavaException


class JSONException(JavaException):
    """``org.json.JSONException``: a value JSON cannot hold (NaN, infinity)."""

    java_name = "org.json.JSONException"


_JAVA_TYPES = {
    bool: "java.lang.Boolean",
    int: "java.lang.Integer",
    float: "java.lang.Double",
    str: "java.lang.String",
}


def to_json_value(value: object) -> object:
    """``value`` as plain JSON-ready Python data (dicts, lists, scalars)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise JSONException("JSON does not allow non-finite numbers.")
        return value
    if isinstance(value, Date):
        return value.getTime()
    if isinstance(value, Dataset):
        return _dataset(value)
    if isinstance(value, Mapping):
        return {str(k): to_json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset | PyRow):
        return [to_json_value(v) for v in value]
    return str(value)


def _dataset(ds: Dataset) -> dict[str, object]:
    columns = []
    for i, name in enumerate(ds.column_names):
        kind = ds.getColumnType(i)
        columns.append(
            {"name": name, "type": _JAVA_TYPES.get(kind, "java.lang.Object")}
        )
    rows = [[to_json_value(v) for v in row] for row in ds.rows]
    return {"columns": columns, "rows": rows}


def json_encode(value: object, indent_factor: int | None = None) -> str:
    """``value`` as JSON text, compact or indented by ``indent_factor`` spaces."""
    data = to_json_value(value)
    if indent_factor:
        return json.dumps(data, indent=int(indent_factor), ensure_ascii=False)
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def json_decode(text: str) -> object:
    """The data in ``text``; text that is not JSON is returned unchanged."""
    try:
        return json.loads(str(text))
    except ValueError:
        return text


name_as_java(JSONException)
