"""A decoded window runs like a sample project's: async work, invokeLater, timeline.

The project is written in the test by the test encoder (window.bin and the
gateway's data.bin, as Ignition stores them); nothing binary is committed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.conftest import run_main
from tests.runtime.resources.encoder import (
    arraylist,
    document,
    hashmap,
    i,
    leaf,
    obj,
    s,
)
from tests.runtime.resources.projects import (
    FPMI,
    GATEWAY_EVENTS,
    Comp,
    Ids,
    component,
    custom_props,
    gateway_events,
    template_path,
    window,
    window_path,
    write_project,
)
from visionsim.runtime.resources.values import Floats, Raw

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

# Ignition writes Python 2-compatible scripts; this one is valid Python 3 too.
BUTTON = """\
root = event.source.parent
def work():
    result = system.util.sendRequest(project, "double", {"n": 21})
    def back():
        root.getComponent("Status").text = "Done %s" % result
    system.util.invokeLater(back)
system.util.invokeAsynchronous(work, description="binary work")
"""
HANDLER = "def handleMessage(payload):\n\treturn payload['n'] * 2\n"
OPENED = "event.source.rootContainer.getComponent('Status').text = 'Opened'"


SHOUT = "def shout(self, text):\n\tself.text = text.upper()\n\treturn len(text)\n"


def _project(tmp_path: Path) -> Path:
    methods = hashmap([(s("shout"), s(SHOUT))])
    status = Comp(
        "Label",
        "Status",
        (10, 10, 300, 24),
        calls=[
            ("setText", [s("")]),
            ("setHorizontalAlignment", [i(0)]),
            ("putClientProperty", [s("vision.custom.functions"), methods]),
        ],
    )
    start = Comp(
        "Button",
        "Start",
        (10, 50, 120, 32),
        calls=[("setText", [s("<html>Start<br>work</html>")])],
        events={"action.actionPerformed": BUTTON.replace("project", '"Proj"')},
    )
    shape = Comp("com.example.ThirdPartyGauge", "Gauge", (10, 90, 50, 50))
    doc = window(
        "Main",
        [status, start, shape],
        window_events={"visionWindow.visionWindowOpened": OPENED},
    )
    resources = {
        window_path("Main"): doc,
        GATEWAY_EVENTS: gateway_events(handlers={"double": (None, HANDLER)}),
    }
    return write_project(tmp_path / "Proj", resources)


def test_decoded_button_runs_async_work_and_invoke_later(
    vision_client: Callable[..., object], tmp_path: Path
) -> None:
    client = vision_client(_project(tmp_path))
    windows = client.client.project.windows  # type: ignore[attr-defined]
    assert windows.loaded() == {}  # a started client has decoded no window yet
    window = client.open_window("Main")  # type: ignore[attr-defined]
    assert window.component("Status").text == "Opened"  # visionWindowOpened ran
    window.click("Start")
    client.wait_idle(timeout=5)  # type: ignore[attr-defined]
    # strict client: a write from the worker thread would have failed the test
    assert window.component("Status").text == "Done 42"
    events = client.sim.tracer.events()  # type: ignore[attr-defined]
    tasks = [e.name for e in events if e.category == "task" and e.phase in "BE"]
    assert tasks.count("work") == 2  # the async task began and ended on the timeline


def test_unsimulated_class_is_a_placeholder_scripts_can_use(
    vision_client: Callable[..., object], tmp_path: Path
) -> None:
    client = vision_client(_project(tmp_path))
    window = client.open_window("Main")  # type: ignore[attr-defined]
    gauge = window.component("Gauge")
    assert gauge.ignition_class == "com.example.ThirdPartyGauge"
    assert gauge.widget.isVisibleTo(gauge.widget.window())
    client.run_script(  # type: ignore[attr-defined]
        "w = system.gui.getWindow('Main')\n"
        "g = w.rootContainer.getComponent('Gauge')\n"
        "g.visible = False\n"
        "g.setPropertyValue('visible', True)\n"
    )
    client.wait_idle(timeout=5)  # type: ignore[attr-defined]
    assert gauge.visible is True


def test_html_text_renders_as_html_on_buttons_and_labels(
    vision_client: Callable[..., object], tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QLabel

    client = vision_client(_project(tmp_path))
    window = client.open_window("Main")  # type: ignore[attr-defined]
    button = window.component("Start").widget
    assert button.text() == ""  # not the raw tags
    html = button.findChild(QLabel, "VisionButtonHtml")
    assert html is not None
    assert html.textFormat().name == "RichText"
    assert "<br>" in html.text()
    status = window.component("Status")
    status.text = "<b>not html</b>"  # Swing: only a leading <html> means HTML
    assert status.widget.textFormat().name == "PlainText"
    assert status.widget.wordWrap() is False
    status.text = "<html>line one<br>line two"
    assert status.widget.textFormat().name == "RichText"


def test_custom_methods_are_callable_with_self(
    vision_client: Callable[..., object], tmp_path: Path
) -> None:
    client = vision_client(_project(tmp_path))
    window = client.open_window("Main")  # type: ignore[attr-defined]
    client.run_script(  # type: ignore[attr-defined]
        "label = system.gui.getWindow('Main').rootContainer.getComponent('Status')\n"
        "label.toolTipText = str(label.shout('quiet'))\n"
    )
    status = window.component("Status")
    assert (status.text, status.toolTipText) == ("QUIET", "5")


def test_stored_ignition_properties_of_simulated_components_are_scriptable(
    vision_client: Callable[..., object], tmp_path: Path
) -> None:
    client = vision_client(_project(tmp_path))
    window = client.open_window("Main")  # type: ignore[attr-defined]
    client.run_script(  # type: ignore[attr-defined]
        "label = system.gui.getWindow('Main').rootContainer.getComponent('Status')\n"
        "label.horizontalAlignment = label.horizontalAlignment + 2\n"
    )
    assert window.component("Status").horizontalAlignment == 2


def _template_project(tmp_path: Path) -> Path:
    message = Comp("Label", "Msg", (5, 5, 100, 20), calls=[("setText", [s("Hi")])])
    params = custom_props(
        {"caption": ("str", s("none")), "count": ("I", i(1))},
        f"{FPMI}.components.template.PublicCustomProperty",
    )
    template = document(
        obj(
            f"{FPMI}.components.template.VisionTemplate",
            [
                ("setDynamicProps", [params]),
                (
                    "setChildrenForSerialization",
                    [arraylist([component(message, Ids())])],
                ),
            ],
            kind="c",
            comm=[
                leaf("p2df", Floats((120.0, 40.0))),
                leaf("r2dd", Floats((0.0, 0.0, 120.0, 40.0))),
                s("Card"),
                leaf("lc", Raw(b"\x12\x00\x00\x02\x10\x00")),
            ],
        )
    )
    values = hashmap([(s("caption"), s("Line 1")), (s("count"), s("not a number"))])
    holders = [
        Comp(
            "Holder",
            name,
            (10, 10 + 50 * n, 120, 40),
            calls=[("setTemplatePath", [s(path)]), ("setParameterValues", [values])],
        )
        for n, (name, path) in enumerate((("Card1", "Cards/Card"), ("Gone", "Nope")))
    ]
    resources = {
        window_path("Main"): window("Main", holders),
        template_path("Cards/Card"): template,
    }
    return write_project(tmp_path / "Tpl", resources)


def test_template_holders_show_their_template_with_its_parameters(
    vision_client: Callable[..., object], tmp_path: Path
) -> None:
    client = vision_client(_template_project(tmp_path), strict=False)
    window = client.open_window("Main")  # type: ignore[attr-defined]
    card = window.component("Card1")
    assert window.component("Card1/Msg").text == "Hi"
    assert card.caption == "Line 1"  # the holder's parameter value
    assert card.count == 1  # a value of the wrong type keeps the template's
    card.caption = "changed"
    assert card.getPropertyValue("caption") == "changed"
    missing = window.component("Gone")  # an unknown template: a placeholder
    assert missing.ignition_class.endswith("TemplateHolder")


def test_main_py_run_drives_a_decoded_window_headless(tmp_path: Path) -> None:
    project = _project(tmp_path)
    script = tmp_path / "click.py"
    script.write_text(
        "w = system.nav.openWindow('Main')\n"
        "w.rootContainer.getComponent('Start').doClick()\n"
        "def report():\n"  # polls on the GUI thread until the work is back
        "    text = w.rootContainer.getComponent('Status').text\n"
        "    if text.startswith('Done'):\n"
        "        print(text)\n"
        "    else:\n"
        "        system.util.invokeLater(report, 20)\n"
        "system.util.invokeLater(report)\n"
    )
    code, out, err = run_main("run", str(script), "--project", str(project), "--strict")
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "Done 42"
