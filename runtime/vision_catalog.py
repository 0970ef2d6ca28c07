"""The Vision component catalog: types, their properties and their events.

The schema lives in the runtime so the project loader can check a
``window.yaml`` (naming the nearest valid type or property on a typo) without
importing any widget; ``widgets/`` implements exactly these types. Property
names are Ignition's.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Events every component can carry (``events:`` keys in window.yaml).
MOUSE_EVENTS = (
    "mouseClicked",
    "mousePressed",
    "mouseReleased",
    "mouseEntered",
    "mouseExited",
)
COMMON_EVENTS = (*MOUSE_EVENTS, "propertyChange", "focusGained", "focusLost")
ACTION_EVENTS = ("actionPerformed",)

#: Custom property types (``customProperties: {x: {type: int, value: 0}}``).
CUSTOM_TYPES = ("str", "int", "float", "bool", "dataset")


@dataclass(frozen=True, slots=True)
class PropertySpec:
    """A built-in property: its Python type and default value."""

    name: str
    kind: type
    default: object


def _p(name: str, kind: type, default: object) -> PropertySpec:
    return PropertySpec(name, kind, default)


COMMON_PROPERTIES = (
    _p("name", str, ""),
    _p("visible", bool, True),
    _p("enabled", bool, True),
    _p("foreground", str, "#1f2933"),
    _p("background", str, ""),
    _p("toolTipText", str, ""),
)


@dataclass(frozen=True, slots=True)
class ComponentType:
    """One Vision component type."""

    name: str
    properties: tuple[PropertySpec, ...]
    events: tuple[str, ...] = COMMON_EVENTS
    is_container: bool = False

    @property
    def property_names(self) -> tuple[str, ...]:
        """Every built-in property name."""
        return tuple(spec.name for spec in self.properties)

    # Defined after property_names: this method shadows the builtin
    # ``property`` inside the class body from here on.
    def property(self, name: str) -> PropertySpec | None:
        """The built-in property called ``name``, if any."""
        for spec in self.properties:
            if spec.name == name:
                return spec
        return None


def _type(
    name: str,
    *extra: PropertySpec,
    events: tuple[str, ...] = COMMON_EVENTS,
    container: bool = False,
) -> ComponentType:
    return ComponentType(name, COMMON_PROPERTIES + extra, events, container)


CATALOG: dict[str, ComponentType] = {
    t.name: t
    for t in (
        _type("RootContainer", container=True),
        _type("Container", container=True),
        _type("Label", _p("text", str, "")),
        _type(
            "Button",
            _p("text", str, "Button"),
            events=(*ACTION_EVENTS, *COMMON_EVENTS),
        ),
        _type(
            "TextField",
            _p("text", str, ""),
            _p("editable", bool, True),
            events=(*ACTION_EVENTS, *COMMON_EVENTS),
        ),
        _type("TextArea", _p("text", str, ""), _p("editable", bool, True)),
        _type(
            "NumericTextField",
            _p("intValue", int, 0),
            _p("longValue", int, 0),
            _p("floatValue", float, 0.0),
            _p("doubleValue", float, 0.0),
            _p("editable", bool, True),
            events=(*ACTION_EVENTS, *COMMON_EVENTS),
        ),
        _type(
            "CheckBox",
            _p("text", str, ""),
            _p("selected", bool, False),
            events=(*ACTION_EVENTS, *COMMON_EVENTS),
        ),
        _type(
            "ProgressBar",
            _p("value", int, 0),
            _p("minimum", int, 0),
            _p("maximum", int, 100),
            _p("indeterminate", bool, False),
        ),
        _type(
            "Table",
            _p("data", object, None),  # a Dataset
            _p("selectedRow", int, -1),
            _p("selectedColumn", int, -1),
        ),
        # An Ignition class visionsim does not simulate (decoded projects
        # only): its stored properties are kept as they are.
        _type("Placeholder", container=True),
    )
}

#: Types a window.yaml may name (the root container is implicit).
PLACEABLE = tuple(n for n in CATALOG if n not in ("RootContainer", "Placeholder"))


def nearest(name: str, choices: tuple[str, ...] | list[str]) -> str:
    """``" (did you mean X?)"`` for the closest choices, or ``""``."""
    import difflib  # only on an error: not worth its import at start-up

    close = difflib.get_close_matches(name, choices, n=3, cutoff=0.5)
    if not close:
        return ""
    return f" (did you mean {' or '.join(repr(c) for c in close)}?)"
