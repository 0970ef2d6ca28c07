"""Tag events: value-changed scripts, gateway and client Tag Change scripts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from visionsim.runtime import ProjectError
from visionsim.runtime.context import GUI_THREAD_NAME
from visionsim.runtime.tags import EVENT_QUEUE_SIZE

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Project, Simulation

VALUE_CHANGED = [
    {
        "name": "Level",
        "valueSource": "memory",
        "dataType": "Int4",
        "value": 0,
        "eventScripts": [
            {
                "eventid": "valueChanged",
                # Ignition stores the body only, tab-indented.
                "script": "\timport time\n"
                "\tprev = previousValue.value if previousValue else None\n"
                "\tprint('vc %s %s %s %s %s' % (tagPath, prev, currentValue.value,"
                " initialChange, missedEvents))\n"
                "\tif initialChange:\n"
                "\t\ttime.sleep(0.3)\n",
            }
        ],
    },
    {"name": "Other", "valueSource": "memory", "dataType": "Int4", "value": 0},
]


def lines(sim: Simulation, prefix: str) -> list[Any]:
    return [line for line in sim.output.history() if line.text.startswith(prefix)]


def test_value_changed_runs_on_the_tag_event_pool_with_initial_change(
    qtbot: QtBot, sim: Simulation, open_tags: Callable[..., ClientSession]
) -> None:
    client = open_tags(tags=VALUE_CHANGED)
    qtbot.waitUntil(lambda: len(lines(sim, "vc ")) == 1)
    [first] = lines(sim, "vc ")
    assert first.text.startswith("vc [default]Level None 0 True False")
    assert first.thread.startswith("gateway-tags-eventscripts-")
    assert first.scope == "gateway"
    client.scope.system.tag.writeBlocking(["Level"], [1])
    qtbot.waitUntil(lambda: len(lines(sim, "vc ")) == 2)
    assert lines(sim, "vc ")[1].text.startswith("vc [default]Level 0 1 False False")


def test_a_full_queue_drops_events_and_sets_missed_events(
    qtbot: QtBot, sim: Simulation, open_tags: Callable[..., ClientSession]
) -> None:
    client = open_tags(tags=VALUE_CHANGED)
    # The initial event is running (it sleeps): what follows must queue.
    qtbot.waitUntil(lambda: len(lines(sim, "vc ")) == 1)
    for value in range(1, 11):
        client.scope.system.tag.writeBlocking(["Level"], [value])
    assert sim.wait_idle(5)
    events = [line.text.split()[2:6] for line in lines(sim, "vc ")[1:]]
    assert len(events) == EVENT_QUEUE_SIZE
    assert [e[1] for e in events] == ["1", "2", "3", "4", "5"]
    assert events[0][3] == "True"  # the first one after the drops says so
    assert [e[3] for e in events[1:]] == ["False"] * 4
    queue = next(iter(sim.gateway.tags.value_changed.queues.values()))
    assert queue.dropped == 5


def test_tag_event_scripts_need_a_provider_in_paths(
    qtbot: QtBot, sim: Simulation, open_tags: Callable[..., ClientSession]
) -> None:
    tags = [
        {
            "name": "T",
            "valueSource": "memory",
            "dataType": "Int4",
            "value": 0,
            "eventScripts": [
                {
                    "eventid": "valueChanged",
                    "script": "system.tag.readBlocking(['Other'])",
                }
            ],
        },
        {"name": "Other", "value": 1},
    ]
    open_tags(tags=tags)
    assert sim.wait_idle(2)
    [report] = sim.errors.reports()
    assert "names no provider" in report.format()


GATEWAY_TAG_CHANGE = """
tagChange:
  - name: speeds
    paths: ["[default]Line1/Speed", "[default]Line2/Speed"]
    script: |
      prev = previousValue.value if previousValue else None
      print('tc %s %s %s %s %s' % (event.tagPath, initialChange, newValue.value,
                                   prev, executionCount))
      print('tp %s %s' % (event.tagPath.itemName, event.getValue().value))
"""


def test_gateway_tag_change_runs_on_its_own_thread_in_order(
    qtbot: QtBot, sim: Simulation, open_tags: Callable[..., ClientSession]
) -> None:
    client = open_tags(gateway_events=GATEWAY_TAG_CHANGE)
    assert sim.wait_idle(2)
    initial = lines(sim, "tc ")
    assert [line.text.split()[1:5] for line in initial] == [
        ["[default]Line1/Speed", "True", "7", "None"],
        ["[default]Line2/Speed", "True", "12", "None"],
    ]
    for value in range(20):
        client.scope.system.tag.writeBlocking(["Line1/Speed"], [100 + value])
    assert sim.wait_idle(5)
    changes = lines(sim, "tc ")[2:]
    # Unbounded queue: none dropped, in order, one thread.
    assert [int(line.text.split()[3]) for line in changes] == list(range(100, 120))
    assert [int(line.text.split()[5]) for line in changes] == list(range(3, 23))
    assert {line.thread for line in lines(sim, "tc ")} == {
        "gateway-local-tagchange-speeds-1"
    }
    assert lines(sim, "tp ")[-1].text.startswith("tp Speed 119")


def test_client_tag_change_runs_on_the_gui_thread(
    qtbot: QtBot, sim: Simulation, open_tags: Callable[..., ClientSession]
) -> None:
    client = open_tags(
        client_events="""
        tagChange:
          - name: watch
            paths: ["[client]Selected"]
            script: |
              print('ctc %s %s' % (newValue.value, initialChange))
        """
    )
    assert sim.wait_idle(2)
    client.scope.system.tag.writeBlocking(["[client]Selected"], [3])
    assert sim.wait_idle(2)
    seen = lines(sim, "ctc ")
    assert [line.text.strip() for line in seen] == ["ctc 1 True", "ctc 3 False"]
    assert {line.thread for line in seen} == {GUI_THREAD_NAME}


def test_a_client_tag_change_script_may_run_on_the_shared_thread(
    sim: Simulation, open_tags: Callable[..., ClientSession]
) -> None:
    client = open_tags(
        client_events="""
        tagChange:
          - name: watch
            paths: ["[client]Selected"]
            threading: Shared
            script: |
              print('ctc %s' % newValue.value)
        """
    )
    assert sim.wait_idle(2)
    [line] = lines(sim, "ctc ")
    assert line.thread == f"client-{client.client_id}-shared-1"


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("tagChange: {a: 1}\n", "tagChange must be a list"),
        ("tagChange:\n  - name: x\n    script: pass\n", "needs name, paths"),
        ("tagChange:\n  - name: x\n    paths: [a]\n    script: 'if'\n", "x: invalid"),
        ("tagChange:\n  - name: x\n    paths: ['[a']\n    script: pass\n", "no ']'"),
        (
            "tagChange:\n  - name: x\n    paths: [a]\n    threading: EDT\n"
            "    script: pass\n",
            "threading must be one of Dedicated",
        ),
    ],
)
def test_bad_tag_change_definitions_name_file_and_line(
    sim: Simulation,
    tag_project: Callable[..., Project],
    yaml_text: str,
    message: str,
) -> None:
    with pytest.raises(ProjectError, match=message) as info:
        sim.open_project(tag_project(gateway_events=yaml_text))
    assert info.value.path.name == "gateway-events.yaml"
    assert info.value.line is not None
