"""``python main.py run``: docs/DESIGN.md section 4, in real subprocesses."""

from __future__ import annotations

import subprocess
import time
from typing import TYPE_CHECKING

import pytest

from tests.conftest import SAMPLES, run_main

if TYPE_CHECKING:
    from pathlib import Path

MANUAL = str(SAMPLES / "ThreadingBasics" / "scenarios" / "manual_example.py")


def _script(tmp_path: Path, source: str, name: str = "script.py") -> str:
    path = tmp_path / name
    path.write_text(source)
    return str(path)


def test_manual_example_runs_worker_off_and_send_back_on_the_gui_thread() -> None:
    code, out, err = run_main("run", MANUAL, "--strict")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    worker = next(line for line in lines if line.startswith("longProcess on "))
    assert "AWT-EventQueue-0" not in worker
    assert "sendBack on AWT-EventQueue-0: 3 rows" in lines
    # the button's script returns before the worker reports back
    assert lines.index("actionPerformed done on AWT-EventQueue-0") < lines.index(
        "sendBack on AWT-EventQueue-0: 3 rows"
    )


def test_prints_of_all_threads_reach_stdout_in_order(tmp_path: Path) -> None:
    script = _script(
        tmp_path,
        "print('one')\n"
        "def w():\n"
        "    print('two')\n"
        "    def three():\n"
        "        print 'three'\n"
        "    system.util.invokeLater(three)\n"
        "system.util.invokeAsynchronous(w).join()\n",
    )
    code, out, _ = run_main("run", script, "--show-threads")
    assert code == 0
    tail = out.splitlines()[-3:]
    assert tail[0] == "[AWT-EventQueue-0] one"
    assert tail[1].startswith("[Thread-")
    assert tail[1].endswith("] two")
    assert tail[2] == "[AWT-EventQueue-0] three"


def test_async_error_exits_1_with_traceback_and_start_stack(tmp_path: Path) -> None:
    script = _script(
        tmp_path,
        "def work():\n"
        "    raise KeyError('missing')\n"
        "system.util.invokeAsynchronous(work)\n",
    )
    code, _, err = run_main("run", script)
    assert code == 1
    assert f'File "{script}", line 2, in work' in err
    assert "KeyError: 'missing'" in err
    assert "Scheduled from:" in err
    assert "line 3" in err


def test_invoke_later_error_exits_1(tmp_path: Path) -> None:
    script = _script(tmp_path, "system.util.invokeLater(lambda: [][1], 20)\n")
    code, _, err = run_main("run", script)
    assert code == 1
    assert "Error in invokeLater" in err
    assert "IndexError" in err


def test_script_error_exits_1_naming_script_and_line(tmp_path: Path) -> None:
    script = _script(tmp_path, "x = 1\nundefined_name\n")
    code, _, err = run_main("run", script)
    assert code == 1
    assert f"{script}, line 2" in err
    assert "NameError" in err


def test_timeout_exits_3_promptly_while_a_task_sleeps(tmp_path: Path) -> None:
    script = _script(
        tmp_path,
        "import time\n"
        "for i in range(20):\n"
        "    system.util.invokeAsynchronous(\n"
        "        time.sleep, [600], description='nap %d' % i)\n",
    )
    started = time.monotonic()
    code, _, err = run_main("run", script, "--timeout", "1")
    elapsed = time.monotonic() - started
    assert code == 3
    assert "still busy after the 1 s timeout" in err
    assert "(nap 7)" in err
    assert elapsed < 8  # 1 s timeout + at most 2 s shutdown + process start
    assert "QThread" not in err
    assert "Abort" not in err


def test_a_gui_thread_blocked_past_the_timeout_still_exits_3(tmp_path: Path) -> None:
    script = _script(tmp_path, "while True:\n    pass\n")
    started = time.monotonic()
    code, _, err = run_main("run", script, "--timeout", "1")
    assert code == 3
    assert "GUI thread is still blocked" in err
    assert time.monotonic() - started < 10


