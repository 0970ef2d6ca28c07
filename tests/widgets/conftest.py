"""Fixtures for Vision component tests: a client with windows and printed dialogs."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from visionsim.app.dialogs import HeadlessDialogs
from visionsim.widgets import WindowManager

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime import ClientSession, Project, Simulation

MAIN = """
title: Main
openOnStartup: true
size: [400, 300]
rootContainer:
  customProperties:
    results: {type: str, value: ""}
    count: {type: int, value: 0}
  components:
    - type: Label
      name: Status
      bounds: [10, 10, 200, 24]
      props: {text: Idle}
    - type: Button
      name: Start
      bounds: [10, 40, 100, 30]
      props: {text: Start}
      events:
        actionPerformed: |
          event.source.parent.getComponent("Status").text = "Clicked"
    - type: Container
      name: Group
      bounds: [10, 80, 300, 150]
      components:
        - type: TextField
          name: Input
          bounds: [0, 0, 150, 24]
        - type: CheckBox
          name: Check
          bounds: [0, 30, 150, 24]
          props: {text: Agree}
        - type: ProgressBar
          name: Progress
          bounds: [0, 60, 150, 20]
        - type: NumericTextField
          name: Number
          bounds: [0, 90, 150, 24]
        - type: TextArea
          name: Notes
          bounds: [160, 0, 130, 80]
        - type: Table
          name: Orders
          bounds: [160, 90, 130, 60]
          props:
            data: {columns: [id, qty], rows: [[1, 5], [2, 7]]}
"""


@pytest.fixture
def vision_project(make_project: Callable[..., Project], tmp_path: object) -> Project:
    from pathlib import Path

    from tests.conftest import write_project
    from visionsim.runtime import load_project

    root = Path(str(tmp_path)) / "vision"
    folder = write_project(root, "Vis")
    window = folder / "com.inductiveautomation.vision/windows/Main/window.yaml"
    window.parent.mkdir(parents=True)
    window.write_text(MAIN)
    return load_project(folder)


@pytest.fixture
def answers() -> dict[str, str]:
    return {}


@pytest.fixture
def vision_client(
    sim: Simulation, vision_project: Project, answers: dict[str, str]
) -> ClientSession:
    """A client whose startup window (Main) is open, with printed dialogs."""

    def setup(client: ClientSession) -> None:
        client.vision.windows = WindowManager(client)
        client.vision.dialogs = HeadlessDialogs(sim.output, answers)

    sim.client_setup = setup
    return sim.open_project(vision_project)


@pytest.fixture
def window_client(
    sim: Simulation, tmp_path: object
) -> Callable[[str], tuple[ClientSession, list[object]]]:
    """A client of a one-window project (window ``W``) whose scripts share ``log``.

    ``window_client(yaml)`` writes ``yaml`` as the window and starts the client;
    returns it and the ``log`` list the window's scripts append to.
    """
    from pathlib import Path

    from tests.conftest import write_project
    from visionsim.runtime import load_project

    def make(window_yaml: str) -> tuple[ClientSession, list[object]]:
        folder = write_project(Path(str(tmp_path)) / "window_client", "W")
        window = folder / "com.inductiveautomation.vision/windows/W/window.yaml"
        window.parent.mkdir(parents=True)
        window.write_text(window_yaml)
        log: list[object] = []

        def setup(client: ClientSession) -> None:
            client.vision.windows = WindowManager(client)
            client.vision.dialogs = HeadlessDialogs(sim.output, {})
            client.scope.builtins["log"] = log

        sim.client_setup = setup
        return sim.open_project(load_project(folder)), log

    return make
