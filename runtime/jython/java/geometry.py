"""``java.awt`` geometry: ``Dimension``, ``Point`` and ``Rectangle``.

Public ``int`` fields (``d.width``, ``p.x``) as in Java, getters returning
doubles (``getWidth()`` is ``3.0``), and Java's ``toString``.
"""

from __future__ import annotations


class Dimension:
    """``java.awt.Dimension``: public ``width``/``height``."""

    def __init__(self, width: int = 0, height: int = 0) -> None:
        self.width = int(width)
        self.height = int(height)

    def getWidth(self) -> float:
        """The width as a double."""
        return float(self.width)

    def getHeight(self) -> float:
        """The height as a double."""
        return float(self.height)

    def setSize(self, width: float, height: float) -> None:
        """Set both (rounded up, as Java's double overload)."""
        self.width, self.height = int(-(-width // 1)), int(-(-height // 1))

    def toString(self) -> str:
        """``java.awt.Dimension[width=3,height=4]``."""
        return f"java.awt.Dimension[width={self.width},height={self.height}]"

    __str__ = toString
    __repr__ = toString

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Dimension) and (self.width, self.height) == (
            other.width,
            other.height,
        )

    def __hash__(self) -> int:
        return hash((self.width, self.height))


class Point:
    """``java.awt.Point``: public ``x``/``y``."""

    def __init__(self, x: int = 0, y: int = 0) -> None:
        self.x = int(x)
        self.y = int(y)

    def getX(self) -> float:
        """X as a double."""
        return float(self.x)

    def getY(self) -> float:
        """Y as a double."""
        return float(self.y)

    def setLocation(self, x: float, y: float) -> None:
        """Move to ``(x, y)``."""
        self.x, self.y = int(x), int(y)

    def translate(self, dx: int, dy: int) -> None:
        """Move by ``(dx, dy)``."""
        self.x += dx
        self.y += dy

    def distance(self, x: float | Point, y: float = 0) -> float:
        """Distance to a point."""
        px, py = (x.x, x.y) if isinstance(x, Point) else (x, y)
        return float(((self.x - px) ** 2 + (self.y - py) ** 2) ** 0.5)

    def toString(self) -> str:
        """``java.awt.Point[x=1,y=2]``."""
        return f"java.awt.Point[x={self.x},y={self.y}]"

    __str__ = toString
    __repr__ = toString

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self) -> int:
        return hash((self.x, self.y))


class Rectangle:
    """``java.awt.Rectangle``: public ``x``, ``y``, ``width``, ``height``."""

    def __init__(self, x: int = 0, y: int = 0, width: int = 0, height: int = 0):
        self.x, self.y, self.width, self.height = (
            int(x),
            int(y),
            int(width),
            int(height),
        )

    def getX(self) -> float:
        """X as a double."""
        return float(self.x)

    def getY(self) -> float:
        """Y as a double."""
        return float(self.y)

    def getWidth(self) -> float:
        """Width as a double."""
        return float(self.width)

    def getHeight(self) -> float:
        """Height as a double."""
        return float(self.height)

    def contains(self, x: int | Point, y: int = 0) -> bool:
        """Whether the point is inside."""
        px, py = (x.x, x.y) if isinstance(x, Point) else (x, y)
        inside_x = self.x <= px < self.x + self.width
        return inside_x and self.y <= py < self.y + self.height

    def intersects(self, other: Rectangle) -> bool:
        """Whether the two overlap."""
        return (
            other.x < self.x + self.width
            and self.x < other.x + other.width
            and other.y < self.y + self.height
            and self.y < other.y + other.height
        )

    def getSize(self) -> Dimension:
        """The size."""
        return Dimension(self.width, self.height)

    def getLocation(self) -> Point:
        """The top-left corner."""
        return Point(self.x, self.y)

    def toString(self) -> str:
        """``java.awt.Rectangle[x=1,y=2,width=3,height=4]``."""
        return (
            f"java.awt.Rectangle[x={self.x},y={self.y},"
            f"width={self.width},height={self.height}]"
        )

    __str__ = toString
    __repr__ = toString

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rectangle) and self.toString() == other.toString()

    def __hash__(self) -> int:
        return hash(self.toString())
