"""Typed values of Ignition's binary resources: Java leaves as Python values.

Each class stands for one typed payload of ``reference/ignition-binary-resources.md``
section 6 (colours, fonts, geometry, dates, raw leaves kept as bytes). The
plain kinds (``str``, ``int``, ``lng``, ``dbl``…) decode to Python ``str``,
``int`` and ``float``; the element name keeps their Java type.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Color:
    """java.awt.Color as ARGB (alpha in the high byte)."""

    argb: int

    @property
    def css(self) -> str:
        """``#rrggbb`` (opaque) or ``rgba(r, g, b, a)``."""
        alpha = (self.argb >> 24) & 0xFF
        rgb = self.argb & 0xFFFFFF
        if alpha == 0xFF:
            return f"#{rgb:06x}"
        red, green, blue = rgb >> 16, (rgb >> 8) & 0xFF, rgb & 0xFF
        return f"rgba({red}, {green}, {blue}, {alpha})"


@dataclass(frozen=True, slots=True)
class Font:
    """java.awt.Font: family, style (0 plain, 1 bold, 2 italic, 3 both), size."""

    family: str
    style: int
    size: int


@dataclass(frozen=True, slots=True)
class JavaDate:
    """java.util.Date: milliseconds since the Unix epoch (UTC)."""

    millis: int


@dataclass(frozen=True, slots=True)
class ClassName:
    """A ``class`` payload: a Java class name, possibly abbreviated."""

    name: str


@dataclass(frozen=True, slots=True)
class TagPath:
    """A ``tagpath`` payload."""

    path: str


@dataclass(frozen=True, slots=True)
class Point:
    """java.awt.Point, or Dimension (``x`` width, ``y`` height)."""

    x: int
    y: int


@dataclass(frozen=True, slots=True)
class Rect:
    """java.awt.Rectangle or Insets (four ints in file order)."""

    a: int
    b: int
    c: int
    d: int


@dataclass(frozen=True, slots=True)
class Floats:
    """A fixed number of floats: Point2D, Rectangle2D, Ellipse2D, RoundRect2D."""

    values: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class MethodRef:
    """java.lang.reflect.Method: declaring class, name, parameter types."""

    owner: str
    name: str
    params: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PathSegment:
    """One GeneralPath segment: type 0 moveTo … 4 close, and its coordinates."""

    kind: int
    coords: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class GeneralPath:
    """java.awt.geom.GeneralPath: winding rule and segments."""

    winding: int
    segments: tuple[PathSegment, ...]


@dataclass(frozen=True, slots=True)
class Raw:
    """A payload kept as its bytes (``lc``, ``colorstate``, ``bitset``, unknown)."""

    data: bytes


@dataclass(frozen=True, slots=True)
class JavaEnum:
    """An enum constant: ``cls`` and constant ``name``."""

    cls: str
    name: str
