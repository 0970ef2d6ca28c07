"""``java.awt``: ``Color``, ``Font``, ``Cursor`` and ``Toolkit``.

``Toolkit.getDefaultToolkit().beep()`` and ``getScreenSize()``; the geometry
classes are in :mod:`.geometry`. Each
prints as Java's ``toString`` (``java.awt.Color[r=255,g=0,b=0]``) and has the
public fields and bean properties Jython exposes (``c.red``, ``d.width``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from visionsim.runtime.jython.java.errors import (
    IllegalArgumentException,
    NumberFormatException,
)
from visionsim.runtime.jython.java.geometry import Dimension
from visionsim.runtime.jython.java.values import to_int32

if TYPE_CHECKING:
    from collections.abc import Callable


class Color:
    """``java.awt.Color``: ``Color(r, g, b[, a])``, ``Color(rgb)``, floats 0-1."""

    def __init__(self, *args: float) -> None:
        if len(args) in (1, 2):
            rgb = int(args[0])
            alpha = (rgb >> 24) & 0xFF if len(args) == 2 and args[1] else 255
            parts = [(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, alpha]
        elif len(args) in (3, 4):
            if any(isinstance(a, float) for a in args):
                parts = [int(float(a) * 255 + 0.5) for a in args]
            else:
                parts = [int(a) for a in args]
            if len(parts) == 3:
                parts.append(255)
            bad = [n for n, v in zip("RGBA", parts, strict=True) if not 0 <= v <= 255]
            if bad:
                raise IllegalArgumentException(
                    "Color parameter outside of expected range: "
                    + " ".join(
                        {"R": "Red", "G": "Green", "B": "Blue", "A": "Alpha"}[b]
                        for b in bad
                    )
                )
        else:
            raise TypeError("Color() takes (r, g, b), (r, g, b, a) or (rgb)")
        self._r, self._g, self._b, self._a = parts

    def getRed(self) -> int:
        """Red, 0-255."""
        return self._r

    def getGreen(self) -> int:
        """Green, 0-255."""
        return self._g

    def getBlue(self) -> int:
        """Blue, 0-255."""
        return self._b

    def getAlpha(self) -> int:
        """Alpha, 0-255."""
        return self._a

    def getRGB(self) -> int:
        """``0xAARRGGBB`` as a signed int."""
        return to_int32(self._a << 24 | self._r << 16 | self._g << 8 | self._b)

    def brighter(self) -> Color:
        """Java's brighter colour (factor 0.7)."""
        r, g, b = self._r, self._g, self._b
        i = int(1.0 / 0.3)
        if r == g == b == 0:
            return Color(i, i, i, self._a)
        r, g, b = (max(c, i) if 0 < c < i else c for c in (r, g, b))
        return Color(*(min(int(c / 0.7), 255) for c in (r, g, b)), self._a)

    def darker(self) -> Color:
        """Java's darker colour (factor 0.7)."""
        return Color(
            *(max(int(c * 0.7), 0) for c in (self._r, self._g, self._b)), self._a
        )

    @staticmethod
    def decode(text: str) -> Color:
        """``#RRGGBB``, ``0xRRGGBB`` or a decimal number."""
        value = str(text)
        try:
            if value.startswith("#"):
                rgb = int(value[1:], 16)
            elif value.lower().startswith("0x"):
                rgb = int(value[2:], 16)
            else:
                rgb = int(value)
        except ValueError:
            raise NumberFormatException(f'For input string: "{value}"') from None
        return Color(rgb)

    def equals(self, other: object) -> bool:
        """Same RGBA."""
        return isinstance(other, Color) and other.getRGB() == self.getRGB()

    def hashCode(self) -> int:
        """The RGB value."""
        return self.getRGB()

    def toString(self) -> str:
        """``java.awt.Color[r=255,g=0,b=0]`` (alpha is not shown, as in Java)."""
        return f"java.awt.Color[r={self._r},g={self._g},b={self._b}]"

    __str__ = toString
    __repr__ = toString
    __eq__ = equals
    __hash__ = hashCode

    alpha = property(getAlpha)
    RGB = property(getRGB)


_COLORS = {
    "white": (255, 255, 255),
    "lightGray": (192, 192, 192),
    "gray": (128, 128, 128),
    "darkGray": (64, 64, 64),
    "black": (0, 0, 0),
    "red": (255, 0, 0),
    "pink": (255, 175, 175),
    "orange": (255, 200, 0),
    "yellow": (255, 255, 0),
    "green": (0, 255, 0),
    "magenta": (255, 0, 255),
    "cyan": (0, 255, 255),
    "blue": (0, 0, 255),
}


class _ConstantOrProperty:
    """``Color.red`` is the constant; ``c.red`` is ``c.getRed()``, as in Jython."""

    def __init__(self, constant: Color, getter: Callable[[Color], int]) -> None:
        self._constant = constant
        self._getter = getter

    def __get__(self, obj: Color | None, owner: type) -> Color | int:
        return self._constant if obj is None else self._getter(obj)


for _name, _rgb in _COLORS.items():
    _color = Color(*_rgb)
    setattr(Color, _name, _color)
    setattr(
        Color, "".join("_" + c if c.isupper() else c for c in _name).upper(), _color
    )
