"""Where the app puts a client's windows: inside the desktop, as Ignition would."""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.conftest import SAMPLES, write_project
from visionsim.app.client_desktop import ClientDesktop
from visionsim.app.main_window import MainWindow
from visionsim.runtime.windows import WINDOWS

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession
    from visionsim.runtime.windows import ComponentSpec
    from visionsim.widgets import VisionWindow, WindowManager

REMOTES = {"GatewayNetwork": {"Plant2": SAMPLES / "GatewayNetwork/remote/PlantData"}}
SIZES = {"default": None, "1280x1024": (1280, 1024)}


def _specs(spec: ComponentSpec) -> Iterator[ComponentSpec]:
    yield spec
    for child in spec.components:
        yield from _specs(child)


def _buttons(window: VisionWindow, pattern: str) -> list[str]:
    """Paths of the components whose actionPerformed matches ``pattern``."""
    return [
        spec.path
        for spec in _specs(window.spec.root)
        if re.search(pattern, spec.events.get("actionPerformed", ""))
    ]


def _open_app(
    qtbot: QtBot, tmp_path: Path, project: Path, remotes: dict[str, Path], size: object
) -> MainWindow:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    app = MainWindow(project, remotes, settings=settings)
    qtbot.addWidget(app)
    if isinstance(size, tuple):
        app.resize(*size)
    app.show()
    qtbot.waitExposed(app)
    return app


def _desktop(app: MainWindow) -> ClientDesktop:
    desktop = app.tabs.currentWidget()
    assert isinstance(desktop, ClientDesktop)
    return desktop


def _fully_visible(app: MainWindow, window: VisionWindow) -> bool:
    frame = window.widget.parentWidget()
    area = _desktop(app).viewport().rect()
    return frame is not None and frame.isVisible() and area.contains(frame.geometry())


def _windows(client: ClientSession | None) -> WindowManager:
    assert client is not None
    return client.vision.windows  # type: ignore[return-value]


def _click_and_wait(
    qtbot: QtBot, app: MainWindow, window: VisionWindow, path: str
) -> VisionWindow:
    windows = _windows(app.current_client())
    qtbot.mouseClick(window.components[path].widget, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: windows.current_window() is not window)
    current = windows.current_window()
    assert current is not None
    return current


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("project", ["ThreadingBasics", "Messaging", "GatewayNetwork"])
def test_every_lesson_window_opens_fully_visible_and_so_does_the_way_back(
    qtbot: QtBot, tmp_path: Path, project: str, size: str
) -> None:
    app = _open_app(
        qtbot, tmp_path, SAMPLES / project, REMOTES.get(project, {}), SIZES[size]
    )
    windows = _windows(app.current_client())
    [main] = windows.opened_windows()
    qtbot.waitUntil(lambda: _fully_visible(app, main))
    lessons = _buttons(main, r'swapTo\("Lessons/')
    assert len(lessons) >= 3
    for button in lessons:
        lesson = _click_and_wait(qtbot, app, main, button)
        assert lesson.path.startswith("Lessons/")
        frame = lesson.widget.parentWidget()
        assert frame is not None
        assert _fully_visible(app, lesson), (
            f"{lesson.path} at {frame.geometry()} is not inside the desktop "
            f"{_desktop(app).viewport().rect()}"
        )
        [back] = _buttons(lesson, r'swapTo\("Main"\)')
        main = _click_and_wait(qtbot, app, lesson, back)
        assert main.path == "Main"
        assert _fully_visible(app, main), f"Main after {lesson.path}"
        assert len(_desktop(app).subWindowList()) == 1


WINDOW = """
    title: {title}
    openOnStartup: {startup}
    startMaximized: {maximized}
    size: [300, 200]
    rootContainer:
      components:
        - type: Label
          name: Status
          bounds: [10, 10, 200, 20]
          props: {{text: {title}}}
"""


@pytest.fixture
def small_app(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    windows = {
        "Main": WINDOW.format(title="Main", startup="true", maximized="false"),
        "Popup": WINDOW.format(title="Popup", startup="false", maximized="false"),
        "Big": WINDOW.format(title="Big", startup="false", maximized="true"),
    }
    project = write_project(tmp_path, "Places")
    for path, text in windows.items():
        folder = project / WINDOWS / path
        folder.mkdir(parents=True)
        (folder / "window.yaml").write_text(textwrap.dedent(text))
    app = _open_app(qtbot, tmp_path, project, {}, None)
    [main] = _windows(app.current_client()).opened_windows()
    qtbot.waitUntil(lambda: _fully_visible(app, main))
    return app


def test_swap_to_puts_the_new_window_where_the_old_one_was(
    small_app: MainWindow,
) -> None:
    client = small_app.current_client()
    assert client is not None
    [main] = _windows(client).opened_windows()
    frame = main.widget.parentWidget()
    assert frame is not None
    frame.move(120, 70)  # the user dragged it
    client.run_script('system.nav.swapTo("Popup")', "test")
    [popup] = _windows(client).opened_windows()
    popup_frame = popup.widget.parentWidget()
    assert popup.path == "Popup"
    assert popup_frame is not None
    assert popup_frame.pos().toTuple() == (120, 70)


def test_swap_from_a_maximized_window_stays_maximized(small_app: MainWindow) -> None:
    client = small_app.current_client()
    assert client is not None
    client.run_script('system.nav.swapTo("Big")', "test")
    [big] = _windows(client).opened_windows()
    frame = big.widget.parentWidget()
    assert frame is not None
    assert frame.isMaximized()
    assert frame.size() == _desktop(small_app).viewport().size()
    client.run_script('system.nav.swapTo("Popup")', "test")
    [popup] = _windows(client).opened_windows()
    popup_frame = popup.widget.parentWidget()
    assert popup_frame is not None
    assert popup_frame.isMaximized()  # it takes the old one's state


def test_open_window_cascades_inside_the_visible_area(small_app: MainWindow) -> None:
    client = small_app.current_client()
    assert client is not None
    [main] = _windows(client).opened_windows()
    main_frame = main.widget.parentWidget()
    assert main_frame is not None
    main_frame.move(10_000, 10_000)  # far out, as a bad drag might leave it
    client.run_script('system.nav.openWindow("Popup")', "test")
    popup = _windows(client).opened_windows()[-1]
    assert popup.path == "Popup"
    assert _fully_visible(small_app, popup)
    frame = popup.widget.parentWidget()
    assert frame is not None
    assert frame.pos() != main_frame.pos()
