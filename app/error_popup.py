"""The non-modal popup a Vision client shows when a script fails.

One popup per window, reused: a flood of errors (a failing invokeLater in a
loop) updates it instead of burying the user in dialogs. It shows the message,
where it failed, and (under Details) the traceback and where the failing work
was scheduled from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from visionsim.runtime import ErrorReport


class ErrorPopup:
    """Shows the latest script error without blocking the GUI."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent
        self._box: QMessageBox | None = None
        self._count = 0

    @property
    def box(self) -> QMessageBox | None:
        """The popup, once an error has been shown."""
        return self._box

    def show(self, report: ErrorReport) -> None:
        """Show ``report`` (non-modal). Thread: GUI only."""
        box = self._box
        if box is None or not box.isVisible():
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QMessageBox  # on the first error only

            box = QMessageBox(self._parent)
            box.setTextFormat(Qt.TextFormat.PlainText)  # "<Script Console>" is text
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle("Error running script")
            box.setModal(False)
            self._box = box
            self._count = 0
        self._count += 1
        where = f" in {report.location}" if report.location else ""
        text = f"{report.exc_type}: {report.message}{where}"
        if self._count > 1:
            text += f"\n\n({self._count - 1} earlier error(s) since this opened)"
        box.setText(text)
        box.setDetailedText(report.format())
        _monospace_details(box)
        box.show()


def _monospace_details(box: QMessageBox) -> None:
    """Details in a fixed-width font, so a SyntaxError's ``^`` points right."""
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QTextEdit

    details = box.findChild(QTextEdit)
    if details is not None:
        details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        details.setLineWrapMode(QTextEdit.LineWrapMode.NoWrap)
