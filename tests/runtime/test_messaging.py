"""Message handlers and sendMessage: threading modes, filters, scopes, errors."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pytest

from tests.conftest import run
from visionsim.runtime import ProjectError

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import Project, Simulation

GATEWAY = """
messageHandlers:
  record:
    threading: Shared
    script: |
      import time
      from java.lang import Thread
      time.sleep(payload.get("sleep", 0))
      log.append((payload["n"], Thread.currentThread().getName()))
  hold:
    script: |
      release.wait(10)
      log.append((payload["n"], "held"))
  dedicated:
    threading: Dedicated
    script: |
      from java.lang import Thread
      log.append(("dedicated", Thread.currentThread().getName()))
"""

CLIENT = """
messageHandlers:
  onEdt:
    threading: EDT
    script: |
      from java.lang import Thread
      log.append(("edt", Thread.currentThread().getName(), payload))
  onShared:
    threading: Shared
    script: |
      from java.lang import Thread
      log.append(("shared", Thread.currentThread().getName()))
  onDedicated:
    threading: Dedicated
    script: |
      from java.lang import Thread
      log.append(("dedicated", Thread.currentThread().getName()))
"""


@pytest.fixture
def project(make_project: Callable[..., Project]) -> Project:
    return make_project(gateway_events=GATEWAY, client_events=CLIENT)


def _with_log(sim: Simulation, log: list[object]) -> None:
    """Give every handler scope a shared ``log`` list."""
    for gateway in sim.gateways.values():
        for scope in gateway.scopes.values():
            scope.builtins["log"] = log
    for client in sim.clients:
        client.scope.builtins["log"] = log


def test_shared_handlers_start_in_invocation_order(
    sim: Simulation, project: Project
) -> None:
    client = sim.open_project(project)
    log: list[object] = []
    _with_log(sim, log)
    for n in range(20):
        client.scope.system.util.sendMessage("Proj", "record", {"n": n}, scope="G")
    assert sim.wait_idle(5)
    assert sorted(n for n, _ in log) == list(range(20))  # type: ignore[misc]
    assert all(name.startswith("gateway-local-shared-") for _, name in log)  # type: ignore[misc]


def test_shared_pool_blocks_head_of_line_while_dedicated_stays_free(
    qtbot: QtBot, sim: Simulation, project: Project
) -> None:
    client = sim.open_project(project)
    log: list[object] = []
    _with_log(sim, log)
    release = threading.Event()
    for scope in sim.gateway.scopes.values():
        scope.builtins["release"] = release
    size = sim.gateway.shared_pool.size
    send = client.scope.system.util.sendMessage
    # Fill every shared thread with a handler that waits, then queue one more.
    for n in range(size + 1):
        send("Proj", "hold", {"n": n}, scope="G")
    qtbot.waitUntil(lambda: sim.gateway.shared_pool.running == size)
    assert sim.gateway.shared_pool.queued == 1  # head-of-line blocked
    send("Proj", "dedicated", scope="G")
    qtbot.waitUntil(lambda: ("dedicated", "gateway-local-dedicated-1") in log)
    assert [entry for entry in log if entry[0] != "dedicated"] == []  # type: ignore[index]
    release.set()
    assert sim.wait_idle(5)
    assert len(log) == size + 2


def test_client_handlers_run_on_edt_shared_and_dedicated_threads(
    sim: Simulation, project: Project
) -> None:
    client = sim.open_project(project)
    log: list[object] = []
    _with_log(sim, log)
    send = client.scope.system.util.sendMessage
    send("Proj", "onEdt", {"x": 1}, scope="C")
    send("Proj", "onShared", scope="C")
    send("Proj", "onDedicated", scope="C")
    assert log == []  # never on the caller's thread
    assert sim.wait_idle(5)
    threads = {entry[0]: entry[1] for entry in log}  # type: ignore[index]
    assert threads["edt"] == "AWT-EventQueue-0"
    assert threads["shared"] == f"client-{client.client_id}-shared-1"
    assert threads["dedicated"] == f"client-{client.client_id}-onDedicated-1"
    assert ("edt", "AWT-EventQueue-0", {"x": 1}) in log


def test_send_message_default_scopes_and_status_list(
    sim: Simulation, project: Project
) -> None:
    client = sim.open_project(project)
    _with_log(sim, [])
    send = client.scope.system.util.sendMessage
    both = send("Proj", "onEdt")  # no user filter: "CGS"
    assert [s.split(",")[0] for s in both] == ["type=Gateway", "type=Client"]
    assert f"sessionId={client.client_id}" in both[1]
    assert all(s.endswith("sendStatus=SENT") for s in both)
    only_clients = send("Proj", "onEdt", hostName="localhost")  # "CS"
    assert [s.split(",")[0] for s in only_clients] == ["type=Client"]
    assert send("Proj", "onEdt", scope="S") == []  # no Perspective sessions
    assert sim.wait_idle(5)


def test_send_message_filters_select_clients(sim: Simulation, project: Project) -> None:
    first = sim.open_project(
        project, host_name="hmi-1", user_name="ann", roles=("Operator",)
    )
    second = sim.add_client(
        project, host_name="hmi-2", user_name="bob", roles=("Supervisor", "Operator")
    )
    _with_log(sim, [])
    send = first.scope.system.util.sendMessage

    def targets(**filters: str) -> set[str]:
        statuses = send("Proj", "onEdt", scope="C", **filters)
        return {s.split(",")[1].split("=")[1] for s in statuses}

    ids = {first.client_id, second.client_id}
    assert targets() == ids
    assert targets(hostName="hmi-2") == {second.client_id}
    assert targets(user="ann") == {first.client_id}
    assert targets(hasRole="Operator") == ids
    assert targets(hasRole="Supervisor") == {second.client_id}
    assert targets(clientSessionId=first.client_id) == {first.client_id}
    assert targets(hostName="hmi-9") == set()
    assert sim.wait_idle(5)


def test_missing_handler_is_logged_at_the_receiver_not_raised(
    sim: Simulation, project: Project
) -> None:
    client = sim.open_project(project)
    statuses = client.scope.system.util.sendMessage("Proj", "nope", scope="G")
    assert len(statuses) == 1
    assert sim.wait_idle(5)
    [line] = [ln for ln in sim.output.history() if ln.is_error]
    assert 'message handler "nope" could not be found' in line.text
    assert sim.errors.unhandled_count == 0


def test_handler_error_of_a_message_reaches_the_sink_with_its_name(
    sim: Simulation, make_project: Callable[..., Project]
) -> None:
    project = make_project(
        gateway_events="""
        messageHandlers:
          broken:
            script: |
              total = 0
              total += payload["missing"]
        """
    )
    client = sim.open_project(project)
    client.scope.system.util.sendMessage("Proj", "broken", scope="G")
    assert sim.wait_idle(5)
    [report] = sim.errors.reports()
    assert str(report.location) == (
        "Proj/gateway-events/messageHandlers/broken, line 2"
    )
    assert report.exc_type == "KeyError"
    assert report.thread.startswith("gateway-local-shared-")


def test_payload_is_a_copy_and_defaults_to_an_empty_dict(
    sim: Simulation, make_project: Callable[..., Project]
) -> None:
    project = make_project(
        gateway_events="""
        messageHandlers:
          mutate:
            script: |
              payload.setdefault("items", []).append("handler")
              return payload
        """
    )
    client = sim.open_project(project)
    sent = {"items": ["caller"]}
    util = client.scope.system.util
    assert util.sendRequest("Proj", "mutate", sent) == {"items": ["caller", "handler"]}
    assert sent == {"items": ["caller"]}
    assert util.sendRequest("Proj", "mutate") == {"items": ["handler"]}
    with pytest.raises(TypeError, match="payload must be a dict"):
        util.sendMessage("Proj", "mutate", [1, 2])
    with pytest.raises(ValueError, match="Missing required argument project"):
        util.sendMessage("", "mutate")


@pytest.mark.parametrize(
    ("yaml_text", "message", "line"),
    [
        (
            "messageHandlers:\n  a: {script: x}\n  a: {script: y}\n",
            "duplicate key 'a' (first at line 2)",
            3,
        ),
        (
            "messageHandlers:\n  a:\n    threading: EDT\n    script: x\n",
            "threading must be one of Shared, Dedicated, not 'EDT'",
            2,
        ),
        (
            "timers:\n  - {name: t, delayMs: 0, script: x}\n",
            "delayMs must be a positive integer",
            2,
        ),
    ],
)
def test_bad_handlers_are_load_errors_naming_file_and_line(
    sim: Simulation,
    make_project: Callable[..., Project],
    yaml_text: str,
    message: str,
    line: int,
) -> None:
    with pytest.raises(ProjectError) as info:
        sim.open_project(make_project(gateway_events=yaml_text))
    assert message in str(info.value)
    assert info.value.path.name == "gateway-events.yaml"
    assert info.value.line == line


def test_gateway_timer_scripts_run_at_a_fixed_delay(
    qtbot: QtBot, sim: Simulation, make_project: Callable[..., Project]
) -> None:
    project = make_project(
        gateway_events="""
        timers:
          - {name: poll, delayMs: 20, script: "ticks.append(1)"}
        """
    )
    ticks: list[int] = []
    sim.gateway.add_project(project)
    sim.gateway.scopes["Proj"].builtins["ticks"] = ticks
    sim.gateway.start()
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=3000)
    sim.gateway.stop_timers()


def test_script_calls_the_manual_way(sim: Simulation, project: Project) -> None:
    client = sim.open_project(project)
    _with_log(sim, [])
    run(
        client,
        """
        results = system.util.sendMessage(project="Proj", messageHandler="onEdt",
                                          payload={"k": 1}, scope="C")
        assert len(results) == 1, results
        """,
    )
    assert sim.wait_idle(5)