_GETTERS = {"red": Color.getRed, "green": Color.getGreen, "blue": Color.getBlue}
for _name, _getter in _GETTERS.items():
    setattr(Color, _name, _ConstantOrProperty(getattr(Color, _name), _getter))


class Font:
    """``java.awt.Font``: name, style (``PLAIN``, ``BOLD``, ``ITALIC``), size."""

    PLAIN = 0
    BOLD = 1
    ITALIC = 2

    def __init__(self, name: str | None, style: int, size: float) -> None:
        self._name = "Default" if name is None else str(name)
        self._style = int(style) & 3
        self._size = size

    def getName(self) -> str:
        """The name given."""
        return self._name

    def getFontName(self) -> str:
        """The face name."""
        return self._name

    def getFamily(self) -> str:
        """The family (the name here: no fonts are looked up)."""
        return self._name

    def getStyle(self) -> int:
        """``PLAIN``, ``BOLD``, ``ITALIC`` or ``BOLD|ITALIC``."""
        return self._style

    def getSize(self) -> int:
        """The point size, rounded as Java does."""
        return int(self._size + 0.5) if isinstance(self._size, float) else self._size

    def getSize2D(self) -> float:
        """The point size as a float."""
        return float(self._size)

    def isBold(self) -> bool:
        """Whether bold."""
        return bool(self._style & Font.BOLD)

    def isItalic(self) -> bool:
        """Whether italic."""
        return bool(self._style & Font.ITALIC)

    def isPlain(self) -> bool:
        """Whether plain."""
        return self._style == 0

    def deriveFont(self, *args: float) -> Font:
        """``deriveFont(size_float)``, ``deriveFont(style_int)`` or both."""
        style, size = self._style, self._size
        for arg in args:
            if isinstance(arg, float):
                size = arg
            else:
                style = int(arg)
        return Font(self._name, style, size)

    def toString(self) -> str:
        """``java.awt.Font[family=Dialog,name=Dialog,style=bold,size=12]``."""
        style = {0: "plain", 1: "bold", 2: "italic", 3: "bolditalic"}[self._style]
        return (
            f"java.awt.Font[family={self.getFamily()},name={self._name},"
            f"style={style},size={self.getSize()}]"
        )

    __str__ = toString
    __repr__ = toString

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Font) and self.toString() == other.toString()

    def __hash__(self) -> int:
        return hash(self.toString())

    name = property(getName)
    family = property(getFamily)
    style = property(getStyle)
    size = property(getSize)
    bold = property(isBold)
    italic = property(isItalic)


_CURSOR_NAMES = [
    "Default",
    "Crosshair",
    "Text",
    "Wait",
    "Southwest Resize",
    "Southeast Resize",
    "Northwest Resize",
    "Northeast Resize",
    "North Resize",
    "South Resize",
    "West Resize",
    "East Resize",
    "Hand",
    "Move",
]


class Cursor:
    """``java.awt.Cursor``: the predefined cursors scripts set on components."""

    DEFAULT_CURSOR = 0
    CROSSHAIR_CURSOR = 1
    TEXT_CURSOR = 2
    WAIT_CURSOR = 3
    SW_RESIZE_CURSOR = 4
    SE_RESIZE_CURSOR = 5
    NW_RESIZE_CURSOR = 6
    NE_RESIZE_CURSOR = 7
    N_RESIZE_CURSOR = 8
    S_RESIZE_CURSOR = 9
    W_RESIZE_CURSOR = 10
    E_RESIZE_CURSOR = 11
    HAND_CURSOR = 12
    MOVE_CURSOR = 13

    def __init__(self, kind: int) -> None:
        if not 0 <= kind < len(_CURSOR_NAMES):
            raise IllegalArgumentException("illegal cursor type")
        self._type = int(kind)

    @staticmethod
    def getPredefinedCursor(kind: int) -> Cursor:
        """The cursor for a ``*_CURSOR`` constant."""
        return Cursor(kind)

    @staticmethod
    def getDefaultCursor() -> Cursor:
        """The default cursor."""
        return Cursor(0)

    def getType(self) -> int:
        """The ``*_CURSOR`` constant."""
        return self._type

    def getName(self) -> str:
        """``Hand Cursor`` and so on."""
        return _CURSOR_NAMES[self._type] + " Cursor"

    def toString(self) -> str:
        """``java.awt.Cursor[Hand Cursor]``."""
        return f"java.awt.Cursor[{self.getName()}]"

    __str__ = toString
    __repr__ = toString

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Cursor) and other._type == self._type

    def __hash__(self) -> int:
        return self._type

    type = property(getType)
    name = property(getName)


class Toolkit:
    """``java.awt.Toolkit``: ``beep()`` (counted, silent) and the screen size."""

    beeps = 0

    @staticmethod
    def getDefaultToolkit() -> type[Toolkit]:
        """The toolkit."""
        return Toolkit

    @staticmethod
    def beep() -> None:
        """Counted in ``Toolkit.beeps``; the simulator makes no sound."""
        Toolkit.beeps += 1

    @staticmethod
    def getScreenSize() -> Dimension:
        """A 1920x1080 screen."""
        return Dimension(1920, 1080)
