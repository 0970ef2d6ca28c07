"""How Ignition's stored property values look in Qt: fonts, alignment, HTML text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from visionsim.runtime.vision_catalog import (
    BOTTOM,
    LEADING,
    LEFT,
    RIGHT,
    TOP,
    TRAILING,
)

_STYLES = {
    "PLAIN": (False, False),
    "BOLD": (True, False),
    "ITALIC": (False, True),
    "BOLDITALIC": (True, True),
}
_MAX_POINT_SIZE = 400  # Qt takes any int; a 10**9 pt font is a frozen client
_H = Qt.AlignmentFlag


def to_qfont(text: str) -> QFont:
    """Java ``Font.decode`` text (``Dialog-BOLD-20``) as a QFont.

    A missing style is plain, a missing or bad size is 12; sizes are clamped
    to 1..400 points.
    """
    parts = text.rsplit("-", 2)
    size = 12
    if len(parts) >= 2 and parts[-1].isdigit():
        size = int(parts.pop())
    style = parts.pop().upper() if len(parts) >= 2 else "PLAIN"
    family = parts[0] if parts else "Dialog"
    bold, italic = _STYLES.get(style, (False, False))
    font = QFont("DejaVu Sans" if family in ("Dialog", "SansSerif") else family)
    font.setPointSize(max(1, min(size, _MAX_POINT_SIZE)))
    font.setBold(bold)
    font.setItalic(italic)
    return font


def alignment(horizontal: int, vertical: int) -> Qt.AlignmentFlag:
    """Swing alignment constants (SwingConstants) as a Qt alignment."""
    if horizontal in (LEFT, LEADING):
        h = _H.AlignLeft
    elif horizontal in (RIGHT, TRAILING):
        h = _H.AlignRight
    else:
        h = _H.AlignHCenter
    v = {TOP: _H.AlignTop, BOTTOM: _H.AlignBottom}.get(vertical, _H.AlignVCenter)
    return h | v


def is_html(text: str) -> bool:
    """Whether Swing renders ``text`` as HTML: it starts with ``<html>``."""
    return text[:6].lower() == "<html>"


def text_format(text: str) -> Qt.TextFormat:
    """Rich text for ``<html>`` text, plain (no wrapping) otherwise."""
    return Qt.TextFormat.RichText if is_html(text) else Qt.TextFormat.PlainText
