"""system.gui dialogs (printed and answered headless) and system.nav."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.conftest import run

if TYPE_CHECKING:
    from visionsim.runtime import ClientSession, Simulation


def _printed(sim: Simulation) -> list[str]:
    return [line.text for line in sim.output.history() if line.text.startswith("[")]


def test_message_boxes_print_title_and_text(
    sim: Simulation, vision_client: ClientSession
) -> None:
    run(
        vision_client,
        """
        system.gui.messageBox("Saved")
        system.gui.warningBox("Careful", "Heads up")
        system.gui.errorBox("Broken")
        system.vision.showMessage("New name")
        """,
    )
    assert _printed(sim) == [
        "[messageBox] Information: Saved\n",
        "[warningBox] Heads up: Careful\n",
        "[errorBox] Error: Broken\n",
        "[messageBox] Information: New name\n",
    ]


def test_confirm_and_input_default_answers(
    sim: Simulation, vision_client: ClientSession
) -> None:
    run(
        vision_client,
        """
        assert system.gui.confirm("Delete?") is True
        assert system.gui.inputBox("Name?", "bob") == ""
        assert system.vision.showConfirm("Sure?", "Q") is True
        """,
    )
    assert _printed(sim)[0] == "[confirm] Confirm: Delete? -> yes\n"


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"confirm": "no", "input": "abc"}, (False, "abc")),
        ({"confirm": "cancel"}, (None, "")),
    ],
)
def test_answers_come_from_the_command_line(
    sim: Simulation,
    vision_client: ClientSession,
    answers: dict[str, str],
    expected: tuple[object, str],
) -> None:
    got: list[object] = []
    run(
        vision_client,
        """
        got.append(system.gui.confirm("Go?", "Q", True))
        got.append(system.gui.inputBox("Name?"))
        """,
        extra={"got": got},
    )
    assert tuple(got) == expected


def test_navigation(sim: Simulation, vision_client: ClientSession) -> None:
    run(
        vision_client,
        """
        assert system.nav.getCurrentWindow() == "Main"
        assert system.gui.getOpenedWindowNames() == ("Main",)
        w = system.gui.getWindow("Main")
        assert w.path == "Main" and w.name == "Main"
        system.nav.closeWindow("Main")
        assert system.gui.getOpenedWindowNames() == ()
        assert system.nav.getCurrentWindow() is None
        w = system.nav.openWindow("Main", {"count": 2})
        assert w.rootContainer.count == 2
        w2 = system.nav.swapTo("Main", {"count": 3})
        assert w2.rootContainer.count == 3
        system.vision.closeWindow(w2)
        """,
    )


def test_unknown_window_names_the_nearest(vision_client: ClientSession) -> None:
    nav = vision_client.scope.system.nav
    with pytest.raises(ValueError, match="did you mean 'Main'"):
        nav.openWindow("Mian")
    with pytest.raises(ValueError, match="is not currently open"):
        vision_client.scope.system.gui.getWindow("Other")


def test_get_sibling_and_parent_window_from_an_event(
    sim: Simulation, vision_client: ClientSession
) -> None:
    assert vision_client.vision.windows is not None
    window = vision_client.vision.windows.opened_windows()[0]
    start = window.component("Start")  # type: ignore[attr-defined]
    start._scripts["actionPerformed"] = vision_client.scope.compile(
        'system.gui.getSibling(event, "Status").text = '
        "system.gui.getParentWindow(event).path\n",
        "Main/Root Container/Start.actionPerformed",
    )
    start.doClick()
    assert window.component("Status").text == "Main"  # type: ignore[attr-defined]
