"""The tag tree: folders, atomic tags, their values and their listeners.

A node keeps its tag JSON (``config``, unknown keys included, so
``getConfiguration`` gives back what was loaded) and its full path. An atomic
tag's current :class:`~visionsim.runtime.tags.quality.QualifiedValue` is
swapped whole on each change (one reference store, atomic under the GIL), so
readers on any thread never see half a value. Listeners are called on the
thread that changed the value and must only queue work. Each tag's ``_lock``
serialises its changes.
"""

from __future__ import annotations

import math
import threading
from typing import TYPE_CHECKING, Any

from visionsim.runtime.tags.quality import QualifiedValue, QualityCode

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    Listener = Callable[["AtomicTag", QualifiedValue, QualifiedValue], None]

__all__ = [
    "NOT_FAST",
    "AtomicTag",
    "Folder",
    "Node",
    "coerce_fast",
    "coerce_value",
    "default_value",
]

_INT_TYPES = {"Int1": 8, "Int2": 16, "Int4": 32, "Int8": 64, "Short": 16}
_FLOAT_TYPES = ("Float4", "Float8", "Double", "Float")
_BOOL_TEXT = {"true": True, "false": False, "1": True, "0": False}


class Node:
    """A folder, UDT instance or atomic tag at ``path`` in ``provider``."""

    __slots__ = ("config", "name", "parent", "path", "provider")
    tag_type = "Folder"

    def __init__(
        self, provider: str, name: str, parent: Folder | None, config: dict[str, Any]
    ) -> None:
        self.provider = provider
        self.name = name
        self.parent = parent
        self.config = config
        base = parent.path if parent is not None else ""
        self.path: str = f"{base}/{name}" if base else name

    @property
    def full_path(self) -> str:
        """``[provider]Folder/Tag``."""
        return f"[{self.provider}]{self.path}"

    @property
    def folder_path(self) -> str:
        """The full path of the folder holding this node."""
        base = self.parent.path if self.parent is not None else ""
        return f"[{self.provider}]{base}"


class Folder(Node):
    """A folder (also a provider's root, a UDT instance or a UDT type)."""

    __slots__ = ("children", "tag_type_name")

    def __init__(
        self,
        provider: str,
        name: str,
        parent: Folder | None,
        config: dict[str, Any],
        tag_type: str = "Folder",
    ) -> None:
        super().__init__(provider, name, parent, config)
        self.children: dict[str, Node] = {}  # by lower-case name, in order
        self.tag_type_name = tag_type

    @property
    def tag_type(self) -> str:  # type: ignore[override]
        """``Folder``, ``Provider``, ``UdtInstance`` or ``UdtType``."""
        return self.tag_type_name

    def add(self, node: Node) -> Node:
        """Add (or replace) a child."""
        self.children[node.name.lower()] = node
        return node

    def child(self, name: str) -> Node | None:
        """The child called ``name`` (any case)."""
        return self.children.get(name.lower())

    def find(self, key: tuple[str, ...]) -> Node | None:
        """The node at the lower-case path ``key`` under this folder."""
        node: Node | None = self
        for part in key:
            if not isinstance(node, Folder):
                return None
            node = node.children.get(part)
        return node

    def walk(self) -> Iterator[Node]:
        """Every node below this folder, depth first."""
        for child in self.children.values():
            yield child
            if isinstance(child, Folder):
                yield from child.walk()


