"""``main.py run`` against hostile scripts: the documented report and exit code."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest

from tests.conftest import ROOT, run_main

if TYPE_CHECKING:
    from pathlib import Path


def _script(tmp_path: Path, source: str) -> str:
    path = tmp_path / "hostile.py"
    path.write_text(source)
    return str(path)


def test_a_script_starving_the_interpreter_still_ends_at_the_deadline(
    tmp_path: Path,
) -> None:
    """The in-process watchdog needs the GIL; the supervisor process does not."""
    script = _script(
        tmp_path,
        "import sys\n"
        "sys.setswitchinterval(1e6)\n"
        "def spin():\n"
        "    while True:\n"
        "        pass\n"
        "system.util.invokeAsynchronous(spin)\n",
    )
    started = time.monotonic()
    code, _, err = run_main("run", script, "--timeout", "1")
    assert code == 3
    assert "still going after its timeout" in err
    assert time.monotonic() - started < 30  # it hung forever before


def test_sigterm_from_the_script_stops_the_run_cleanly_with_143(
    tmp_path: Path,
) -> None:
    script = _script(
        tmp_path,
        "import os, signal\nos.kill(os.getpid(), signal.SIGTERM)\nprint('after')\n",
    )
    code, out, err = run_main("run", script)
    assert code == 128 + signal.SIGTERM
    assert "after" not in out
    assert err == "visionsim: terminated (SIGTERM); stopped cleanly\n"


def test_sigterm_to_the_process_stops_the_run_with_143(tmp_path: Path) -> None:
    script = _script(
        tmp_path,
        "import time\n"
        "system.util.invokeAsynchronous(time.sleep, [600])\n"
        "print('started')\n",
    )
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "run", script, "--timeout", "60"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            if line.startswith("started"):
                break
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 128 + signal.SIGTERM
    assert err.endswith("visionsim: terminated (SIGTERM); stopped cleanly\n")


@pytest.mark.parametrize("value", ["1e10", "inf", "nan", "0"])
def test_an_out_of_range_timeout_is_bad_usage(tmp_path: Path, value: str) -> None:
    code, _, err = run_main("run", _script(tmp_path, "pass\n"), "--timeout", value)
    assert code == 4
    assert "--timeout" in err


@pytest.mark.parametrize(
    "raise_it",
    [
        "class Boom(BaseException):\n    pass\nraise Boom('custom')\n",
        "system.util.invokeLater(lambda: (_ for _ in ()).throw(KeyboardInterrupt))\n",
        "def cb(value):\n    raise GeneratorExit('x')\n"
        "system.util.sendRequestAsync('ThreadingBasics', 'nope', onError=cb)\n",
    ],
    ids=["custom-in-script", "keyboard-interrupt-in-invoke-later", "in-callback"],
)
def test_any_base_exception_is_reported_and_exits_1(
    tmp_path: Path, raise_it: str
) -> None:
    code, _, err = run_main("run", _script(tmp_path, raise_it))
    assert code == 1, err
    assert "Traceback" in err
    assert "runner.py" not in err  # the report, not an internal traceback
    assert "scripting.py" not in err


def test_a_fifo_as_the_script_is_bad_usage_not_a_hang(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "script.py"
    os.mkfifo(fifo)
    code, _, err = run_main("run", str(fifo), timeout=30)
    assert code == 4
    assert "not a regular file" in err
