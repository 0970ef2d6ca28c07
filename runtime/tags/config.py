"""Browsing and editing the tag tree: ``browse``, ``getConfiguration``, ``configure``.

Shapes follow reference/ignition-tags-db.md section 4: browse results are
dicts with ``fullPath``, ``name``, ``tagType``, ``hasChildren``, ``dataType``,
``valueSource`` and ``value``; configurations use the tag JSON's own property
names (children under ``"tags"``); ``configure`` takes the parent folder and a
collision policy (``a`` abort, ``o`` overwrite, ``i`` ignore, ``m`` merge).
"""

from __future__ import annotations

import fnmatch
from typing import TYPE_CHECKING, Any

from visionsim.runtime.tags.loader import build_nodes
from visionsim.runtime.tags.model import AtomicTag, Folder, Node
from visionsim.runtime.tags.paths import TagPath
from visionsim.runtime.tags.quality import QualifiedValue, QualityCode

if TYPE_CHECKING:
    from visionsim.runtime.tags.access import TagAccess

__all__ = ["POLICIES", "browse", "configure", "get_configuration"]

POLICIES = ("a", "o", "i", "m")


class TagCollisionError(ValueError):
    """``configure`` with policy ``a`` met a tag that already exists."""


def browse(
    node: Node | None, filter: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The children of ``node`` that pass ``filter`` (``recursive`` walks down)."""
    if not isinstance(node, Folder):
        return []
    spec = {str(k).lower(): v for k, v in (filter or {}).items()}
    nodes = node.walk() if spec.get("recursive") else iter(node.children.values())
    return [_browse_row(n) for n in nodes if _passes(n, spec)]


def _passes(node: Node, spec: dict[str, Any]) -> bool:
    checks = {
        "name": node.name,
        "tagtype": node.tag_type,
        "datatype": getattr(node, "data_type", None),
        "valuesource": getattr(node, "value_source", None),
    }
    for key, actual in checks.items():
        wanted = spec.get(key)
        if wanted is None:
            continue
        if actual is None or not fnmatch.fnmatchcase(
            str(actual).lower(), str(wanted).lower()
        ):
            return False
    return True


def _browse_row(node: Node) -> dict[str, Any]:
    row: dict[str, Any] = {
        "fullPath": TagPath(node.full_path),
        "name": node.name,
        "tagType": node.tag_type,
        "hasChildren": isinstance(node, Folder) and bool(node.children),
    }
    if isinstance(node, AtomicTag):
        row["dataType"] = node.data_type
        row["valueSource"] = node.value_source
        row["value"] = node.qv
    return row


def get_configuration(node: Node, recursive: bool = False) -> dict[str, Any]:
    """``node``'s configuration: its JSON properties, children if ``recursive``."""
    config = {k: v for k, v in node.config.items() if not k.startswith("_")}
    config["name"] = node.name
    config["path"] = TagPath(node.full_path)
    config["tagType"] = node.tag_type
    if isinstance(node, AtomicTag):
        config.setdefault("valueSource", node.value_source)
        config.setdefault("dataType", node.data_type)
        if node.value_source in ("memory", "opc", "db"):
            config["value"] = node.qv.value
    if isinstance(node, Folder) and node.tag_type != "UdtType":
        config.pop("tags", None)
        if recursive:
            config["tags"] = [
                get_configuration(c, True) for c in node.children.values()
            ]
    return config


def configure(
    access: TagAccess, base_path: str, tags: object, policy: str = "o"
) -> list[QualityCode]:
    """Create or change ``tags`` (dicts) in the folder ``base_path``.

    Missing folders on the way are created. Raises :class:`TagCollisionError`
    for an existing tag under policy ``a``, ``ValueError`` for a bad policy
    or tag list.
    """
    if policy not in POLICIES:
        raise ValueError(f"collisionPolicy must be one of {', '.join(POLICIES)}")
    items = [tags] if isinstance(tags, dict) else tags
    if not isinstance(items, list | tuple):
        raise ValueError("configure(): tags must be a dict or a list of dicts")
    parent = _folder(access, base_path)
    out = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            out.append(QualityCode.Error_Configuration.derive("a tag needs a name"))
            continue
        out.append(_configure_one(access, parent, dict(item), policy))
    return out


def _folder(access: TagAccess, base_path: str) -> Folder:
    parsed = access.parse(base_path)
    assert parsed.provider is not None
    roots = {name.lower(): root for name, root in access.providers().items()}
    node: Node | None = roots.get(parsed.provider.lower())
    if node is None:
        raise ValueError(f"configure(): no tag provider {parsed.provider!r}")
    for part in parsed.parts:
        assert isinstance(node, Folder)
        child = node.child(part)
        if child is None:
            child = node.add(Folder(node.provider, part, node, {"name": part}))
            access.engine.generation += 1  # cached lookups of this path are stale
        if not isinstance(child, Folder):
            raise ValueError(f"configure(): {child.full_path} is not a folder")
        node = child
    assert isinstance(node, Folder)
    return node


def _configure_one(
    access: TagAccess, parent: Folder, item: dict[str, Any], policy: str
) -> QualityCode:
    old = parent.child(item["name"])
    if old is not None and policy == "a":
        raise TagCollisionError(f"configure(): {old.full_path} already exists")
    if old is not None and policy == "i":
        return QualityCode.Good
    if isinstance(old, AtomicTag) and item.get("tagType", "AtomicTag") == "AtomicTag":
        config = {**old.config, **item} if policy == "m" else item
        _reconfigure(old, config)
        return QualityCode.Good
    try:
        nodes = build_nodes(parent, [item])
    except ValueError as exc:
        return QualityCode.Error_Configuration.derive(str(exc))
    walked: list[Node] = []
    for node in nodes:
        walked.append(node)
        if isinstance(node, Folder):
            walked.extend(node.walk())
    access.engine.activate(walked, access.find)
    return QualityCode.Good


def _reconfigure(tag: AtomicTag, config: dict[str, Any]) -> None:
    """Change an atomic tag in place: bindings and scripts keep listening."""
    fresh = AtomicTag(tag.provider, tag.name, tag.parent, config)
    tag.config = fresh.config
    tag.value_source = fresh.value_source
    tag.data_type = fresh.data_type
    tag.read_only = fresh.read_only
    if "value" in config:
        tag.set(QualifiedValue(fresh.qv.value, fresh.qv.quality))
