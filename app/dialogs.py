"""Dialogs for ``system.gui``: modal Qt dialogs in the app, printed ones headless.

Headless runs never block on a dialog (docs/DESIGN.md section 4): each prints as
``[messageBox] Title: text`` (and alike) in order with the script's output and
is answered from ``--answer KIND=VALUE`` or a default (confirm → yes, input →
empty text).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from visionsim.runtime import OutputSink

YES = ("yes", "y", "true", "1", "ok")
NO = ("no", "n", "false", "0")


class HeadlessDialogs:
    """Prints each dialog and answers it from ``answers`` (``confirm``, ``input``)."""

    def __init__(self, output: OutputSink, answers: dict[str, str]) -> None:
        self._output = output
        self._answers = {k.lower(): v for k, v in answers.items()}

    def message(self, kind: str, message: str, title: str) -> None:
        """Print ``[messageBox] Title: text``."""
        self._output.write(f"[{kind}] {title}: {message}\n")

    def confirm(self, message: str, title: str, allow_cancel: bool) -> bool | None:
        """Print the question and answer yes, no or (if allowed) cancel."""
        answer = self._answers.get("confirm", "yes").strip().lower()
        result: bool | None = True
        if answer in NO:
            result = False
        elif answer == "cancel" and allow_cancel:
            result = None
        shown = {True: "yes", False: "no", None: "cancel"}[result]
        self._output.write(f"[confirm] {title}: {message} -> {shown}\n")
        return result

    def input(self, message: str, default_text: str) -> str | None:
        """Print the prompt and answer with ``--answer input=…`` (default: empty)."""
        answer = self._answers.get("input", "")
        self._output.write(f"[inputBox] Input: {message} -> {answer!r}\n")
        return answer


class QtDialogs:
    """Modal Qt dialogs: ``exec()`` runs a nested event loop, as Swing does.

    The dialog classes are imported on first use: PySide6 builds their enums
    when they load, and most runs never open a dialog.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent

    def message(self, kind: str, message: str, title: str) -> None:
        """A modal message box of the right icon."""
        from PySide6.QtWidgets import QMessageBox

        icon = {
            "warningBox": QMessageBox.Icon.Warning,
            "errorBox": QMessageBox.Icon.Critical,
        }.get(kind, QMessageBox.Icon.Information)
        box = QMessageBox(
            icon, title, message, QMessageBox.StandardButton.Ok, self._parent
        )
        box.exec()

    def confirm(self, message: str, title: str, allow_cancel: bool) -> bool | None:
        """Yes / No (/ Cancel)."""
        from PySide6.QtWidgets import QMessageBox

        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        if allow_cancel:
            buttons |= QMessageBox.StandardButton.Cancel
        box = QMessageBox(
            QMessageBox.Icon.Question, title, message, buttons, self._parent
        )
        choice = box.exec()
        if choice == QMessageBox.StandardButton.Yes:
            return True
        if choice == QMessageBox.StandardButton.No:
            return False
        return None

    def input(self, message: str, default_text: str) -> str | None:
        """A text prompt; None when cancelled."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        text, ok = QInputDialog.getText(
            self._parent, "Input", message, QLineEdit.EchoMode.Normal, default_text
        )
        return text if ok else None