def test_gateway_scope_runs_off_the_gui_thread_without_invoke_later(
    tmp_path: Path,
) -> None:
    script = _script(
        tmp_path,
        "from java.lang import Thread\n"
        "print(Thread.currentThread().getName())\n"
        "print hasattr(system.util, 'invokeLater'), hasattr(system, 'gui')\n",
    )
    code, out, err = run_main("run", script, "--scope", "gateway")
    assert (code, err) == (0, "")
    name, flags = out.splitlines()[-2:]
    assert name.startswith("gateway-local-")
    assert flags == "False False"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run"], "the following arguments are required"),
        (["run", "x.py", "--scope", "designer"], "invalid choice"),
        (["run", "x.py", "--timeout", "soon"], "not a number"),
        (["run", "x.py", "--answer", "confirm"], "NAME=VALUE"),
        (["--bogus"], "unrecognized arguments"),
        (["run", "no/such/script.py"], "cannot read script"),
        (["run", MANUAL, "--project", "no/such/project"], "project folder not found"),
    ],
)
def test_bad_usage_exits_4_with_a_message(args: list[str], message: str) -> None:
    code, _, err = run_main(*args)
    assert code == 4
    assert message in err


def test_broken_project_exits_4_naming_file_and_line(tmp_path: Path) -> None:
    project = tmp_path / "Broken"
    project.mkdir()
    (project / "project.json").write_text('{"title": "x",}\n')
    code, _, err = run_main("run", MANUAL, "--project", str(project))
    assert code == 4
    assert f"{project / 'project.json'}:1:" in err


def _main_without_display(*args: str) -> subprocess.CompletedProcess[str]:
    import os
    import sys

    from tests.conftest import ROOT

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def test_app_without_display_runs_the_demo_headless() -> None:
    proc = _main_without_display()
    assert proc.returncode == 0, proc.stderr
    assert "no display found" in proc.stdout
    assert "sendBack runs on AWT-EventQueue-0: sum = 10" in proc.stdout


def test_app_without_display_starts_the_project_it_was_given() -> None:
    proc = _main_without_display("--project", str(SAMPLES / "Messaging"))
    assert proc.returncode == 0, proc.stderr
    assert "no display found" in proc.stdout
    assert "Messaging gateway started" in proc.stdout
    assert "[AWT-EventQueue-0] open windows: Main" in proc.stdout
    assert "sum = 10" not in proc.stdout  # not the default project's demo


def test_trace_option_writes_chrome_trace_json(tmp_path: Path) -> None:
    import json

    out_file = tmp_path / "run.trace.json"
    code, _, err = run_main("run", MANUAL, "--trace", str(out_file))
    assert code == 0
    assert f"to {out_file}" in err
    events = json.loads(out_file.read_text())["traceEvents"]
    lanes = {e["args"]["name"] for e in events if e.get("name") == "thread_name"}
    assert "AWT-EventQueue-0" in lanes
    assert any(name.endswith(": manual example") for name in lanes)


def test_sys_exit_in_the_script_is_an_error(tmp_path: Path) -> None:
    script = _script(
        tmp_path, "import sys\nsystem.util.invokeLater(lambda: None)\nsys.exit(0)\n"
    )
    code, _, err = run_main("run", script)
    assert code == 1
    assert "SystemExit" in err


def test_options_given_before_run_are_kept(tmp_path: Path) -> None:
    script = _script(tmp_path, "print(system.util.getProjectName())\n")
    project = tmp_path / "Other"
    project.mkdir()
    (project / "project.json").write_text("{}")
    code, out, _ = run_main("--project", str(project), "run", script)
    assert code == 0
    assert out.splitlines()[-1] == "Other"


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "0"])
def test_timeout_must_be_finite_and_positive(value: str) -> None:
    code, _, err = run_main("run", MANUAL, "--timeout", value)
    assert code == 4
    assert "--timeout" in err


def test_a_script_that_is_not_utf8_is_bad_usage(tmp_path: Path) -> None:
    path = tmp_path / "latin1.py"
    path.write_bytes(b"print('caf\xe9')\n")
    code, _, err = run_main("run", str(path))
    assert code == 4
    assert "cannot read script" in err


def test_unencodable_output_is_escaped_not_an_error(tmp_path: Path) -> None:
    script = _script(tmp_path, "print('bad \\ud800 surrogate')\n")
    code, out, _ = run_main("run", script)
    assert code == 0
    assert "bad \\ud800 surrogate" in out


