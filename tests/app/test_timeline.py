"""The thread timeline shows which thread ran what: tasks, GUI calls, stalls."""

from __future__ import annotations

import json
import re
import textwrap
import threading
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, Qt

from visionsim.app.timeline import TimelineWidget
from visionsim.app.timeline_model import TimelineModel
from visionsim.runtime import GUI_LANE, GUI_THREAD_NAME, Tracer

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from visionsim.app.timeline_model import TimelineItem
    from visionsim.runtime import ClientSession, Simulation

BUTTON = "Main/Root Container/Start.actionPerformed"

# The manual's invokeAsynchronous example: slow work on a task, then the
# result handed back to the GUI thread with invokeLater.
EXAMPLE = """
from java.lang import Thread

def longProcess():
    import system
    Thread.sleep(30)  # stands for a slow query
    results = [1, 2, 3]

    def sendBack(results=results):
        print("sendBack got %d rows" % len(results))

    system.util.invokeLater(sendBack)

system.util.invokeAsynchronous(longProcess, description="load")
"""


@pytest.fixture
def widget(qtbot: QtBot, sim: Simulation) -> TimelineWidget:
    timeline = TimelineWidget(sim)
    qtbot.addWidget(timeline)
    timeline.resize(1100, 400)
    timeline.show()
    qtbot.waitExposed(timeline)
    return timeline


def run_on_gui(
    client: ClientSession, source: str, extra: dict[str, object] | None = None
) -> None:
    assert client.run_script(textwrap.dedent(source), BUTTON, extra)


def run_example(client: ClientSession, widget: TimelineWidget) -> None:
    run_on_gui(client, EXAMPLE)
    assert client.sim.wait_idle(5)
    widget.refresh()


def only(items: list[TimelineItem], **fields: object) -> TimelineItem:
    found = [i for i in items if all(getattr(i, k) == v for k, v in fields.items())]
    assert len(found) == 1, found
    return found[0]


def send_back_run(widget: TimelineWidget) -> TimelineItem:
    runs = [
        i for i in widget.items() if i.kind == "span" and i.name.endswith("sendBack")
    ]
    assert len(runs) == 1, runs
    return runs[0]


def test_long_process_spans_its_task_lane(
    widget: TimelineWidget, client: ClientSession
) -> None:
    run_example(client, widget)
    task = only(widget.items(), name="longProcess")
    assert task.kind == "span"
    assert task.category == "task"
    assert re.fullmatch(r"Thread-\d+: load", task.lane_name)
    assert task.end_ns is not None
    assert task.end_ns - task.start_ns >= 30_000_000
    assert task.lane_name in widget.lane_names()


def test_send_back_runs_on_the_gui_lane_posted_from_the_task(
    widget: TimelineWidget, client: ClientSession
) -> None:
    run_example(client, widget)
    run = send_back_run(widget)
    assert run.lane_name == GUI_THREAD_NAME == "AWT-EventQueue-0"
    assert run.category == "invokeLater"
    post = only(widget.items(), kind="post", flow_id=run.flow_id)
    task = only(widget.items(), name="longProcess")
    assert post.lane == task.lane
    assert task.start_ns <= post.start_ns <= run.start_ns


def test_gui_lane_comes_first_then_client_tasks_then_gateway(
    widget: TimelineWidget, client: ClientSession
) -> None:
    run_example(client, widget)
    widget.fit()
    names = widget.lane_names()
    assert names[0] == "AWT-EventQueue-0"
    task_lane = next(n for n in names if n.endswith(": load"))
    gateway_lanes = [n for n in names if n.startswith("gateway-")]
    assert gateway_lanes, names  # the gateway startup script ran on one
    assert names.index(task_lane) < names.index(gateway_lanes[0])


def test_clicking_send_back_shows_where_it_ran(
    qtbot: QtBot, widget: TimelineWidget, client: ClientSession
) -> None:
    run_example(client, widget)
    run = send_back_run(widget)
    assert run.end_ns is not None
    widget.set_view(run.start_ns - 500_000, run.end_ns + 500_000)
    rect = widget.item_rect(run)
    assert rect is not None
    centre = rect.center().toPoint()
    assert widget.item_at(centre) == run
    with qtbot.waitSignal(widget.item_selected) as selected:
        qtbot.mouseClick(widget.view, Qt.MouseButton.LeftButton, pos=centre)
    assert selected.args == [run]
    assert widget.selected_item() == run
    details = widget.details_text()
    assert "AWT-EventQueue-0" in details
    assert "sendBack" in details
    assert "posted from: Thread-" in details


