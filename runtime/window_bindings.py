"""Property bindings in ``window.yaml``: :class:`BindingSpec` and its reader.

A component's ``bindings:`` maps a property to one binding (docs/DESIGN.md
section 10)::

    bindings:
      text: {tag: "[default]Line1/Speed"}
      value: {tag: "[default]Line1/Setpoint", bidirectional: true}
      text: {indirect: "[default]Line{1}/Speed", refs: {"1": "Root Container.line"}}
      value: {property: "../Slider.value"}
      data: {query: "SELECT ...", pollMs: 5000, database: DB}
      data: {namedQuery: "Folder/Name", params: {id: 3}, pollMs: 5000}

Each error names ``window.yaml``, the line and the column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from visionsim.runtime.project_io import check_keys, entry, is_int, key_node, value_node
from visionsim.runtime.vision_catalog import nearest

if TYPE_CHECKING:
    import yaml

    from visionsim.runtime.project_io import YamlDoc

__all__ = ["BINDING_KINDS", "BindingSpec", "read_bindings"]

#: Binding kinds visionsim simulates (docs/DESIGN.md section 10); a decoded window
#: may carry others (Ignition's own kind name), which ``check`` lists.
BINDING_KINDS = ("tag", "indirect", "property", "expression", "query", "namedQuery")

#: The keys each kind accepts besides its own.
_EXTRA_KEYS: dict[str, tuple[str, ...]] = {
    "tag": ("bidirectional",),
    "indirect": ("refs", "bidirectional"),
    "property": ("bidirectional",),
    "expression": (),
    "query": ("pollMs", "database"),
    "namedQuery": ("params", "pollMs"),
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class BindingSpec:
    """A property binding: where one property of a component gets its value.

    ``kind`` is one of :data:`BINDING_KINDS` or, for a binding visionsim does
    not simulate, the kind Ignition names it; ``source`` is the tag path
    (``{1}`` placeholders for ``indirect``, filled from ``refs``: placeholder
    -> property path), the property path, the expression, the SQL or the
    named query's path; ``params`` are a named query's parameters.
    """

    kind: str
    target: str
    source: str
    bidirectional: bool = False
    poll_ms: int | None = None
    refs: dict[str, str] = field(default_factory=dict)
    params: dict[str, object] = field(default_factory=dict)
    database: str | None = None
    line: int | None = None


def read_bindings(
    doc: YamlDoc,
    node: yaml.Node | None,
    bindings: dict[str, object],
    properties: tuple[str, ...],
    type_name: str,
) -> dict[str, BindingSpec]:
    """The ``bindings:`` mapping of one component, checked.

    ``properties`` are the component's built-in and custom property names.
    Raises :class:`~visionsim.runtime.project_io.ProjectError` at the
    offending key or value.
    """
    out: dict[str, BindingSpec] = {}
    for target, spec in bindings.items():
        key = key_node(node, target)
        if target not in properties:
            raise doc.error(
                key,
                f"binding of unknown property {target!r} of {type_name}"
                f"{nearest(target, properties)}",
            )
        found = entry(node, target)
        spec_node = found[1] if found else key
        out[target] = _binding(doc, spec_node, target, spec, key)
    return out


def _binding(
    doc: YamlDoc,
    node: yaml.Node | None,
    target: str,
    spec: object,
    key: yaml.Node | None,
) -> BindingSpec:
    label = f"binding of {target}"
    if not isinstance(spec, dict):
        raise doc.error(node, f"{label} must be a mapping like {{tag: '[default]X'}}")
    kinds = [k for k in BINDING_KINDS if k in spec]
    if len(kinds) != 1:
        raise doc.error(
            node, f"{label} needs exactly one of {', '.join(BINDING_KINDS)}"
        )
    kind = kinds[0]
    check_keys(doc, spec, node, (kind, *_EXTRA_KEYS[kind]), label)
    source = spec[kind]
    if not isinstance(source, str) or not source.strip():
        raise doc.error(value_node(node, kind), f"{label}: {kind} must be text")
    bidirectional = spec.get("bidirectional", False)
    if not isinstance(bidirectional, bool):
        raise doc.error(
            value_node(node, "bidirectional"), f"{label}: bidirectional is true/false"
        )
    poll = spec.get("pollMs")
    if poll is not None and (not is_int(poll) or poll < 0):
        raise doc.error(
            value_node(node, "pollMs"), f"{label}: pollMs must be an integer >= 0"
        )
    database = spec.get("database")
    if database is not None and not isinstance(database, str):
        raise doc.error(value_node(node, "database"), f"{label}: database is a name")
    params = spec.get("params") or {}
    if not isinstance(params, dict):
        raise doc.error(value_node(node, "params"), f"{label}: params is a mapping")
    refs = _refs(doc, node, label, kind, source, spec.get("refs"))
    return BindingSpec(
        kind,
        target,
        source,
        bidirectional,
        poll,
        refs,
        {str(k): v for k, v in params.items()},
        database,
        key.start_mark.line + 1 if key is not None else None,
    )


def _refs(
    doc: YamlDoc,
    node: yaml.Node | None,
    label: str,
    kind: str,
    source: str,
    refs: object,
) -> dict[str, str]:
    if kind != "indirect":
        return {}
    at = value_node(node, "refs") or node
    if not isinstance(refs, dict) or not all(
        isinstance(v, str) and v for v in refs.values()
    ):
        raise doc.error(at, f"{label}: refs must map each {{n}} to a property path")
    out = {str(k): v for k, v in refs.items()}
    missing = [p for p in _PLACEHOLDER.findall(source) if p not in out]
    if missing:
        raise doc.error(at, f"{label}: no ref for {{{missing[0]}}} in {source!r}")
    return out
