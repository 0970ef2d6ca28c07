"""Ignition Vision component classes -> visionsim catalog types, and value texts.

The one table a decoder of ``window.bin``/``template.bin`` needs to turn a
Java class (as written in the file, reference section 13) into a catalog type
of :mod:`runtime.vision_catalog`; a class not listed here is a placeholder.
Two helpers turn decoded values into the text form the catalog keeps: a
``font`` payload into Java's ``Font.decode`` text and a ``gp`` GeneralPath
into SVG path data for a ``Shape``.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "IGNITION_CLASSES",
    "SHAPE_DELEGATES",
    "catalog_type",
    "font_text",
    "svg_path",
]

_FPMI = "com.inductiveautomation.factorypmi.application.components."
_SHAPES = "com.inductiveautomation.vision.api.client.components.shapes."

#: Full Java class name -> catalog type name, most used first (reference 13).
IGNITION_CLASSES: dict[str, str] = {
    _FPMI + "PMILabel": "Label",
    _SHAPES + "PathBasedVisionShape": "Shape",
    _FPMI + "template.TemplateHolder": "TemplateHolder",
    _FPMI + "BasicContainer": "Container",
    _SHAPES + "ShapeGroup": "ShapeGroup",
    _FPMI + "PMIButton": "Button",
    _FPMI + "template.VisionTemplate": "Container",
    _FPMI + "VisionAdvancedTable": "Table",
    _FPMI + "PMITable": "Table",
    _FPMI + "PMINumericLabel": "NumericLabel",
    _FPMI + "PMIComboBox": "ComboBox",
    _FPMI + "PMITextField": "TextField",
    _FPMI + "PMICheckBox": "CheckBox",
    _FPMI + "PMIImage": "Image",
    _FPMI + "PMIDateTimePopupSelector": "DateTimePopup",
    _FPMI + "TemplateRepeater": "TemplateRepeater",
    _FPMI + "PMIToggleButton": "ToggleButton",
    _FPMI + "PMI2StateButton": "TwoStateButton",
    _FPMI + "PMINumericTextField": "NumericTextField",
    _FPMI + "tabstrip.PMITabStrip": "TabStrip",
    _FPMI + "PMIChart": "Chart",
    _FPMI + "PMITimer": "Timer",
    _FPMI + "PMINStateButton": "MultiStateButton",
    _FPMI + "PMIDigitalDisplay": "DigitalDisplay",
    _FPMI + "PMIMeter": "Meter",
    _FPMI + "PMITextArea": "TextArea",
    _FPMI + "PMIPieChart": "PieChart",
    _FPMI + "PMIEasyChart": "EasyChart",
    _FPMI + "PMIProgressBar": "ProgressBar",
}

#: A PathBasedVisionShape's constructor delegate -> its ``shapeType``.
SHAPE_DELEGATES: dict[str, str] = {
    "com.inductiveautomation.factorypmi.application.components.shapes.RectangleShape": (
        "rectangle"
    ),
    "com.inductiveautomation.factorypmi.application.components.shapes.EllipseShape": (
        "ellipse"
    ),
    "com.inductiveautomation.factorypmi.application.components.shapes.PathShape": (
        "path"
    ),
}

_STYLES = ("PLAIN", "BOLD", "ITALIC", "BOLDITALIC")
#: GeneralPath segment type -> (SVG command, number of coordinates).
_SEGMENTS = {0: ("M", 2), 1: ("L", 2), 2: ("Q", 4), 3: ("C", 6), 4: ("Z", 0)}


def catalog_type(java_class: str) -> str | None:
    """The catalog type simulating ``java_class``, or None (a placeholder)."""
    return IGNITION_CLASSES.get(java_class)


def font_text(family: str, style: int, size: int) -> str:
    """A ``font`` payload as Java's ``Font.decode`` text: ``Dialog-BOLD-20``."""
    return f"{family}-{_STYLES[style & 3]}-{size}"


def svg_path(
    segments: Iterable[tuple[int, Sequence[float]]], origin: tuple[float, float]
) -> str:
    """A GeneralPath's segments as SVG path data, relative to ``origin``.

    ``segments`` are (type, coordinates) as in the ``gp`` payload (0 moveTo,
    1 lineTo, 2 quadTo, 3 cubicTo, 4 close); ``origin`` is the top left of
    the shape's bounds, so the result is in the shape's own coordinates, as
    :class:`Shape` draws it. Unknown segment types and non-finite numbers are
    dropped.
    """
    ox, oy = origin
    parts: list[str] = []
    for kind, coords in segments:
        found = _SEGMENTS.get(kind)
        if found is None or len(coords) < found[1]:
            continue
        letter, count = found
        values = [c - (oy if i % 2 else ox) for i, c in enumerate(coords[:count])]
        if not all(math.isfinite(v) for v in values):
            continue
        parts.append(" ".join([letter, *(f"{v:g}" for v in values)]))
    return " ".join(parts)
