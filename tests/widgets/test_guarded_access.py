"""The thread guard wired into components, dialogs and navigation."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.conftest import run
from visionsim.runtime import Penalty

if TYPE_CHECKING:
    from visionsim.runtime import ClientSession, Simulation
    from visionsim.widgets import VisionWindow


def _main(client: ClientSession) -> VisionWindow:
    assert client.vision.windows is not None
    return client.vision.windows.opened_windows()[0]  # type: ignore[return-value]


def _from_worker(client: ClientSession, body: str, name: str = "Main/Go") -> None:
    """Run ``body`` inside an invokeAsynchronous task started by a script."""
    indented = "\n".join("    " + line for line in body.strip().splitlines())
    run(
        client,
        f"""
def work(root=system.gui.getWindow("Main").rootContainer):
{indented}
system.util.invokeAsynchronous(work, description="unsafe work")
""",
        name,
    )


@pytest.mark.parametrize(
    ("body", "what"),
    [
        ('root.getComponent("Status").text = "x"', "Label.text write"),
        ("x = root.getComponent", "RootContainer.getComponent()"),
        ('s = root.getComponent("Status")', "RootContainer.getComponent()"),
        ("n = root.count", "RootContainer.count read"),
        ("root.count = 5", "RootContainer.count write"),
        ("p = root.getComponents()", "RootContainer.getComponents()"),
        ('root.setPropertyValue("results", "r")', "RootContainer.setPropertyValue()"),
        ('system.gui.messageBox("hi")', "system.gui.messageBox"),
        ('system.gui.confirm("sure?")', "system.gui.confirm"),
        ('system.nav.openWindow("Main")', "system.nav.openWindow"),
        ("system.nav.getCurrentWindow()", "system.nav.getCurrentWindow"),
        ('system.gui.getWindow("Main")', "system.gui.getWindow"),
        ('system.vision.showMessage("hi")', "system.gui.messageBox"),
    ],
)
def test_gui_access_from_a_worker_is_a_violation(
    sim: Simulation, vision_client: ClientSession, body: str, what: str
) -> None:
    _from_worker(vision_client, body)
    assert sim.wait_idle(5)
    whats = [v.what for v in sim.guard.violations()]
    if what == "RootContainer.getComponent()" and body.startswith("x ="):
        assert whats == []  # only looking the method up is no access
        return
    assert what in whats
    violation = next(v for v in sim.guard.violations() if v.what == what)
    assert violation.thread.startswith("Thread-")
    assert violation.description == "unsafe work"
    assert str(violation.location).startswith("Main/Go, line ")
    assert "in work" in violation.stack
    assert violation.started_from is not None
    assert "Main/Go" in violation.started_from


def test_a_worker_write_is_still_applied_on_the_gui_thread(
    sim: Simulation, vision_client: ClientSession
) -> None:
    _from_worker(vision_client, 'root.getComponent("Status").text = "from worker"')
    assert sim.wait_idle(5)
    status = _main(vision_client).component("Status")
    assert status.text == "from worker"
    assert status.widget.text() == "from worker"


def test_gui_thread_access_is_never_a_violation(
    sim: Simulation, vision_client: ClientSession
) -> None:
    run(
        vision_client,
        """
        w = system.nav.openWindow("Main")
        root = w.rootContainer
        root.getComponent("Status").text = root.getComponent("Start").text
        root.count = root.count + 1
        for c in root.getComponents():
            c.visible = c.visible
        system.gui.messageBox("ok")
        system.util.invokeLater(lambda: setattr(root.getComponent("Status"),
                                                "text", "later"))
        """,
    )
    assert sim.wait_idle(5)
    assert sim.guard.violations() == []


def test_the_manual_example_from_a_real_button_is_safe(
    sim: Simulation, vision_client: ClientSession
) -> None:
    start = _main(vision_client).component("Start")
    start._scripts["actionPerformed"] = vision_client.scope.compile(
        """
def longProcess(rootContainer=event.source.parent):
    import system
    results = "42 rows"
    def sendBack(results=results, rootContainer=rootContainer):
        rootContainer.getComponent("Status").text = results
    system.util.invokeLater(sendBack)
system.util.invokeAsynchronous(longProcess)
""",
        "Main/Root Container/Start.actionPerformed",
    )
    start.doClick()
    assert sim.wait_idle(5)
    assert _main(vision_client).component("Status").text == "42 rows"
    assert sim.guard.violations() == []


def test_raise_penalty_stops_the_worker_at_the_access(
    sim: Simulation, vision_client: ClientSession
) -> None:
    sim.guard.penalty = Penalty.RAISE
    _from_worker(vision_client, 'root.getComponent("Status").text = "x"')
    assert sim.wait_idle(5)
    [report] = sim.errors.reports()
    assert report.exc_type == "ThreadViolationError"
    assert _main(vision_client).component("Status").text == "Idle"


def test_identical_violations_are_counted(
    sim: Simulation, vision_client: ClientSession
) -> None:
    _from_worker(
        vision_client,
        """
for i in range(5):
    root.count = i
""",
    )
    assert sim.wait_idle(5)
    [violation] = sim.guard.violations()
    assert violation.count == 5
    assert _main(vision_client).getRootContainer().count == 4
