"""The Vision component catalog: types, their properties and their events.

The schema lives in the runtime so the project loader can check a
``window.yaml`` (naming the nearest valid type or property on a typo) without
importing any widget; ``widgets/`` implements exactly these types. Property
names are Ignition's.
"""

from __future__ import annotations

import datetime
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

#: Swing alignment constants (SwingConstants): Ignition stores these ints.
CENTER, TOP, LEFT, BOTTOM, RIGHT, LEADING, TRAILING = 0, 1, 2, 3, 4, 10, 11
#: Java's ``Font.decode`` text: family-STYLE-size (Ignition's label default).
DEFAULT_FONT = "Dialog-PLAIN-12"
#: A java.util.Date property (DateTimePopup.date, EasyChart.startDate).
DATE = datetime.datetime

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


#: A label's properties after ``text`` (PMILabel, PMINumericLabel).
_LABEL = (
    _p("horizontalAlignment", int, CENTER),
    _p("verticalAlignment", int, CENTER),
    _p("horizontalTextPosition", int, TRAILING),
    _p("verticalTextPosition", int, CENTER),
    _p("iconTextGap", int, 4),
    _p("path", str, ""),  # the icon's image path
    _p("font", str, DEFAULT_FONT),
    _p("fillBackground", bool, False),
)
_ACTION = (*ACTION_EVENTS, *COMMON_EVENTS)
_STATES = (  # Ignition's 2-state toggle
    _p("controlValue", int, 0),
    _p("indicatorValue", int, 0),
    _p("state1Value", int, 0),
    _p("state2Value", int, 1),
    _p("state1Text", str, "Off"),
    _p("state2Text", str, "On"),
)
_CHART = (_p("title", str, ""), _p("data", object, None))


def _ignition_types() -> tuple[ComponentType, ...]:
    """The Vision component classes of real projects (runtime.vision_classes)."""
    return (
        _type(
            "NumericLabel",
            _p("value", float, 0.0),
            _p("pattern", str, "#,##0.##"),
            _p("prefix", str, ""),
            _p("suffix", str, ""),
            _p("text", str, "0"),
            *_LABEL,
        ),
        _type(
            "ComboBox",
            _p("data", object, None),
            _p("selectedIndex", int, -1),
            _p("selectedValue", int, -1),
            _p("selectedStringValue", str, ""),
            _p("selectedLabel", str, ""),
            _p("noSelectionLabel", str, ""),
            _p("noSelectionValue", int, -1),
            _p("noSelectionString", str, ""),
            _p("editable", bool, False),
            events=_ACTION,
        ),
        _type("Image", _p("path", str, ""), _p("stretchMode", int, 0)),
        _type(
            "DateTimePopup",
            _p("date", DATE, None),
            _p("format", str, "MM/dd/yyyy h:mm a"),
            _p("text", str, ""),
            _p("editable", bool, True),
        ),
        _type(
            "ToggleButton",
            _p("text", str, ""),
            _p("selected", bool, False),
            events=_ACTION,
        ),
        _type("TwoStateButton", *_STATES, events=_ACTION),
        _type(
            "MultiStateButton",
            _p("controlValue", int, 0),
            _p("indicatorValue", int, 0),
            _p("states", object, None),  # controlValue, indicatorValue, text
            _p("orientation", int, 0),  # 0 vertical, 1 horizontal
            events=_ACTION,
        ),
        _type(
            "TabStrip",
            _p("tabData", object, None),  # NAME, DISPLAY_NAME (+ Ignition styles)
            _p("selectedTab", str, ""),
        ),
        _type(
            "Timer",
            _p("running", bool, True),
            _p("delay", int, 1000),
            _p("value", int, 0),
            _p("initialValue", int, 0),
            _p("stepBy", int, 1),
            _p("bound", int, 100),
        ),
        _type(
            "DigitalDisplay",
            _p("value", float, 0.0),
            _p("pattern", str, "#,##0.##"),
            _p("font", str, DEFAULT_FONT),
        ),
        _type(
            "Meter",
            _p("value", float, 0.0),
            _p("minimum", float, 0.0),
            _p("maximum", float, 100.0),
            _p("units", str, ""),
        ),
        _type(
            "Shape",
            _p("shapeType", str, "rectangle"),  # rectangle, ellipse, line, path
            _p("path", str, ""),  # SVG path data in the shape's own box
            _p("fillPaint", str, "#ffffff"),
            _p("strokePaint", str, "#000000"),
            _p("strokeWidth", float, 1.0),
        ),
        _type("ShapeGroup", container=True),
        _type(
            "TemplateHolder",
            _p("templatePath", str, ""),
            container=True,
        ),
        _type(
            "TemplateRepeater",
            _p("templatePath", str, ""),
            _p("repeatBehavior", int, 0),  # 0 count, 1 dataset
            _p("repeatCount", int, 1),
            _p("templateParams", object, None),
            _p("indexParamName", str, ""),
            container=True,
        ),
        _type("Chart", *_CHART),
        _type(
            "EasyChart",
            _p("title", str, ""),
            _p("pens", object, None),
            _p("startDate", DATE, None),
            _p("endDate", DATE, None),
        ),
        _type("PieChart", *_CHART),
    )


CATALOG: dict[str, ComponentType] = {
    t.name: t
    for t in (
        _type("RootContainer", container=True),
        _type("Container", container=True),
        _type("Label", _p("text", str, ""), *_LABEL),
        _type(
            "Button",
            _p("text", str, "Button"),
            _p("path", str, ""),
            _p("buttonBG", str, ""),
            _p("font", str, DEFAULT_FONT),
            _p("horizontalAlignment", int, CENTER),
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
            _p("mode", int, 0),  # 0 Integer, 1 Long, 2 Float, 3 Double
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
        *_ignition_types(),
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
