"""The Gateway Network: remote gateways, link latency and faults."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pytest

from visionsim.runtime.jython.java.errors import GatewayNetworkException
from visionsim.runtime.network import FAULTED, UnknownGatewayError

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from visionsim.runtime import ClientSession, Project, Simulation

REMOTE = """
messageHandlers:
  where:
    script: |
      from java.lang import Thread
      return Thread.currentThread().getName()
  note:
    script: |
      notes.append(payload)
"""


@pytest.fixture
def client(sim: Simulation, make_project: Callable[..., Project]) -> ClientSession:
    sim.add_remote("Plant2", make_project("Remote", gateway_events=REMOTE))
    return sim.open_project(make_project("Local"))


def test_remote_server_routes_the_request_to_that_gateway(
    client: ClientSession,
) -> None:
    name = client.scope.system.util.sendRequest(
        "Remote", "where", remoteServer="Plant2"
    )
    assert name.startswith("gateway-Plant2-shared-")


def test_project_on_another_gateway_is_not_found_locally(
    client: ClientSession,
) -> None:
    from visionsim.runtime.jython.java.errors import MessageHandlerException

    with pytest.raises(MessageHandlerException, match='not running on gateway "local"'):
        client.scope.system.util.sendRequest("Remote", "where")


def test_link_latency_delays_each_way(sim: Simulation, client: ClientSession) -> None:
    sim.network.configure("Plant2", latency_ms=60)
    started = time.monotonic()
    client.scope.system.util.sendRequest("Remote", "where", remoteServer="Plant2")
    assert time.monotonic() - started >= 0.12  # there and back


def test_faulted_link_fails_after_the_connect_timeout(
    sim: Simulation, client: ClientSession
) -> None:
    sim.network.configure("Plant2", state=FAULTED, connect_timeout_s=0.2)
    errors: list[object] = []
    request = client.scope.system.util.sendRequestAsync(
        "Remote", "where", remoteServer="Plant2", onError=errors.append
    )
    started = time.monotonic()
    error = request.getError()
    assert isinstance(error, GatewayNetworkException)
    assert "Plant2" in str(error)
    assert 0.15 <= time.monotonic() - started <= 0.4
    assert sim.wait_idle(5)
    assert errors == [error]


def test_send_message_to_remote_servers(
    qtbot: QtBot, sim: Simulation, client: ClientSession
) -> None:
    notes: list[object] = []
    sim.gateways["Plant2"].scopes["Remote"].builtins["notes"] = notes
    statuses = client.scope.system.util.sendMessage(
        "Remote", "note", {"n": 1}, scope="G", remoteServers=["Plant2"]
    )
    assert statuses == [
        "type=Gateway,gateway=Plant2,project=Remote,messageHandler=note,sendStatus=SENT"
    ]
    assert sim.wait_idle(5)
    assert notes == [{"n": 1}]
    sim.network.configure("Plant2", state=FAULTED)
    faulted = client.scope.system.util.sendMessage(
        "Remote", "note", scope="G", remoteServers=["Plant2"]
    )
    assert faulted == [
        "type=Gateway,gateway=Plant2,sendStatus=ERROR,error=link faulted"
    ]


def test_unknown_gateway_names_it_and_lists_the_known(client: ClientSession) -> None:
    with pytest.raises(UnknownGatewayError, match=r"'Plant9'.*'Plant2'"):
        client.scope.system.util.sendRequest("Remote", "where", remoteServer="Plant9")


def test_unknown_gateway_reaches_the_script_through_on_error(
    qtbot: QtBot, client: ClientSession
) -> None:
    """A client cannot know the Gateway Network: the call returns a Request."""
    util = client.scope.system.util
    with qtbot.waitCallback() as on_error:
        request = util.sendRequestAsync(
            "Remote", "where", remoteServer="Plant9", onError=on_error
        )
    assert isinstance(on_error.args[0], UnknownGatewayError)
    assert isinstance(request.getError(), UnknownGatewayError)


def test_gateway_scope_tasks_are_on_that_gateways_running_scripts(
    qtbot: QtBot, sim: Simulation, client: ClientSession
) -> None:
    import threading

    release = threading.Event()
    remote = sim.gateways["Plant2"]
    remote.scopes["Remote"].builtins["release"] = release
    remote.run_script(
        "Remote",
        "system.util.invokeAsynchronous(release.wait, [10],"
        " description='remote job')\n",
        "console.py",
    )
    qtbot.waitUntil(
        lambda: any(t.description == "remote job" for t in remote.workers.running())
    )
    assert not any(t.description == "remote job" for t in sim.gateway.workers.running())
    assert client.workers.running() == []
    release.set()
    assert sim.wait_idle(5)
