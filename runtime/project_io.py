"""Reading project files: :class:`ProjectError`, strict YAML, value checks.

Shared by the project loaders (``project.py``, ``windows.py``, ``library.py``).
A YAML document is parsed once into both its data and its node tree, so a
loader can point an error at the exact line and column of any key or value;
the checks here (keys, value types, script syntax) raise errors that do.

The YAML dialect is PyYAML's safe loader with three changes: a repeated
mapping key is an error; only ``true``/``false`` are booleans (YAML 1.2 — so
``text: No`` on a button stays the text "No", and ``visible: yes`` is reported
rather than guessed); and ``1e3`` is a float, as in YAML 1.2.
"""

from __future__ import annotations

import datetime
import os
import re
import reprlib
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from visionsim.runtime.jython.compiler import JYTHON, compile_script
from visionsim.runtime.vision_catalog import nearest

BINARY_RESOURCE = "binary Ignition resource, not readable by visionsim"
#: The largest project file read (YAML, JSON, a script): real ones are KBs.
MAX_FILE_BYTES = 16 * 1024 * 1024
#: How many values a YAML document may expand to through its aliases.
MAX_YAML_VALUES = 200_000
#: Java ints: what a Vision property of type int holds (and Qt takes).
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
_SHORT = reprlib.Repr()
_SHORT.maxstring = _SHORT.maxother = 60
_SHORT.maxlevel = 2
_SHORT.maxlist = _SHORT.maxdict = _SHORT.maxtuple = _SHORT.maxset = 4
_SHORT.maxlong = 40


def short(value: object) -> str:
    """``repr(value)`` cut short: what an error message quotes of a value.

    Bounded in time and length whatever the value is (a YAML alias bomb's
    full repr is gigabytes; a recursive one never ends).
    """
    return _SHORT.repr(value)


def read_text(path: Path, what: str = "file") -> str:
    """The UTF-8 text of a project file; a :class:`ProjectError` otherwise.

    Checked before reading: a FIFO or a device (``/dev/zero`` behind a
    symlink) would hang or never end, and a huge file is not a project file.
    """
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise ProjectError(path, f"not a regular file: cannot read this {what}")
        if info.st_size > MAX_FILE_BYTES:
            raise ProjectError(
                path,
                f"{info.st_size} bytes: larger than the {MAX_FILE_BYTES} bytes a "
                f"{what} may have",
            )
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ProjectError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise ProjectError(path, f"larger than {MAX_FILE_BYTES} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ProjectError(
            path, f"not UTF-8 text (byte {exc.start}), expected a {what}", line
        ) from None


_KIND_NAMES = {
    bool: "a bool",
    int: "an int",
    float: "a float",
    str: "a str",
    object: "a dataset {columns: [...], rows: [[...], ...]} or null",
    datetime.datetime: "a date and time (2024-05-06 07:08:00)",
}
_CELL_TYPES = (str, int, float, bool, datetime.date, type(None))


class ProjectError(Exception):
    """A project that cannot be loaded, with the file and line at fault."""

    def __init__(
        self,
        path: Path | str,
        message: str,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.column = column
        self.message = message
        where = str(path)
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


# LibYAML's parser when PyYAML has it (its wheels do): pure-Python parsing
# was two thirds of the app's start-up.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """PyYAML's safe loader; repeated keys are errors, YAML 1.2 bools/floats."""


def _construct_mapping(loader: StrictLoader, node: yaml.MappingNode) -> Any:
    seen: dict[object, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if isinstance(key, str) and key in seen:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping",
                node.start_mark,
                f"duplicate key {short(key)} (first at line {seen[key]})",
                key_node.start_mark,
            )
        if isinstance(key, str):
            seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node)


def _yaml12_scalars(cls: type[StrictLoader]) -> None:
    bool_tag, float_tag = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:float"
    cls.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in (bool_tag, float_tag)]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    cls.add_implicit_resolver(
        bool_tag, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    cls.add_implicit_resolver(
        float_tag,
        re.compile(
            r"""^(?:[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?
            |[-+]?[0-9]+[eE][-+]?[0-9]+
            |[-+]?\.(?:inf|Inf|INF)
            |\.(?:nan|NaN|NAN))$""",
            re.X,
        ),
        list("-+0123456789."),
    )


StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)
_yaml12_scalars(StrictLoader)


