"""Window scripts are Jython too; one that does not compile fails only when it runs."""

from __future__ import annotations

import json
import textwrap
from typing import TYPE_CHECKING

from visionsim.app.runner import headless_client_setup
from visionsim.runtime import load_project
from visionsim.runtime.windows import WINDOWS

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from visionsim.runtime import Simulation

WINDOW = """
title: Main
rootContainer:
  components:
    - type: Button
      name: Go
      bounds: [0, 0, 80, 30]
      events:
        actionPerformed: |
          counts = {"a": 7}
          print "go", counts.keys()[0], counts["a"] / 2
    - type: Button
      name: Broken
      bounds: [0, 40, 80, 30]
      events:
        actionPerformed: |
          x = 1
          if x
              print "never"
"""


def test_broken_window_script_fails_when_clicked_and_the_rest_works(
    make_sim: Callable[..., Simulation], tmp_path: Path
) -> None:
    root = tmp_path / "Proj"
    (root / WINDOWS / "Main").mkdir(parents=True)
    (root / "project.json").write_text(json.dumps({"title": "Proj"}))
    (root / WINDOWS / "Main" / "window.yaml").write_text(textwrap.dedent(WINDOW))
    project = load_project(root)
    [problem] = project.script_errors
    assert (problem.path.name, problem.line) == ("window.yaml", 18)

    sim = make_sim()
    sim.client_setup = headless_client_setup(sim, {})
    client = sim.open_project(project)
    assert client.vision.windows is not None
    window = client.vision.windows.open_window("Main", None)
    window.component("Go").doClick()
    window.component("Broken").doClick()
    window.component("Go").doClick()
    texts = [line.text for line in sim.output.history()]
    assert texts.count("go a 3\n") == 2
    [report] = sim.errors.reports()
    assert report.exc_type == "SyntaxError"
    assert str(report.location) == "Main/Root Container/Broken.actionPerformed, line 2"