def test_a_lingering_plain_thread_does_not_hang_the_exit(tmp_path: Path) -> None:
    script = _script(
        tmp_path,
        "import threading, time\n"
        "threading.Thread(target=time.sleep, args=(600,), name='stuck').start()\n",
    )
    started = time.monotonic()
    code, _, err = run_main("run", script, timeout=30)
    assert code == 0
    assert "(stuck)" in err
    assert time.monotonic() - started < 15


def test_ctrl_c_stops_the_run_with_130(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    from tests.conftest import ROOT

    script = _script(
        tmp_path,
        "from __future__ import print_function\n"
        "import time\n"
        "system.util.invokeAsynchronous(time.sleep, [600])\n"
        "print('started', flush=True)\n",
    )
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "run", script, "--timeout", "60"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.stdout is not None
    try:
        for line in proc.stdout:  # wait for the script to be running
            if line.startswith("started"):
                break
        started = time.monotonic()
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:  # a failure must not leave the process (and its pipes) behind
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130
    assert "interrupted" in err
    assert time.monotonic() - started < 10


def test_remote_gateway_option_hosts_a_project_reachable_by_name(
    tmp_path: Path,
) -> None:
    from tests.conftest import write_project

    remote = write_project(
        tmp_path,
        "Remote",
        gateway_events="""
            messageHandlers:
              where:
                script: |
                  from java.lang import Thread
                  return Thread.currentThread().getName()
            """,
    )
    script = _script(
        tmp_path,
        'print(system.util.sendRequest("Remote", "where", remoteServer="Plant2"))\n',
    )
    for scope in ("client", "gateway"):
        code, out, err = run_main(
            "run", script, "--remote", f"Plant2={remote}", "--scope", scope
        )
        assert (code, err) == (0, "")
        assert out.splitlines()[-1].startswith("gateway-Plant2-shared-")


def test_an_unobserved_request_error_fails_the_run(tmp_path: Path) -> None:
    from tests.conftest import write_project

    project = write_project(
        tmp_path,
        "P",
        gateway_events="""
            messageHandlers:
              boom:
                script: |
                  raise ValueError("bad")
            """,
    )
    quiet = _script(tmp_path, 'system.util.sendRequestAsync("P", "boom")\n', "a.py")
    handled = _script(
        tmp_path,
        'system.util.sendRequestAsync("P", "boom", onError=lambda e: None)\n',
        "b.py",
    )
    code, _, err = run_main("run", quiet, "--project", str(project))
    assert code == 1
    assert "unobserved" in err
    assert 'File "P/gateway-events/messageHandlers/boom", line 1' in err
    code, _, err = run_main("run", handled, "--project", str(project))
    assert (code, err) == (0, "")


SCENARIOS = SAMPLES / "ThreadingBasics" / "scenarios"


def test_manual_example_from_the_real_button_passes_strict() -> None:
    code, out, err = run_main(
        "run", str(SCENARIOS / "manual_example_button.py"), "--strict"
    )
    assert (code, err) == (0, "")
    assert "clicked; the label says: Working..." in out
    assert "after the worker: Done: 3 rows" in out


def test_the_worker_writing_the_label_exits_2_naming_the_script() -> None:
    code, _, err = run_main("run", str(SCENARIOS / "unsafe_label_write.py"), "--strict")
    assert code == 2
    assert "Thread violation: Label.text write in " in err
    assert "Main/Root Container/StartUnsafe.actionPerformed, line 5" in err
    assert "Task started at:" in err
    code, _, _ = run_main("run", str(SCENARIOS / "unsafe_label_write.py"))
    assert code == 0  # without --strict it is reported, not failed


def test_dialogs_print_and_take_answers(tmp_path: Path) -> None:
    script = _script(
        tmp_path,
        'print(system.gui.confirm("Delete all?", "Careful", True))\n'
        'print(system.gui.inputBox("Name?"))\n'
        'system.gui.messageBox("Saved")\n',
    )
    code, out, _ = run_main(
        "run", script, "--answer", "confirm=cancel", "--answer", "input=abc"
    )
    assert code == 0
    assert out.splitlines()[-5:] == [
        "[confirm] Careful: Delete all? -> cancel",
        "None",
        "[inputBox] Input: Name? -> 'abc'",
        "abc",
        "[messageBox] Information: Saved",
    ]
