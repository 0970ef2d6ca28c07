"""Template instances: a TemplateHolder filled with its template's components.

A holder (``templatePath``, ``parameterValues``) becomes a container whose
custom properties are the template's parameters and internal properties
(parameter values from the holder), whose children are the template's
components (their paths moved under the holder) and whose events and
bindings add the template root's. Nested holders expand too, up to
:data:`MAX_NESTING` levels; a template that contains itself stops there.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from visionsim.runtime.project_io import ProjectError
from visionsim.runtime.resources.components import custom_value
from visionsim.runtime.windows import CustomProperty

if TYPE_CHECKING:
    from collections.abc import Mapping

    from visionsim.runtime.resources.model import TemplateSpec
    from visionsim.runtime.windows import BindingSpec, ComponentSpec

HOLDER_CLASS = "TemplateHolder"
MAX_NESTING = 8


def is_holder(spec: ComponentSpec) -> bool:
    """A TemplateHolder not expanded yet (a placeholder with a template path)."""
    return (
        spec.type == "Placeholder"
        and spec.ignition_class.rsplit(".", 1)[-1] == HOLDER_CLASS
        and isinstance(spec.props.get("templatePath"), str)
    )


def expand(
    holder: ComponentSpec,
    templates: Mapping[str, TemplateSpec],
    chain: tuple[str, ...] = (),
) -> ComponentSpec:
    """``holder`` as a container holding its template's components.

    Raises KeyError for a template path the project does not have, and
    :class:`~visionsim.runtime.project_io.ProjectError` for one that cannot
    be decoded; returns ``holder`` unchanged past :data:`MAX_NESTING` levels
    or when the template is already being expanded (a cycle).
    """
    path = str(holder.props["templatePath"])
    if path in chain or len(chain) >= MAX_NESTING:
        return holder
    template = templates[path]
    values = holder.props.get("parameterValues")
    values = values if isinstance(values, dict) else {}
    custom = {
        name: CustomProperty(
            name, prop.type, custom_value(prop.type, values.get(name), prop.value)
        )
        for name, prop in {**template.internal, **template.parameters}.items()
    }
    inner = (*chain, path)
    children = tuple(
        _expand_nested(_moved(child, template.root.path, holder.path), templates, inner)
        for child in template.root.components
    )
    events = dict(template.root.events)
    for event, script in holder.events.items():
        events[event] = f"{events[event]}\n{script}" if event in events else script
    return dataclasses.replace(
        holder,
        type="Container",
        props={k: v for k, v in holder.props.items() if k == "visible"},
        custom_properties={**custom, **holder.custom_properties},
        events=events,
        components=children,
        bindings={
            **{
                k: _rebased(b, template.root.path, holder.path)
                for k, b in template.root.bindings.items()
            },
            **holder.bindings,
        },
        custom_methods={**template.root.custom_methods, **holder.custom_methods},
    )


def _expand_nested(
    spec: ComponentSpec, templates: Mapping[str, TemplateSpec], chain: tuple[str, ...]
) -> ComponentSpec:
    if is_holder(spec):
        try:
            return expand(spec, templates, chain)
        except (KeyError, ProjectError):
            return spec  # stays a placeholder naming the template
    if not spec.components:
        return spec
    children = tuple(_expand_nested(c, templates, chain) for c in spec.components)
    return dataclasses.replace(spec, components=children)


def _moved(spec: ComponentSpec, old: str, new: str) -> ComponentSpec:
    """``spec`` and its children with the path prefix ``old`` replaced by ``new``.

    Binding sources name components by dotted paths (``Root Container.X.text``,
    also inside expressions and SQL as ``{Root Container.X.text}``): they move
    with the components.
    """
    path = new + spec.path[len(old) :] if spec.path.startswith(old) else spec.path
    children = tuple(_moved(c, old, new) for c in spec.components)
    bindings = {k: _rebased(b, old, new) for k, b in spec.bindings.items()}
    return dataclasses.replace(spec, path=path, components=children, bindings=bindings)


def _rebased(binding: BindingSpec, old: str, new: str) -> BindingSpec:
    dotted_old, dotted_new = old.replace("/", ".") + ".", new.replace("/", ".") + "."

    def move(text: str) -> str:
        if text.startswith(dotted_old):
            text = dotted_new + text[len(dotted_old) :]
        return text.replace("{" + dotted_old, "{" + dotted_new)

    return dataclasses.replace(
        binding,
        source=move(binding.source),
        refs={k: move(v) for k, v in binding.refs.items()},
    )