class AtomicTag(Node):
    """A tag with a value: memory, reference, query, OPC (simulated) or other."""

    __slots__ = ("_lock", "data_type", "listeners", "qv", "read_only", "value_source")
    tag_type = "AtomicTag"

    def __init__(
        self, provider: str, name: str, parent: Folder | None, config: dict[str, Any]
    ) -> None:
        super().__init__(provider, name, parent, config)
        self.value_source = str(config.get("valueSource", "memory"))
        self.data_type = str(config.get("dataType", _guess_type(config.get("value"))))
        self.read_only = bool(config.get("readOnly", False))
        self.listeners: list[Listener] = []
        self._lock = threading.Lock()
        value = config.get("value", default_value(self.data_type))
        try:
            value = coerce_value(self.data_type, value)
        except (TypeError, ValueError):
            self.qv = QualifiedValue(value, QualityCode.Error_TypeConversion)
        else:
            self.qv = QualifiedValue(value)

    def set(self, qv: QualifiedValue) -> None:
        """Store ``qv`` and tell the listeners if value or quality changed.

        Two threads changing one tag are serialised, so listeners see the
        changes in the order they were stored. Listeners only queue work, or
        (a reference tag following this one) set another tag: reference
        cycles are refused when linked, so locks are always taken along the
        reference chain and never wait on each other.

        Thread: any (listeners run on the caller's thread).
        """
        with self._lock:
            old = self.qv
            self.qv = qv
            if (
                old.value == qv.value
                and type(old.value) is type(qv.value)
                and (old.quality is qv.quality or old.quality == qv.quality)
            ):
                return
            if self.listeners:  # most tags have none: no copy then
                for listener in list(self.listeners):
                    listener(self, old, qv)


def _guess_type(value: object) -> str:
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int):
        return "Int4"
    if isinstance(value, float):
        return "Float8"
    return "String"


def default_value(data_type: str) -> object:
    """The value of a tag of ``data_type`` that was given none."""
    if data_type in _INT_TYPES:
        return 0
    if data_type in _FLOAT_TYPES:
        return 0.0
    if data_type == "Boolean":
        return False
    if data_type == "String":
        return ""
    return None


def coerce_value(data_type: str, value: object) -> object:
    """``value`` converted to ``data_type`` as a tag write converts it.

    Raises ``ValueError`` or ``TypeError`` when it cannot be (a write then
    fails with ``Error_TypeConversion``).
    """
    if value is None:
        return None
    bits = _INT_TYPES.get(data_type)
    if bits is not None:
        number = _number(value)
        if isinstance(number, float):
            if not math.isfinite(number):
                raise ValueError(f"{value!r} is not a finite number")
            number = round(number)
        limit = 1 << (bits - 1)
        if not -limit <= number < limit:
            raise ValueError(f"{value!r} does not fit {data_type}")
        return int(number)
    if data_type in _FLOAT_TYPES:
        return float(_number(value))
    if data_type == "Boolean":
        if isinstance(value, str):
            text = value.strip().lower()
            if text not in _BOOL_TEXT:
                raise ValueError(f"{value!r} is not a boolean")
            return _BOOL_TEXT[text]
        return bool(value)
    if data_type == "String":
        return value if isinstance(value, str) else str(value)
    return value


#: What :func:`coerce_fast` returns when it leaves a value to :func:`coerce_value`.
NOT_FAST = object()
_INT_LIMITS = {name: 1 << (bits - 1) for name, bits in _INT_TYPES.items()}


def coerce_fast(data_type: str, value: object) -> object:
    """``value`` as ``data_type`` when that needs no conversion, else NOT_FAST.

    An ``int`` in range for an integer type, a ``float`` for a float type, a
    ``bool`` for ``Boolean`` and a ``str`` for ``String`` are kept as they are,
    exactly as :func:`coerce_value` keeps them.
    """
    kind = type(value)
    if kind is int:
        limit = _INT_LIMITS.get(data_type)
        if limit is not None and -limit <= value < limit:  # type: ignore[operator]
            return value
    elif kind is float:
        if data_type in _FLOAT_TYPES:
            return value
    elif (kind is str and data_type == "String") or (
        kind is bool and data_type == "Boolean"
    ):
        return value
    return NOT_FAST


def _number(value: object) -> int | float:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(text)
        except ValueError:
            return float(text)
    raise TypeError(f"{value!r} is not a number")
