"""Reading and writing one node: properties, conversion, read-only rules.

Every read and write of a tag ends here, whichever thread and scope it comes
from (reference/ignition-tags-db.md sections 2 and 7): a missing node is
``Bad_NotFound``, ``[System]`` and ``readOnly`` tags refuse writes
(``Bad_ReadOnly``), a value that does not convert is ``Error_TypeConversion``,
and a reference tag writes through to its source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from visionsim.runtime.tags.model import AtomicTag, coerce_value
from visionsim.runtime.tags.quality import QualifiedValue, QualityCode

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime.tags.model import Node
    from visionsim.runtime.tags.simulator import SimulatedSignal

__all__ = [
    "CLIENT_PROVIDER",
    "SYSTEM_PROVIDER",
    "UNSUPPORTED_SOURCES",
    "read_node",
    "write_node",
]

CLIENT_PROVIDER = "client"
SYSTEM_PROVIDER = "System"
#: Value sources visionsim does not run (their tags read Bad_Unsupported).
UNSUPPORTED_SOURCES = ("expr", "derived")


def read_node(node: Node | None, prop: str = "Value") -> QualifiedValue:
    """The value or property ``prop`` of ``node`` (Bad_NotFound when None)."""
    if node is None:
        return QualifiedValue(None, QualityCode.Bad_NotFound)
    key = prop.lower()
    if isinstance(node, AtomicTag):
        qv = node.qv
        if key == "value":
            return qv
        if key == "quality":
            return QualifiedValue(qv.quality, QualityCode.Good, qv.millis)
        if key == "timestamp":
            return QualifiedValue(qv.timestamp, QualityCode.Good, qv.millis)
        if key == "datatype":
            return QualifiedValue(node.data_type)
    if key == "name":
        return QualifiedValue(node.name)
    if key == "tagtype":
        return QualifiedValue(node.tag_type)
    if key == "value":  # a folder has no value
        return QualifiedValue(None, QualityCode.Bad_NotFound)
    for name, value in node.config.items():
        if name.lower() == key and not name.startswith("_"):
            return QualifiedValue(value)
    return QualifiedValue(None, QualityCode.Bad_NotFound)


def write_node(
    node: Node | None,
    value: object,
    prop: str,
    signal_of: Callable[[AtomicTag], SimulatedSignal | None],
) -> QualityCode:
    """Apply one write; the quality code says how it went. Thread: any."""
    if node is None:
        return QualityCode.Bad_NotFound
    if not isinstance(node, AtomicTag):
        return QualityCode.Bad_Unsupported.derive("folders have no value to write")
    if node.read_only or node.provider == SYSTEM_PROVIDER:
        return QualityCode.Bad_ReadOnly
    if prop.lower() != "value":
        name = next((k for k in node.config if k.lower() == prop.lower()), prop)
        node.config[name] = value
        return QualityCode.Good
    source = node.value_source
    if source == "reference":
        target = node.config.get("_source")
        if not isinstance(target, AtomicTag):
            return QualityCode.Bad_ReferenceNotFound
        return write_node(target, value, "Value", signal_of)
    if source in UNSUPPORTED_SOURCES:
        return QualityCode.Bad_ReadOnly
    signal = signal_of(node)
    if signal is not None and signal.is_read_only:
        return QualityCode.Bad_ReadOnly
    try:
        coerced = coerce_value(node.data_type, value)
    except (TypeError, ValueError) as exc:
        return QualityCode.Error_TypeConversion.derive(str(exc))
    node.set(QualifiedValue(coerced))
    return QualityCode.Good
