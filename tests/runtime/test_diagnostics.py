"""getSessionInfo's dataset and threadDump's text (runtime.ignition.diagnostics)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import pytest

from visionsim.runtime import sources
from visionsim.runtime.dataset import PyDataSet
from visionsim.runtime.ignition.diagnostics import (
    MAX_FRAMES,
    SESSION_COLUMNS,
    collect_threads,
    session_info,
    thread_dump,
)
from visionsim.runtime.jython.java.dates import Date

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

T0 = datetime(2024, 5, 1, 8, 30)


@dataclass(frozen=True)
class FakeSession:
    user_name: str
    project_name: str
    host_name: str = "localhost"
    client_id: str = "c0ffee01"
    created_at: datetime = T0


SESSIONS = [
    FakeSession("admin", "ThreadingBasics", "op-1", "aa01"),
    FakeSession("operator", "ThreadingBasics", "op-2", "aa02"),
    FakeSession("admin", "Reports", "op-3", "aa03"),
]


# -- getSessionInfo -------------------------------------------------------------


def test_session_info_has_exactly_the_six_columns_and_one_row_per_session() -> None:
    info = session_info(SESSIONS)
    assert tuple(info.getColumnNames()) == SESSION_COLUMNS
    assert info.getColumnNames() == [
        "username",
        "project",
        "address",
        "isDesigner",
        "clientId",
        "creationTime",
    ]
    assert info.getRowCount() == 3
    assert info.rows[0] == (
        "admin",
        "ThreadingBasics",
        "op-1",
        False,
        "aa01",
        Date.from_datetime(T0),
    )


def test_session_info_is_a_py_data_set_scripts_can_loop_over() -> None:
    info = session_info(SESSIONS)
    assert isinstance(info, PyDataSet)
    assert [row["address"] for row in info] == ["op-1", "op-2", "op-3"]
    assert all(row["isDesigner"] is False for row in info)
    assert info[2]["creationTime"] == Date.from_datetime(T0)
    assert info.getColumnType("creationTime") is Date


def test_session_info_of_no_sessions_still_has_the_columns() -> None:
    info = session_info([])
    assert info.getRowCount() == 0
    assert info.getColumnCount() == 6


@pytest.mark.parametrize(
    ("user", "project", "client_ids"),
    [
        ("admin", None, ["aa01", "aa03"]),
        ("adm", None, []),  # the whole name must match
        ("adm.*", None, ["aa01", "aa03"]),
        ("admin|operator", "Threading.*", ["aa01", "aa02"]),
        (None, "Reports", ["aa03"]),
        ("", "", ["aa01", "aa02", "aa03"]),
        (".*", None, ["aa01", "aa02", "aa03"]),
    ],
)
def test_session_info_filters_are_full_match_regexes(
    user: str | None, project: str | None, client_ids: list[str]
) -> None:
    info = session_info(SESSIONS, user, project)
    assert info.getColumnAsList("clientId") == client_ids


def test_session_info_rejects_bad_filters() -> None:
    with pytest.raises(ValueError, match="usernameFilter '\\(' is not a valid regex"):
        session_info(SESSIONS, "(")
    with pytest.raises(TypeError, match="projectFilter must be a string, not int"):
        session_info(SESSIONS, None, 3)  # type: ignore[arg-type]


# -- threadDump -------------------------------------------------------------------


def test_thread_dump_renders_java_style_blocks() -> None:
    text = thread_dump(
        [
            ("AWT-EventQueue-0", "RUNNABLE", "inner(a.py:3)\nouter(b.py:9)\n"),
            ("gateway-shared-1", "TIMED_WAITING", "  sleep(c.py:1)\n\n... 4 more"),
        ]
    )
    lines = text.splitlines()
    assert lines[0].startswith("Full thread dump visionsim (Python ")
    gui = lines.index('"AWT-EventQueue-0"')
    assert lines[gui + 1 : gui + 4] == [
        "   java.lang.Thread.State: RUNNABLE",
        "\tat inner(a.py:3)",
        "\tat outer(b.py:9)",
    ]
    worker = lines.index('"gateway-shared-1"')
    assert lines[worker + 1 : worker + 4] == [
        "   java.lang.Thread.State: TIMED_WAITING",
        "\tat sleep(c.py:1)",
        "\t... 4 more",
    ]


def test_thread_dump_of_nothing_is_just_the_header() -> None:
    assert thread_dump([]).splitlines()[1:] == []


def test_collect_threads_names_the_gui_thread_and_lists_it_first_as_runnable() -> None:
    threads = collect_threads(threading.get_ident(), {})
    name, state, stack = threads[0]
    assert (name, state) == ("AWT-EventQueue-0", "RUNNABLE")
    lines = stack.splitlines()
    assert lines[0].startswith("collect_threads(diagnostics.py:")
    assert any(
        line.startswith(
            "test_collect_threads_names_the_gui_thread_and_lists_it_first_as_runnable"
            "(test_diagnostics.py:"
        )
        for line in lines
    )
    text = thread_dump(threads)
    assert '"AWT-EventQueue-0"\n   java.lang.Thread.State: RUNNABLE\n\tat ' in text


def test_collect_threads_can_hide_visionsim_frames() -> None:
    stack = collect_threads(threading.get_ident(), {}, hide_internal=True)[0][2]
    assert "collect_threads(" not in stack
    assert (
        "test_collect_threads_can_hide_visionsim_frames(test_diagnostics.py:" in stack
    )


def test_collect_threads_keeps_full_script_names() -> None:
    name = "Main/Root Container/Button.actionPerformed"
    sources.register(name, "result = dump()\n")
    scope: dict[str, object] = {
        "dump": lambda: collect_threads(threading.get_ident(), {})
    }
    exec(compile("result = dump()\n", name, "exec"), scope)
    stack = scope["result"][0][2]  # type: ignore[index]
    assert f"<module>({name}:1)" in stack


def test_collect_threads_truncates_deep_stacks() -> None:
    def recurse(n: int) -> str:
        if n == 0:
            return collect_threads(threading.get_ident(), {})[0][2]
        return recurse(n - 1)

    lines = recurse(MAX_FRAMES + 10).splitlines()
    assert len(lines) == MAX_FRAMES + 1
    assert lines[-1].startswith("... ")
    assert lines[-1].endswith(" more")


@pytest.fixture
def parked_threads() -> Iterator[tuple[threading.Thread, threading.Thread]]:
    """Two helper threads blocked on an event until the test ends."""
    release = threading.Event()
    mapped = threading.Thread(target=release.wait, name="py-thread-mapped")
    unmapped = threading.Thread(target=release.wait, name="helper-unmapped")
    mapped.start()
    unmapped.start()
    try:
        yield mapped, unmapped
    finally:
        release.set()
        mapped.join(2)
        unmapped.join(2)
    assert not mapped.is_alive()
    assert not unmapped.is_alive()


def test_collect_threads_names_simulated_threads_and_guesses_waiting(
    qtbot: QtBot, parked_threads: tuple[threading.Thread, threading.Thread]
) -> None:
    mapped, _ = parked_threads
    assert mapped.ident is not None
    contexts = {mapped.ident: "gateway-shared-1"}

    def check() -> None:
        threads = collect_threads(threading.get_ident(), contexts)
        by_name = {name: (state, stack) for name, state, stack in threads}
        assert threads[0][0] == "AWT-EventQueue-0"
        assert threads[1][0] == "gateway-shared-1"
        assert by_name["gateway-shared-1"][0] == "WAITING"
        assert by_name["helper-unmapped"][0] == "WAITING"
        assert "py-thread-mapped" not in by_name
        assert by_name["gateway-shared-1"][1].startswith("Condition.wait(threading.py:")

    qtbot.waitUntil(check, timeout=2000)
    text = thread_dump(collect_threads(threading.get_ident(), contexts))
    assert '"gateway-shared-1"\n   java.lang.Thread.State: WAITING\n' in text
    assert '"helper-unmapped"' in text


def test_collect_threads_skips_a_gui_ident_with_no_python_thread() -> None:
    threads = collect_threads(-1, {-2: "ghost"})
    names = [name for name, _, _ in threads]
    assert "AWT-EventQueue-0" not in names
    assert "ghost" not in names
    assert threading.current_thread().name in names
