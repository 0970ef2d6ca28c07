"""The Messaging and GatewayNetwork sample projects: scenarios and the app.

Every scenario in the two projects' ``scenarios/`` runs through
``python main.py run`` and its printed outcome and exit code are checked;
the lessons that need the app (a faulted link, a second client) are driven
in a real :class:`~visionsim.app.main_window.MainWindow`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.conftest import SAMPLES, run_main

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from visionsim.app.main_window import MainWindow
    from visionsim.runtime import ClientSession
    from visionsim.widgets import VisionWindow

MESSAGING = SAMPLES / "Messaging"
NETWORK = SAMPLES / "GatewayNetwork"
PLANT_DATA = NETWORK / "remote" / "PlantData"
REMOTE = ("--remote", f"Plant2={PLANT_DATA}")


def _messaging(name: str, *args: str) -> tuple[int, str, str]:
    script = MESSAGING / "scenarios" / f"{name}.py"
    return run_main("run", str(script), "--project", str(MESSAGING), *args)


def _network(name: str, *args: str) -> tuple[int, str, str]:
    script = NETWORK / "scenarios" / f"{name}.py"
    return run_main("run", str(script), "--project", str(NETWORK), *args)


def _ms(pattern: str, out: str) -> int:
    """The number captured by ``pattern``'s group in ``out``."""
    found = re.search(pattern, out)
    assert found, f"{pattern!r} not in:\n{out}"
    return int(found.group(1))


TESTED = {
    "Messaging": {
        "async_request",
        "unobserved_error",
        "timeout_cancel",
        "get_in_worker",
        "get_on_gui",
        "shared_vs_dedicated",
        "client_messages",
    },
    "GatewayNetwork": {"remote_request", "wrong_names", "faulted_link"},
}


def test_every_scenario_has_a_test() -> None:
    for project, names in TESTED.items():
        found = {p.stem for p in (SAMPLES / project / "scenarios").glob("*.py")}
        assert found == names, project


# -- Messaging, headless ------------------------------------------------------


def test_async_request_callbacks_fill_the_labels() -> None:
    code, out, err = _messaging("async_request", "--strict")
    assert (code, err) == (0, "")
    assert "after the clicks: Waiting..." in out  # the callbacks come later
    assert re.search(
        r"^OrdersResult: onSuccess: 3 orders, from gateway-local-shared-\d+$",
        out,
        re.M,
    )
    assert "FailResult: onError: HandlerError (ValueError: no orders for line 3)" in out
    assert "MissingResult: onError: MessageHandlerException" in out
    assert "Details: " in out


def test_a_failure_without_on_error_is_unobserved_and_exits_1() -> None:
    code, out, err = _messaging("unobserved_error", "--strict")
    assert code == 1
    assert "Sent. It fails, and this label never hears of it." in out
    assert "sendRequestAsync to Messaging/fail (unobserved)" in err
    assert "ValueError: no orders for line 4" in err


def test_timeout_and_cancel_reach_on_error_and_the_handler_still_ends() -> None:
    code, out, err = _messaging("timeout_cancel", "--strict")
    assert (code, err) == (0, "")
    timeout = _ms(r"timeoutSec=0\.2: onError after (\d+) ms: TimeoutException", out)
    cancel = _ms(r"cancel after 100 ms: onError after (\d+) ms: Cancellation", out)
    assert 190 <= timeout < 500
    assert 90 <= cancel < 500
    lines = out.splitlines()
    finished = [i for i, ln in enumerate(lines) if ln.startswith("slow handler: fin")]
    assert len(finished) == 2  # a timeout or a cancel does not stop the handler
    outcome = next(i for i, ln in enumerate(lines) if ln.startswith("cancel after"))
    assert outcome < finished[0]


def test_get_in_a_worker_leaves_the_gui_free() -> None:
    code, out, err = _messaging("get_in_worker", "--strict")
    assert (code, err) == (0, "")  # no stall report
    assert _ms(r"clicked: Button returned after (\d+) ms; waiting\.\.\.", out) < 300
    assert _ms(r"later: 3 rows after (\d+) ms \(get\(\) waited on Thread-", out) >= 600


def test_get_on_the_gui_thread_is_reported_as_a_stall() -> None:
    code, out, err = _messaging("get_on_gui", "--strict")
    assert code == 0  # a freeze is reported, it is not an error
    assert _ms(r"clicked: 3 rows; the GUI was frozen for (\d+) ms", out) >= 600
    assert "GUI thread warning: Lessons/GetBlocking/Root Container/OnGui" in err
    assert "blocking wait (Request.get)" in err
    assert "report = request.get()" in err


