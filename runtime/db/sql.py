"""SQL text handling: ``?`` placeholders, named-query parameters, seed splitting.

Scripts write ``?`` for each value (JDBC's style); each driver wants its own
paramstyle, so the text is rewritten once per (query, style) and cached.
Named queries write ``:name`` for values and ``{name}`` for text inserted
verbatim (QueryString parameters). Every scan skips string literals, quoted
identifiers, comments and PostgreSQL dollar-quoted bodies, so a ``?`` or a
``:`` inside them is left alone.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

__all__ = [
    "Statement",
    "named_to_qmark",
    "placeholders",
    "split_statements",
    "to_paramstyle",
]

_DOLLAR = re.compile(r"\$([A-Za-z_][A-Za-z_0-9]*)?\$")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")


def _skip(sql: str, i: int) -> int:
    """The index after the quoted part or comment starting at ``i``, else ``i``."""
    c = sql[i]
    if c in "'\"`":
        end = i + 1
        while True:
            end = sql.find(c, end)
            if end < 0:
                return len(sql)
            if end + 1 < len(sql) and sql[end + 1] == c:  # '' escapes a quote
                end += 2
                continue
            return end + 1
    if sql.startswith("--", i):
        end = sql.find("\n", i)
        return len(sql) if end < 0 else end
    if sql.startswith("/*", i):
        end = sql.find("*/", i + 2)
        return len(sql) if end < 0 else end + 2
    if c == "$":
        m = _DOLLAR.match(sql, i)
        if m:
            end = sql.find(m.group(0), m.end())
            return len(sql) if end < 0 else end + len(m.group(0))
    return i


def _code_parts(sql: str) -> list[tuple[bool, str]]:
    """``sql`` cut into (is_code, text) pieces: code vs quoted text/comments."""
    parts: list[tuple[bool, str]] = []
    start = i = 0
    n = len(sql)
    while i < n:
        if sql[i] in "'\"`-/$":
            end = _skip(sql, i)
            if end != i:
                if start < i:
                    parts.append((True, sql[start:i]))
                parts.append((False, sql[i:end]))
                start = i = end
                continue
        i += 1
    if start < n:
        parts.append((True, sql[start:]))
    return parts


@functools.lru_cache(maxsize=512)
def placeholders(sql: str) -> int:
    """How many ``?`` placeholders ``sql`` has (outside quotes and comments)."""
    return sum(text.count("?") for code, text in _code_parts(sql) if code)


@functools.lru_cache(maxsize=512)
def to_paramstyle(sql: str, paramstyle: str) -> str:
    """``sql`` with each ``?`` rewritten for a DB-API ``paramstyle``.

    ``format``/``pyformat`` drivers (psycopg) also need every literal ``%``
    doubled, inside quotes too, since they scan the whole text.
    """
    if paramstyle == "qmark":
        return sql
    out: list[str] = []
    number = 0
    for code, text in _code_parts(sql):
        if paramstyle in ("format", "pyformat"):
            text = text.replace("%", "%%")
        if code:
            pieces = text.split("?")
            text = pieces[0]
            for piece in pieces[1:]:
                number += 1
                text += _marker(paramstyle, number) + piece
        out.append(text)
    return "".join(out)


def _marker(paramstyle: str, number: int) -> str:
    if paramstyle in ("format", "pyformat"):
        return "%s"
    if paramstyle == "numeric":
        return f":{number}"
    if paramstyle == "named":
        return f":p{number}"
    raise ValueError(f"unsupported DB-API paramstyle {paramstyle!r}")


@functools.lru_cache(maxsize=512)
def named_to_qmark(sql: str) -> tuple[str, tuple[str, ...]]:
    """A named query's ``:name`` parameters as ``?``, and the names in order.

    ``::`` (a PostgreSQL cast) is not a parameter.
    """
    out: list[str] = []
    names: list[str] = []
    for code, text in _code_parts(sql):
        if not code:
            out.append(text)
            continue
        i = 0
        while i < len(text):
            c = text[i]
            if c == ":" and text.startswith("::", i):
                out.append("::")
                i += 2
                continue
            m = _IDENT.match(text, i + 1) if c == ":" else None
            if m:
                names.append(m.group(0))
                out.append("?")
                i = m.end()
                continue
            out.append(c)
            i += 1
    return "".join(out), tuple(names)


@dataclass(frozen=True, slots=True)
class Statement:
    """One statement of a SQL script and the line it starts on (1-based)."""

    sql: str
    line: int


def split_statements(script: str) -> list[Statement]:
    """The ``;``-separated statements of ``script``, each with its first line.

    A statement's line is where its first word of SQL is (not a comment
    before it); pieces that are only comments are dropped.
    """
    statements: list[Statement] = []
    current: list[str] = []
    first: int | None = None  # offset of the statement's first SQL character
    offset = 0
    for code, text in _code_parts(script):
        pieces = text.split(";") if code else [text]
        for k, piece in enumerate(pieces):
            if k:  # a ';' ended the statement before this piece
                if first is not None:
                    line = script.count("\n", 0, first) + 1
                    statements.append(Statement("".join(current).strip(), line))
                current, first = [], None
                offset += 1
            if code and first is None and piece.strip():
                first = offset + len(piece) - len(piece.lstrip())
            current.append(piece)
            offset += len(piece)
    if first is not None:
        line = script.count("\n", 0, first) + 1
        statements.append(Statement("".join(current).strip(), line))
    return statements
