"""Template holders expanded with their templates (pure model, no widgets)."""

from __future__ import annotations

from pathlib import Path

from visionsim.runtime.resources.instances import MAX_NESTING, expand, is_holder
from visionsim.runtime.resources.model import TemplateSpec
from visionsim.runtime.windows import BindingSpec, ComponentSpec, CustomProperty

HOLDER = "com.inductiveautomation.factorypmi.application.components.template."
HOLDER += "TemplateHolder"


def _spec(path: str, **fields: object) -> ComponentSpec:
    values: dict[str, object] = {
        "type": "Label",
        "name": path.rpartition("/")[2],
        "path": path,
        "bounds": (0, 0, 10, 10),
        "props": {},
        "custom_properties": {},
        "events": {},
        "components": (),
        "line": None,
        **fields,
    }
    return ComponentSpec(**values)  # type: ignore[arg-type]


def _holder(path: str, template: str, values: dict[str, object]) -> ComponentSpec:
    return _spec(
        path,
        type="Placeholder",
        ignition_class=HOLDER,
        props={"templatePath": template, "parameterValues": values},
    )


def _template(path: str, children: tuple[ComponentSpec, ...]) -> TemplateSpec:
    caption = CustomProperty("caption", "str", "none")
    root = _spec(
        "Root Container",
        type="RootContainer",
        components=children,
        events={"propertyChange": "print(1)"},
        custom_properties={"caption": caption},
    )
    return TemplateSpec(path, (50, 20), root, {"caption": caption}, {}, Path("t"))


def test_a_holder_becomes_a_container_with_the_templates_components() -> None:
    label = _spec(
        "Root Container/Msg",
        bindings={
            "text": BindingSpec(
                "expression",
                "text",
                "{Root Container.caption} + {Root Container.Msg.x}",
            ),
            "toolTipText": BindingSpec(
                "property", "toolTipText", "Root Container.caption"
            ),
        },
    )
    templates = {"Card": _template("Card", (label,))}
    holder = _holder("Root Container/Group/Card1", "Card", {"caption": "Hello"})
    assert is_holder(holder)
    card = expand(holder, templates)
    assert not is_holder(card)
    assert card.type == "Container"
    assert card.custom_properties["caption"].value == "Hello"
    assert card.events == {"propertyChange": "print(1)"}
    (msg,) = card.components
    assert msg.path == "Root Container/Group/Card1/Msg"
    assert msg.bindings["text"].source == (
        "{Root Container.Group.Card1.caption} + {Root Container.Group.Card1.Msg.x}"
    )
    assert msg.bindings["toolTipText"].source == "Root Container.Group.Card1.caption"


def test_nested_and_self_including_templates_stop() -> None:
    inner = _holder("Root Container/Self", "Loop", {})
    templates = {"Loop": _template("Loop", (inner,))}
    expanded = expand(_holder("Root Container/L", "Loop", {}), templates)
    depth = 0
    while expanded.components and expanded.type == "Container":
        expanded = expanded.components[0]
        depth += 1
    assert is_holder(expanded)  # the cycle stops, as a placeholder
    assert depth <= MAX_NESTING