def test_fast_shared_waits_behind_slow_ones_dedicated_does_not() -> None:
    code, out, err = _messaging("shared_vs_dedicated", "--strict")
    assert (code, err) == (0, "")
    dedicated = _ms(r"Dedicated \(getOrdersDedicated\): (\d+) ms", out)
    fast = _ms(r"fast Shared \(getOrders\): (\d+) ms", out)
    waited = _ms(r"fast Shared .*, waited (\d+) ms for a thread", out)
    assert dedicated < 300
    assert fast >= 590
    assert waited >= 550  # queued until a slowReport freed a pool thread
    assert "4 of 4 slow Shared (slowReport) done" in out


def test_send_message_by_host_name_to_edt_and_shared_handlers() -> None:
    code, out, err = _messaging("client_messages", "--strict", "--show-threads")
    assert (code, err) == (0, "")
    assert "to hmi-2: [] (no client on host 'hmi-2')" in out
    assert re.search(
        r"to localhost: type=Client,sessionId=\w+,clientHostName=localhost,"
        r"clientProject=Messaging,sendStatus=SENT$",
        out,
        re.M,
    )
    assert "right after sending: Inbox: (nothing yet)" in out
    assert re.search(
        r"^\[AWT-EventQueue-0\] after the handler: Inbox: Line 3 stopped "
        r"\(from \w+, on AWT-EventQueue-0\)$",
        out,
        re.M,
    )
    assert re.search(r"^\[client-\w+-shared-1\] logAlert on client-", out, re.M)
    assert re.search(
        r"after the Shared handler: Inbox: Line 4 running "
        r"\(logAlert ran on client-\w+-shared-1\)$",
        out,
        re.M,
    )


# -- GatewayNetwork, headless -------------------------------------------------


def test_remote_request_runs_on_plant2_and_answers_here() -> None:
    code, out, err = _network("remote_request", *REMOTE, "--strict")
    assert (code, err) == (0, "")
    assert re.search(
        r"^onSuccess after \d+ ms: line 3 made 120 units "
        r"\(gateway-Plant2-shared-\d+\)$",
        out,
        re.M,
    )
    assert (
        "sendMessage returned: type=Gateway,gateway=Plant2,project=PlantData,"
        "messageHandler=note,sendStatus=SENT" in out
    )
    assert "Plant2 got a note from HQ: line 3 back at full speed" in out


def test_remote_request_without_the_remote_gateway_exits_1_naming_it() -> None:
    code, _, err = _network("remote_request")
    assert code == 1
    assert "No gateway named 'Plant2' on the Gateway Network" in err


def test_wrong_names_fail_at_the_call_or_in_on_error() -> None:
    code, out, err = _network("wrong_names", *REMOTE, "--strict")
    assert (code, err) == (0, "")
    assert "Plant9: onError: UnknownGatewayError" in out
    assert "No gateway named 'Plant9' on the Gateway Network" in out
    assert "no remoteServer: onError: MessageHandlerException" in out
    assert "fail on Plant2: onError: HandlerError (ValueError)" in out


def test_faulted_link_lesson_over_a_healthy_link_succeeds() -> None:
    code, out, err = _network("faulted_link", *REMOTE, "--strict")
    assert (code, err) == (0, "")
    assert re.search(r"^onSuccess after \d+ ms: 120 units$", out, re.M)
    assert "messageHandler=note,sendStatus=SENT" in out


