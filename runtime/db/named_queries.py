"""Named queries: ``ignition/named-query/<path>/<Name>/query.sql`` + ``resource.json``.

The Designer writes each named query as a folder holding the SQL text and a
``resource.json`` whose ``attributes`` give its ``type`` (``Query``,
``UpdateQuery`` or ``ScalarQuery``), ``database`` (``""``: the project's
default) and ``parameters``: ``Parameter`` values appear as ``:name`` in the
SQL and are coerced by ``sqlType`` (Ignition's own type index);
``QueryString`` values replace ``{name}`` as text
(reference/ignition-tags-db.md section 12). A child project's queries
override its parent's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from visionsim.runtime.db.sql import named_to_qmark
from visionsim.runtime.project_io import ProjectError

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

__all__ = ["NamedQuery", "NamedQueryParam", "load_named_queries"]

NAMED_QUERY_DIR = ("ignition", "named-query")
QUERY_TYPES = ("Query", "UpdateQuery", "ScalarQuery")
#: Ignition's DataType index (not java.sql.Types) -> the Python type.
_SQL_TYPES: dict[int, type] = {
    0: int,  # Int1
    1: int,  # Int2
    2: int,  # Int4
    3: int,  # Int8
    4: float,  # Float4
    5: float,  # Float8
    6: bool,  # Boolean
    7: str,  # String
    8: datetime,  # DateTime
}


@dataclass(frozen=True, slots=True)
class NamedQueryParam:
    """One declared parameter: ``Parameter`` (a value) or ``QueryString`` (text)."""

    identifier: str
    kind: str
    sql_type: int | None


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A named query as the gateway runs it."""

    path: str
    sql: str
    kind: str
    database: str
    params: tuple[NamedQueryParam, ...]
    folder: Path
    enabled: bool = True

    def bind(self, values: Mapping[str, object] | None) -> tuple[str, list[object]]:
        """The SQL with ``?`` placeholders and its arguments for ``values``.

        A declared parameter that is not given is NULL, as in Ignition.
        Raises ``ValueError`` for a value its ``sqlType`` cannot take.
        """
        given = dict(values or {})
        sql = self.sql
        declared: dict[str, NamedQueryParam] = {}
        for param in self.params:
            if param.kind == "QueryString":
                value = given.get(param.identifier)
                sql = sql.replace("{" + param.identifier + "}", _text(value))
            else:
                declared[param.identifier] = param
        text, names = named_to_qmark(sql)
        args = [_coerce(declared.get(n), n, given.get(n)) for n in names]
        return text, args


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _coerce(param: NamedQueryParam | None, name: str, value: object) -> object:
    if value is None or param is None or param.sql_type is None:
        return value
    kind = _SQL_TYPES.get(param.sql_type)
    if kind is None or isinstance(value, kind):
        return value
    if kind is datetime:
        return value  # java.util.Date: the datasource converts it
    try:
        if kind is bool:
            if isinstance(value, str):
                return value.strip().lower() in ("true", "1", "yes", "on")
            return bool(value)
        if kind is int and isinstance(value, float) and not value.is_integer():
            raise ValueError
        return kind(value)
    except (TypeError, ValueError):
        raise ValueError(
            f"parameter {name!r}: {value!r} is not a valid {kind.__name__}"
        ) from None


def load_named_queries(roots: list[Path]) -> dict[str, NamedQuery]:
    """Every named query under ``roots`` (parent projects first), by path.

    Raises :class:`ProjectError` naming a ``resource.json`` that is broken.
    """
    found: dict[str, NamedQuery] = {}
    for root in roots:
        base = root.joinpath(*NAMED_QUERY_DIR)
        if not base.is_dir():
            continue
        for resource in sorted(base.rglob("resource.json")):
            folder = resource.parent
            if not (folder / "query.sql").is_file():
                continue
            path = folder.relative_to(base).as_posix()
            found[path] = _load(resource, path)
    return found


def _load(resource: Path, path: str) -> NamedQuery:
    try:
        text = resource.read_bytes().decode("utf-8-sig")
        data = json.loads(text)
        sql = (resource.parent / "query.sql").read_bytes().decode("utf-8-sig")
    except json.JSONDecodeError as exc:
        raise ProjectError(resource, exc.msg, exc.lineno, exc.colno) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProjectError(resource, f"cannot read named query: {exc}") from None
    attrs = data.get("attributes") if isinstance(data, dict) else None
    if not isinstance(attrs, dict):
        raise ProjectError(resource, "a named query's resource.json needs attributes")
    kind = attrs.get("type", "Query")
    if kind not in QUERY_TYPES:
        raise ProjectError(
            resource, f"type must be one of {', '.join(QUERY_TYPES)}, not {kind!r}"
        )
    params = []
    for raw in attrs.get("parameters") or []:
        if not isinstance(raw, dict) or not isinstance(raw.get("identifier"), str):
            raise ProjectError(resource, f"bad parameter {raw!r} (no identifier)")
        sql_type = raw.get("sqlType")
        params.append(
            NamedQueryParam(
                raw["identifier"],
                str(raw.get("type", "Parameter")),
                sql_type if isinstance(sql_type, int) else None,
            )
        )
    return NamedQuery(
        path=path,
        sql=sql,
        kind=kind,
        database=str(attrs.get("database") or ""),
        params=tuple(params),
        folder=resource.parent,
        enabled=attrs.get("enabled", True) is not False,
    )
