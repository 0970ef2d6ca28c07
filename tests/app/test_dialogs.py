"""The app's modal dialogs for system.gui: answered here by a timer, as a user would."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from visionsim.app.dialogs import QtDialogs

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget
    from pytestqt.qtbot import QtBot


def answer_when_shown(qtbot: QtBot, answer: Callable[[QWidget], None]) -> list[str]:
    """Call ``answer(dialog)`` once the next modal dialog is up.

    Returns the list its title lands in.
    """
    seen: list[str] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(5, poll)
            return
        seen.append(dialog.windowTitle())
        try:
            answer(dialog)
        finally:
            dialog.close()  # never leave a test blocked in exec()

    QTimer.singleShot(0, poll)
    return seen


def press(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    def click(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        dialog.button(button).click()

    return click


@pytest.mark.parametrize(
    ("button", "expected"),
    [
        (QMessageBox.StandardButton.Yes, True),
        (QMessageBox.StandardButton.No, False),
        (QMessageBox.StandardButton.Cancel, None),
    ],
)
def test_confirm_returns_the_button_pressed(
    qtbot: QtBot, button: QMessageBox.StandardButton, expected: bool | None
) -> None:
    seen = answer_when_shown(qtbot, press(button))
    assert QtDialogs().confirm("Delete?", "Confirm", allow_cancel=True) is expected
    assert seen == ["Confirm"]


def test_message_box_blocks_until_ok(qtbot: QtBot) -> None:
    seen = answer_when_shown(qtbot, press(QMessageBox.StandardButton.Ok))
    QtDialogs().message("errorBox", "It broke", "Trouble")
    assert seen == ["Trouble"]


def test_input_returns_the_text_or_none_when_cancelled(qtbot: QtBot) -> None:
    def type_and_accept(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Tank 7")
        dialog.accept()

    answer_when_shown(qtbot, type_and_accept)
    assert QtDialogs().input("Name?", "default") == "Tank 7"

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.reject()

    answer_when_shown(qtbot, cancel)
    assert QtDialogs().input("Name?", "default") is None