def test_clicking_empty_space_clears_the_selection(
    qtbot: QtBot, widget: TimelineWidget, client: ClientSession
) -> None:
    run_example(client, widget)
    widget.select(send_back_run(widget))
    empty = QPoint(widget.view.width() - 2, widget.view.height() - 2)
    assert widget.item_at(empty) is None
    qtbot.mouseClick(widget.view, Qt.MouseButton.LeftButton, pos=empty)
    assert widget.selected_item() is None
    assert "Click an item" in widget.details_text()


def test_a_busy_gui_script_shows_as_a_stall(
    widget: TimelineWidget, client: ClientSession
) -> None:
    run_on_gui(
        client,
        """
        import time
        end = time.time() + 0.08
        while time.time() < end:
            pass  # busy on the GUI thread: the window freezes
        """,
    )
    assert client.sim.wait_idle(5)
    widget.refresh()
    stalls = [i for i in widget.items() if i.kind == "stall"]
    stall = only(stalls, name=f"long task: {BUTTON}")  # level, then the script
    assert stall.lane == GUI_LANE
    assert stall.end_ns is not None
    assert stall.end_ns - stall.start_ns >= 50_000_000
    assert widget.item_rect(stall) is not None
    widget.select(stall)
    assert "GUI-thread stall" in widget.details_text()


def test_a_gui_write_from_a_task_marks_a_violation_on_its_lane(
    widget: TimelineWidget, client: ClientSession, sim: Simulation
) -> None:
    run_on_gui(
        client,
        """
        def unsafe():
            guard.check("Label.text write")  # what a component property does
        system.util.invokeAsynchronous(unsafe, description="unsafe")
        """,
        {"guard": sim.guard},
    )
    assert sim.wait_idle(5)
    widget.refresh()
    violation = only(widget.items(), kind="violation")
    assert violation.name == "Label.text write"
    assert re.fullmatch(r"Thread-\d+: unsafe", violation.lane_name)
    rect = widget.item_rect(violation)
    assert rect is not None
    assert widget.item_at(rect.center().toPoint()) == violation


def test_a_running_task_is_drawn_open_and_closes_when_it_ends(
    qtbot: QtBot, widget: TimelineWidget, client: ClientSession, sim: Simulation
) -> None:
    gate = threading.Event()
    try:
        run_on_gui(
            client,
            """
            def waitForGate():
                gate.wait(10)
            system.util.invokeAsynchronous(waitForGate, description="gated")
            """,
            {"gate": gate},
        )
        found: list[TimelineItem] = []

        def task_is_running() -> None:
            widget.refresh()
            found[:] = [i for i in widget.items() if i.name == "waitForGate"]
            assert len(found) == 1
            assert found[0].is_running

        qtbot.waitUntil(task_is_running, timeout=5000)
        running = found[0]
        assert running.end_ns is None

        def drawn_from_start_to_now() -> None:
            # Spans are at least 2 px wide, so a task seen within its first
            # few ms (2 px = 7 ms at the default 3 s view) is drawn at the
            # minimum: wait until it has grown past it, then check the end.
            widget.refresh()
            before = sim.tracer.now()
            rect = widget.item_rect(running)
            after = sim.tracer.now()
            assert rect is not None
            assert rect.width() > 10
            x_of = widget.view.x_of
            assert rect.left() == pytest.approx(x_of(running.start_ns))
            assert x_of(before) - 0.01 <= rect.right() <= x_of(after) + 0.01

        qtbot.waitUntil(drawn_from_start_to_now, timeout=5000)
        widget.select(running)
        assert "still running" in widget.details_text()
    finally:
        gate.set()
    assert sim.wait_idle(5)
    widget.refresh()
    ended = only(widget.items(), name="waitForGate")
    assert ended.seq == running.seq
    assert ended.end_ns is not None
    assert widget.selected_item() == ended
    assert "duration" in widget.details_text()


def test_zoom_narrows_the_view_around_the_anchor(widget: TimelineWidget) -> None:
    widget.set_view(0, 1_000_000_000)
    assert not widget.is_following()
    assert widget.view_range() == (0, 1_000_000_000)
    widget.zoom(4)
    start, end = widget.view_range()
    assert end - start == pytest.approx(250_000_000, abs=2)
    assert (start + end) / 2 == pytest.approx(500_000_000, abs=2)
    widget.zoom(2, anchor_ns=start)
    assert widget.view_range()[0] == pytest.approx(start, abs=2)
    assert widget.view_range()[1] - widget.view_range()[0] == pytest.approx(
        125_000_000, abs=2
    )
    widget.zoom(0.5)
    assert widget.view_range()[1] - widget.view_range()[0] == pytest.approx(
        250_000_000, abs=2
    )


