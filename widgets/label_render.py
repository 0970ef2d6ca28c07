"""Showing Ignition's label and button properties on QLabel and QPushButton.

Shared by Label, NumericLabel and Button: text (``<html>`` text as HTML,
other text on one line, as Swing), alignment, font, icon path, colours.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

from visionsim.widgets.ignition_style import alignment, text_format, to_qfont

if TYPE_CHECKING:
    from collections.abc import Mapping

_ALIGN = ("horizontalAlignment", "verticalAlignment")
_ICON_PX = 1024  # an icon bigger than this is scaled down, never allocated


def style_sheet(values: Mapping[str, object], background: str) -> str:
    """``color``/``background-color`` rules for the foreground and ``background``."""
    rules = []
    if values.get("foreground"):
        rules.append(f"color: {values['foreground']};")
    if background:
        rules.append(f"background-color: {background};")
    return " ".join(rules)


def icon(path: object) -> QPixmap | None:
    """The image at ``path`` if it is a readable local file, else None.

    Ignition icon paths name images on the gateway (``Builtin/icons/...``),
    which visionsim does not have: those show no icon.
    """
    if not isinstance(path, str) or not path or not os.path.isfile(path):
        return None
    pixmap = QPixmap(path)
    if pixmap.isNull():
        return None
    if max(pixmap.width(), pixmap.height()) > _ICON_PX:
        pixmap = pixmap.scaled(_ICON_PX, _ICON_PX, Qt.AspectRatioMode.KeepAspectRatio)
    return pixmap


def render_label(label: QLabel, values: Mapping[str, object], name: str) -> bool:
    """Show property ``name`` of a label; False if it is not a label property."""
    if name == "text":
        text = str(values["text"])
        label.setTextFormat(text_format(text))
        html = label.textFormat() == Qt.TextFormat.RichText
        label.setWordWrap(html)
        if not html and label.width() > 0:  # Swing cuts a long line with "..."
            metrics = label.fontMetrics()
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, label.width())
        label.setText(text)
    elif name in _ALIGN:
        h, v = (int(values[key]) for key in _ALIGN)  # type: ignore[call-overload]
        label.setAlignment(alignment(h, v))
    elif name == "font":
        label.setFont(to_qfont(str(values["font"])))
        render_label(label, values, "text")  # the cut depends on the font
    elif name == "path":
        pixmap = icon(values["path"])
        if pixmap is None:
            label.clear()
            render_label(label, values, "text")
        else:
            label.setPixmap(pixmap)
    elif name in ("foreground", "background", "fillBackground"):
        filled = values.get("fillBackground") and values.get("background")
        label.setStyleSheet(
            style_sheet(values, str(values["background"]) if filled else "")
        )
    else:
        # Stored, not drawn: where the text sits relative to an icon.
        return name in ("horizontalTextPosition", "verticalTextPosition", "iconTextGap")
    return True


def render_button(button: QPushButton, values: Mapping[str, object], name: str) -> bool:
    """Show property ``name`` of a button; False if it is not a button property."""
    if name == "text":
        _button_text(button, str(values["text"]))
    elif name == "font":
        button.setFont(to_qfont(str(values["font"])))
    elif name == "path":
        pixmap = icon(values["path"])
        button.setIcon(QIcon(pixmap) if pixmap is not None else QIcon())
    elif name in ("foreground", "background", "buttonBG"):
        # buttonBG is what Ignition stores; a window.yaml may say background.
        fill = values.get("buttonBG") or values.get("background") or ""
        button.setStyleSheet(style_sheet(values, str(fill)))
    else:
        return name == "horizontalAlignment"
    return True


def _button_text(button: QPushButton, text: str) -> None:
    """Plain text on the button; ``<html>`` text in a rich-text label on it."""
    html = button.findChild(QLabel, "VisionButtonHtml")
    if text_format(text) == Qt.TextFormat.PlainText:
        button.setText(text)
        if html is not None:
            html.hide()
        return
    button.setText("")
    if html is None:
        html = QLabel(button)
        html.setObjectName("VisionButtonHtml")
        html.setTextFormat(Qt.TextFormat.RichText)
        html.setAlignment(Qt.AlignmentFlag.AlignCenter)
        html.setWordWrap(True)
        html.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(button)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(html)
    html.setText(text)
    html.show()