@dataclass(frozen=True, slots=True)
class YamlDoc:
    """A parsed YAML file: its data, its node tree (for marks) and its text.

    ``dialect`` is how its scripts compile; ``problems`` collects the syntax
    errors of its scripts (:func:`check_syntax`), which do not stop a load.
    """

    path: Path
    data: Any
    node: yaml.Node | None
    text: str
    dialect: str = JYTHON
    problems: list[ProjectError] = field(default_factory=list, compare=False)

    def error(
        self, node: yaml.Node | None, message: str, *, column: bool = True
    ) -> ProjectError:
        """A :class:`ProjectError` pointing at ``node`` (line, and column)."""
        if node is None:
            return ProjectError(self.path, message)
        mark = node.start_mark
        return ProjectError(
            self.path, message, mark.line + 1, mark.column + 1 if column else None
        )


def entry(node: yaml.Node | None, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The ``(key node, value node)`` of ``key`` in a mapping node, if there."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return key_node, value_node
    return None


def key_node(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The node of ``key`` itself in a mapping node (where ``key:`` starts)."""
    found = entry(node, key)
    return found[0] if found else node


def value_node(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The value node of ``key`` in a mapping node (falls back to ``node``)."""
    found = entry(node, key)
    return found[1] if found else node


def item_node(node: yaml.Node | None, index: int) -> yaml.Node | None:
    """Item ``index`` of a sequence node (falls back to ``node``)."""
    if isinstance(node, yaml.SequenceNode) and index < len(node.value):
        item: yaml.Node = node.value[index]
        return item
    return node


def binary_instead(path: Path) -> Path | None:
    """The ``data.bin``/``window.bin`` found where ``path`` (YAML) is missing."""
    if path.exists():
        return None
    for name in ("data.bin", "window.bin"):
        if (path.parent / name).exists():
            return path.parent / name
    return None


def load_yaml(path: Path) -> YamlDoc:
    """Parse a YAML resource once into data and nodes; raises ProjectError."""
    binary = binary_instead(path)
    if binary is not None:
        raise ProjectError(binary, f"{BINARY_RESOURCE} (expected {path.name})")
    text = read_text(path, "YAML file")
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None and "*" in text:  # no alias without a '*'
            _check_aliases(path, node)
        data = loader.construct_document(node) if node is not None else None
    except yaml.reader.ReaderError as exc:  # a NUL or control character
        at_line, at_column = _position(text, exc.position)
        raise ProjectError(
            path,
            f"YAML error: character {exc.character!r} is not allowed",
            at_line,
            at_column,
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        raise ProjectError(
            path, f"YAML error: {exc.problem or exc}", line, col
        ) from None
    except yaml.YAMLError as exc:
        raise ProjectError(path, f"YAML error: {exc}") from None
    finally:
        loader.dispose()
    return YamlDoc(path, data, node, text)


def _position(text: str, index: int) -> tuple[int, int]:
    """Line and column (1-based) of character ``index`` of ``text``."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _check_aliases(path: Path, root: yaml.Node) -> None:
    """Reject recursive aliases and documents that aliases blow up.

    Iterative (a deep document cannot exhaust the stack); each node is sized
    once, so the check costs the document's own size, not its expansion.
    """
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            on_path.discard(key)
            total = 1 + sum(sizes[id(child)] for child in _child_nodes(node))
            if total > MAX_YAML_VALUES:
                raise ProjectError(
                    path,
                    f"YAML aliases expand this to more than {MAX_YAML_VALUES} values",
                    node.start_mark.line + 1,
                )
            sizes[key] = total
        elif key in on_path:
            raise ProjectError(
                path,
                "a YAML alias refers to a value that contains it (recursive)",
                node.start_mark.line + 1,
            )
        elif key not in sizes:
            on_path.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in _child_nodes(node))


def _child_nodes(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def read_yaml(path: Path) -> Any:
    """Parse a YAML resource; a binary Ignition resource is a clear error."""
    return load_yaml(path).data


def coerce(
    doc: YamlDoc, node: yaml.Node | None, label: str, value: object, kind: type
) -> object:
    """``value`` as the catalog's ``kind`` (an int widens to float)."""
    if kind is object:
        return _dataset(doc, node, label, value)
    if kind is float and is_int(value):
        return float(value)  # type: ignore[arg-type]
    if kind is int and is_int(value):
        if not INT_MIN <= value <= INT_MAX:  # type: ignore[operator]
            raise doc.error(
                node, f"{label} must be a 32-bit int (Java's), not {short(value)}"
            )
        return value
    if kind in (bool, float, str) and type(value) is kind:
        return value
    if kind is datetime.datetime and isinstance(value, datetime.date):
        if isinstance(value, datetime.datetime):  # YAML gives dates as dates
            return value
        return datetime.datetime(value.year, value.month, value.day)
    raise bad_value(doc, node, label, value, kind)


def _dataset(
    doc: YamlDoc, node: yaml.Node | None, label: str, value: object
) -> dict[str, list[object]] | None:
    if value is None:
        return None
    if (
        not isinstance(value, dict)
        or not set(value) <= {"columns", "rows"}
        or not isinstance(value.get("columns"), list)
        or not all(isinstance(c, str) for c in value["columns"])
    ):
        raise bad_value(doc, node, label, value, object)
    columns: list[object] = list(value["columns"])
    rows = value.get("rows") or []
    if not isinstance(rows, list):
        raise doc.error(value_node(node, "rows"), f"{label}: rows must be a list")
    rows_node = value_node(node, "rows")
    for index, row in enumerate(rows):
        if (
            not isinstance(row, list)
            or len(row) != len(columns)
            or not all(isinstance(cell, _CELL_TYPES) for cell in row)
        ):
            raise doc.error(
                item_node(rows_node, index),
                f"{label}: row {index} must be a list of {len(columns)} plain "
                f"values (one per column), not {short(row)}",
            )
    return {"columns": columns, "rows": [list(row) for row in rows]}


def check_syntax(
    doc: YamlDoc,
    node: yaml.Node | None,
    label: str,
    script: str,
    dialect: str = JYTHON,
) -> ProjectError | None:
    """Compile ``script`` (YAML value ``node``) as ``dialect``; its error, if any.

    The error is returned, not raised: one script's syntax error never stops
    the project from loading (the script fails when it runs). It points at
    the script's line in the YAML file, and its column when the script's
    text can be found there.
    """
    try:
        compile_script(script, label, dialect, register=False)
    except (SyntaxError, ValueError) as exc:
        lineno = getattr(exc, "lineno", None) or 1
        offset = getattr(exc, "offset", None)
        msg = getattr(exc, "msg", str(exc))
        line, column = _script_position(doc, node, script, lineno, offset)
        return ProjectError(
            doc.path,
            f"syntax error in {label}: {msg} (script line {lineno})",
            line,
            column,
        )
    return None


def _script_position(
    doc: YamlDoc, node: yaml.Node | None, script: str, lineno: int, offset: int | None
) -> tuple[int | None, int | None]:
    """Where script line ``lineno`` (column ``offset``) is in the YAML file."""
    if node is None:
        return None, None
    mark = node.start_mark
    script_lines = script.splitlines() or [""]
    lineno = min(lineno, len(script_lines))
    style = getattr(node, "style", None)
    if style in ("|", ">"):  # the text starts on the line after the key
        line = mark.line + 1 + lineno
        raw = doc.text.splitlines()[line - 1 :][:1]
        source = script_lines[lineno - 1]
        if not raw or not offset or not raw[0].endswith(source):
            return line, None
        return line, len(raw[0]) - len(source) + offset
    quote = 1 if style in ("'", '"') else 0
    column = mark.column + quote + offset if offset and lineno == 1 else None
    return mark.line + lineno, column


def check_keys(
    doc: YamlDoc,
    data: dict[object, object],
    node: yaml.Node | None,
    allowed: tuple[str, ...],
    what: str,
) -> None:
    """Raise for the first key of ``data`` not ``allowed``, naming the nearest."""
    for key in data:
        if key not in allowed:
            hint = nearest(str(key), allowed) or f" (expected {', '.join(allowed)})"
            raise doc.error(
                key_node(node, str(key)), f"unknown key {short(key)} in {what}{hint}"
            )


def bad_value(
    doc: YamlDoc,
    node: yaml.Node | None,
    label: str,
    value: object,
    kind: type,
) -> ProjectError:
    """``<label> must be a <kind>, not <value>``, at ``node``."""
    hint = ""
    if kind is str and isinstance(value, int | float):
        hint = " (quote it to make it text)"
    return doc.error(
        node, f"{label} must be {_KIND_NAMES[kind]}, not {short(value)}{hint}"
    )


def is_int(value: object) -> bool:
    """Whether ``value`` is an int and not a bool."""
    return isinstance(value, int) and not isinstance(value, bool)