def test_follow_keeps_now_in_view_until_the_user_pans(
    qtbot: QtBot, widget: TimelineWidget, sim: Simulation
) -> None:
    assert widget.is_following()
    before = sim.tracer.now()
    widget.refresh()
    assert widget.view_range()[1] >= before
    widget.set_view(0, 1_000)  # far in the past (and clamped to 20 µs)
    assert not widget.is_following()
    before = sim.tracer.now()
    widget.follow_button.click()
    assert widget.is_following()
    assert widget.view_range()[1] >= before
    view = widget.view
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(600, 200))
    qtbot.mouseMove(view, QPoint(700, 200))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(700, 200))
    assert not widget.is_following()


def test_export_writes_chrome_trace_json(
    tmp_path: Path, widget: TimelineWidget, client: ClientSession
) -> None:
    run_example(client, widget)
    path = tmp_path / "trace.json"
    count = widget.export(str(path))
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert len(doc["traceEvents"]) == count > 0
    names = {event["name"] for event in doc["traceEvents"]}
    assert "longProcess" in names
    assert any(name.endswith("sendBack") for name in names)


def test_the_model_keeps_the_newest_items_within_its_bound() -> None:
    tracer = Tracer()
    tracer.name_lane(GUI_LANE, "Vision client", GUI_THREAD_NAME)
    base = tracer.t0
    for i in range(3000):
        ts = base + i * 1_000_000
        tracer.record("s", 200, "invokeLater", "post", ts=ts, flow_id=10_000 + i)
        tracer.record(
            "X",
            GUI_LANE,
            "invokeLater",
            "call",
            ts=ts + 100,
            duration=500,
            flow_id=10_000 + i,
        )
    model = TimelineModel(tracer, capacity=1000)
    assert model.poll() == 6000
    assert model.size == 1000
    items = model.items()
    assert len(items) == 1000
    assert min(i.start_ns for i in items) >= 2_500_000_000 - 1_000_000
    first_kept = min(items, key=lambda i: i.start_ns)
    assert model.post_of(first_kept) is None or model.post_of(first_kept) in items
    visible = model.visible(GUI_LANE, 2_900_000_000, 2_910_000_000)
    assert 9 <= len(visible) <= 11


def test_a_flood_of_items_draws(widget: TimelineWidget, sim: Simulation) -> None:
    base = sim.tracer.t0
    for i in range(5000):
        sim.tracer.record(
            "X", GUI_LANE, "invokeLater", "tick", ts=base + i * 10_000, duration=5_000
        )
    widget.refresh()
    widget.fit()
    assert len(widget.items()) >= 5000
    assert not widget.grab().isNull()


class RecordingPainter:
    """Stands in for QPainter: records each text drawn, measures with a real font."""

    def __init__(self) -> None:
        from PySide6.QtGui import QFont, QFontMetrics

        self.metrics = QFontMetrics(QFont())
        self.texts: list[tuple[float, float, str]] = []  # (left, right, text)

    def fontMetrics(self) -> object:
        return self.metrics

    def setPen(self, _pen: object) -> None:
        pass

    def drawText(self, rect: object, _flags: object, text: str) -> None:
        left = rect.left()  # type: ignore[attr-defined]
        self.texts.append((left, left + self.metrics.horizontalAdvance(text), text))


def test_outside_labels_of_spans_a_pixel_apart_do_not_overlap(
    widget: TimelineWidget,
) -> None:
    from PySide6.QtCore import QRectF

    from visionsim.app.timeline_model import Row, TimelineItem

    def span(seq: int, name: str) -> TimelineItem:
        return TimelineItem(seq, 1, "lane", "span", "gui", name, 0, 1)

    row = Row(0, 30, None, "lane", [])
    drawn = [  # two 2-px spans a pixel apart, then one far to the right
        (QRectF(300, 10, 2, 16), span(1, "Main/Root Container/Start.actionPerformed")),
        (QRectF(301, 10, 2, 16), span(2, "sendBack")),
        (QRectF(700, 10, 2, 16), span(3, "sendBack")),
    ]
    painter = RecordingPainter()
    widget.view._paint_outside_labels(painter, row, drawn)  # type: ignore[arg-type]
    texts = sorted(painter.texts)
    assert [text for _, _, text in texts] == [
        "Main/Root Container/Start.actionPerformed",
        "sendBack",
    ]
    assert texts[1][0] > 700  # the far one; the one a pixel away is not named
    assert texts[1][0] >= texts[0][1]
