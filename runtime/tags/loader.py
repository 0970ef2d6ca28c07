"""Reading Ignition's tag export JSON into a provider's tag tree.

Accepts the three body shapes seen in exports (reference/ignition-tags-db.md
section 10): a ``Provider`` root, a bare list of tags, and ``{"tags": [...]}``.
UDT definitions under ``_types_`` stay there as configuration; each
``UdtInstance`` is expanded from its definition (base types first), with the
instance's member overrides merged in by name and ``{"bindType":
"parameter"}`` values filled from the parameters. Errors name the file and the
tag's path.
"""

from __future__ import annotations

import copy
import json
import re
from typing import TYPE_CHECKING, Any

from visionsim.runtime.project_io import ProjectError
from visionsim.runtime.tags.model import AtomicTag, Folder, Node

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["TYPES_FOLDER", "build_nodes", "load_tag_file", "new_provider"]

TYPES_FOLDER = "_types_"
_KINDS = ("Folder", "AtomicTag", "UdtInstance", "UdtType", "Provider")
_PARAM = re.compile(r"\{([^{}\[\]]+)\}")


def new_provider(name: str) -> Folder:
    """An empty provider root."""
    return Folder(name, "", None, {"name": "", "tagType": "Provider"}, "Provider")


def load_tag_file(provider: str, path: Path) -> Folder:
    """The tag tree of ``provider`` from the export JSON at ``path``.

    Raises :class:`~visionsim.runtime.project_io.ProjectError` naming the file
    (and the line, for a JSON syntax error).
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ProjectError(
            path, f"cannot read tag file: {exc.strerror or exc}"
        ) from None
    except UnicodeDecodeError:
        raise ProjectError(path, "tag file is not UTF-8 text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProjectError(path, exc.msg, exc.lineno, exc.colno) from None
    root = new_provider(provider)
    try:
        build_nodes(root, _body(data))
        groups = _tag_groups(data)
    except ValueError as exc:
        raise ProjectError(path, str(exc)) from None
    if groups:
        root.config["tagGroups"] = groups
    return root


def _tag_groups(data: object) -> dict[str, int]:
    """A provider root's ``"tagGroups"``: ``[{"name": N, "rate": ms}]`` by name.

    Ignition keeps tag groups beside the tags, not in the tag export; visionsim
    reads their Direct-mode ``rate`` from this key of the export's root.
    """
    groups = data.get("tagGroups") if isinstance(data, dict) else None
    if groups is None:
        return {}
    if not isinstance(groups, list):
        raise ValueError('"tagGroups" must be a list of {"name": ..., "rate": ms}')
    out: dict[str, int] = {}
    for group in groups:
        name = group.get("name") if isinstance(group, dict) else None
        rate = group.get("rate") if isinstance(group, dict) else None
        if not isinstance(name, str) or not name:
            raise ValueError(f"tagGroups: a tag group needs a name, not {group!r}")
        if isinstance(rate, bool) or not isinstance(rate, int) or rate < 10:
            raise ValueError(
                f"tagGroups: {name}: rate must be milliseconds (an integer >= 10)"
            )
        out[name] = rate
    return out


def _body(data: object) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if data.get("tagType") == "Provider" or ("tags" in data and "name" not in data):
            tags = data.get("tags") or []
            if not isinstance(tags, list):
                raise ValueError('"tags" must be a list of tags')
            return tags
        return [data]
    raise ValueError("a tag export must be a JSON object or a list of tags")


def build_nodes(parent: Folder, tags: list[Any]) -> list[Node]:
    """Create nodes for the tag dicts ``tags`` under ``parent``.

    UDT instances are expanded against the ``_types_`` folder of
    ``parent``'s provider, so definitions must be built first (an export
    lists ``_types_`` first). Raises ``ValueError`` for a bad tag.
    """
    root = _root_of(parent)
    out = []
    # Definitions first, wherever they are in the list.
    ordered = sorted(tags, key=lambda t: not _is_types(t))
    for config in ordered:
        out.append(_build(parent, config, root))
    return out


def _is_types(config: object) -> bool:
    return isinstance(config, dict) and config.get("name") == TYPES_FOLDER


def _root_of(node: Folder) -> Folder:
    while node.parent is not None:
        node = node.parent
    return node


def _build(parent: Folder, config: object, root: Folder) -> Node:
    where = f"[{parent.provider}]{parent.path}"
    if not isinstance(config, dict):
        raise ValueError(f"{where}: a tag must be a JSON object, not {config!r}")
    name = config.get("name")
    if not isinstance(name, str) or not name or "/" in name:
        raise ValueError(f"{where}: a tag needs a name without '/', not {name!r}")
    kind = config.get("tagType", "AtomicTag")
    if kind not in _KINDS:
        raise ValueError(
            f"{where}/{name}: unknown tagType {kind!r} (one of {', '.join(_KINDS)})"
        )
    own = {k: v for k, v in config.items() if k != "tags"}
    if kind == "AtomicTag":
        return parent.add(AtomicTag(parent.provider, name, parent, own))
    if kind == "UdtType":
        # A definition: configuration only, nothing runs.
        return parent.add(Folder(parent.provider, name, parent, dict(config), kind))
    folder = Folder(parent.provider, name, parent, own, kind)
    parent.add(folder)
    children = config.get("tags") or []
    if not isinstance(children, list):
        raise ValueError(f'{folder.full_path}: "tags" must be a list')
    if kind == "UdtInstance":
        children = _instance_members(folder, config, root)
    for child in children:
        _build(folder, child, root)
    return folder


def _instance_members(
    folder: Folder, config: dict[str, Any], root: Folder
) -> list[dict[str, Any]]:
    type_id = config.get("typeId")
    if not isinstance(type_id, str) or not type_id:
        raise ValueError(f"{folder.full_path}: a UdtInstance needs a typeId")
    params, members = _definition(root, type_id, folder.full_path, ())
    for name, value in (config.get("parameters") or {}).items():
        params[name] = value.get("value") if isinstance(value, dict) else value
    params.setdefault("InstanceName", folder.name)
    params.setdefault("PathToParentFolder", folder.folder_path.partition("]")[2])
    merged = _merge(members, config.get("tags") or [])
    filled = _fill(merged, params)
    assert isinstance(filled, list)
    return filled


def _definition(
    root: Folder, type_id: str, where: str, seen: tuple[str, ...]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    if type_id.lower() in seen:
        raise ValueError(f"{where}: UDT inheritance cycle through {type_id!r}")
    types = root.child(TYPES_FOLDER)
    node = (
        types.find(tuple(p.lower() for p in type_id.split("/")))
        if isinstance(types, Folder)
        else None
    )
    if node is None or not isinstance(node, Folder) or node.tag_type != "UdtType":
        raise ValueError(f"{where}: no UDT definition {type_id!r} under {TYPES_FOLDER}")
    definition = node.config
    params: dict[str, Any] = {}
    members: list[dict[str, Any]] = []
    base = definition.get("typeId")
    if isinstance(base, str) and base:
        params, members = _definition(root, base, where, (*seen, type_id.lower()))
    for name, value in (definition.get("parameters") or {}).items():
        params[name] = value.get("value") if isinstance(value, dict) else value
    return params, _merge(members, definition.get("tags") or [])


def _merge(base: list[Any], overrides: list[Any]) -> list[dict[str, Any]]:
    """Members of ``base`` with ``overrides`` merged in by name (deep copies)."""
    out = {m["name"]: copy.deepcopy(m) for m in base if isinstance(m, dict)}
    for member in overrides:
        if not isinstance(member, dict) or "name" not in member:
            continue
        old = out.get(member["name"])
        if old is None:
            out[member["name"]] = copy.deepcopy(member)
            continue
        new = {**old, **{k: copy.deepcopy(v) for k, v in member.items() if k != "tags"}}
        if "tags" in old or "tags" in member:
            new["tags"] = _merge(old.get("tags") or [], member.get("tags") or [])
        out[member["name"]] = new
    return list(out.values())


def _fill(value: Any, params: dict[str, Any]) -> Any:
    """Replace ``{"bindType": "parameter", "binding": "{P}..."}`` by its text."""
    if isinstance(value, list):
        return [_fill(v, params) for v in value]
    if not isinstance(value, dict):
        return value
    if value.get("bindType") == "parameter":
        binding = str(value.get("binding", ""))
        return _PARAM.sub(lambda m: _param(m, params), binding)
    return {k: _fill(v, params) for k, v in value.items()}


def _param(match: re.Match[str], params: dict[str, Any]) -> str:
    name = match.group(1)
    return str(params[name]) if name in params else match.group(0)