# -- in the app ---------------------------------------------------------------


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _open_app(
    qtbot: QtBot, settings: QSettings, project: Path, remotes: dict[str, Path]
) -> MainWindow:
    from visionsim.app.main_window import MainWindow

    window = MainWindow(project, remotes, settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _window(client: ClientSession | None, path: str) -> VisionWindow:
    assert client is not None
    assert client.vision.windows is not None
    for window in client.vision.windows.opened_windows():
        if window.path == path:
            return window  # type: ignore[return-value]
    raise AssertionError(f"{path} is not open")


def _opened(client: ClientSession) -> list[str]:
    """The paths of ``client``'s open windows."""
    assert client.vision.windows is not None
    return [w.path for w in client.vision.windows.opened_windows()]


def _click(qtbot: QtBot, window: VisionWindow, name: str) -> None:
    qtbot.mouseClick(window.component(name).widget, Qt.MouseButton.LeftButton)


def _text(window: VisionWindow, name: str) -> str:
    return str(window.component(name).text)


@pytest.fixture
def network_app(qtbot: QtBot, settings: QSettings) -> Iterator[MainWindow]:
    window = _open_app(qtbot, settings, NETWORK, {"Plant2": PLANT_DATA})
    yield window
    window.close()


def test_app_link_fault_is_seen_in_on_error_and_in_send_message(
    qtbot: QtBot, network_app: MainWindow
) -> None:
    from visionsim.app.gateway_panel import GatewayPanel

    client = network_app.current_client()
    _click(qtbot, _window(client, "Main"), "Lesson3")
    lesson = _window(client, "Lessons/FaultedLink")
    panel = network_app.panels["Gateway"]
    assert isinstance(panel, GatewayPanel)
    panel.set_link_faulted("Plant2", True)  # Gateway panel > links > Faulted
    network_app.sim.network.configure("Plant2", connect_timeout_s=0.3)

    _click(qtbot, lesson, "Request")  # timeoutSec 30: the link gives up first
    assert _text(lesson, "Result") == "Waiting (timeoutSec=30)..."
    qtbot.waitUntil(lambda: "onError" in _text(lesson, "Result"), timeout=5000)
    result = _text(lesson, "Result")
    assert _ms(r"after (\d+) ms: GatewayNetworkException", result) >= 290
    assert 'Gateway "Plant2" is not reachable' in _text(lesson, "Details")

    _click(qtbot, lesson, "Note")  # sendMessage does not wait
    assert _text(lesson, "NoteResult") == (
        "type=Gateway,gateway=Plant2,sendStatus=ERROR,error=link faulted"
    )

    network_app.sim.network.configure("Plant2", connect_timeout_s=5)
    lesson.component("Timeout").doubleValue = 0.2
    _click(qtbot, lesson, "Request")
    qtbot.waitUntil(lambda: "onError" in _text(lesson, "Result"), timeout=3000)
    assert _text(lesson, "Result").endswith(": TimeoutException")

    panel.set_link_faulted("Plant2", False)
    _click(qtbot, lesson, "Request")
    qtbot.waitUntil(lambda: "onSuccess" in _text(lesson, "Result"), timeout=3000)
    assert _text(lesson, "Result").endswith(": 120 units")


def test_app_send_message_by_host_name_reaches_only_that_client(
    qtbot: QtBot, settings: QSettings
) -> None:
    app = _open_app(qtbot, settings, MESSAGING, {})
    try:
        first = app.current_client()
        assert first is not None
        _click(qtbot, _window(first, "Main"), "Lesson5")
        lesson = _window(first, "Lessons/ClientMessages")
        second = app.add_client("hmi-2", "operator")  # Clients > Add client…
        assert _opened(second) == ["Main"]

        lesson.component("Host").text = "hmi-2"
        _click(qtbot, lesson, "SendEdt")
        [status] = _text(lesson, "Statuses").splitlines()
        assert f"sessionId={second.client_id},clientHostName=hmi-2" in status

        # The EDT handler opens the lesson in the second client and fills it.
        qtbot.waitUntil(lambda: "Lessons/ClientMessages" in _opened(second))
        inbox = _window(second, "Lessons/ClientMessages")
        assert _text(inbox, "Inbox") == (
            f"Inbox: Line 3 stopped (from {first.client_id}, on AWT-EventQueue-0)"
        )
        assert _text(lesson, "Inbox") == "Inbox: (nothing yet)"  # not this host
    finally:
        app.close()


def test_each_lesson_opens_from_main_and_goes_back(
    qtbot: QtBot, network_app: MainWindow, settings: QSettings
) -> None:
    apps = {"GatewayNetwork": network_app}
    apps["Messaging"] = _open_app(qtbot, settings, MESSAGING, {})
    try:
        for name, app in apps.items():
            client = app.current_client()
            assert client is not None
            lessons = sorted(p for p in client.project.windows if p != "Main")
            buttons = sorted(
                c for c in _window(client, "Main").components if "Lesson" in c
            )
            reached = []
            for button in buttons:
                _click(qtbot, _window(client, "Main"), button.split("/")[-1])
                [path] = _opened(client)  # swapTo closed Main
                reached.append(path)
                _click(qtbot, _window(client, path), "Back")
                assert _opened(client) == ["Main"]
            assert sorted(reached) == lessons, name
    finally:
        apps["Messaging"].close()
