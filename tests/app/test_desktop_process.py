"""``python main.py`` as a process: Ctrl+C or SIGTERM with scripts running."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import pytest

from tests.conftest import ROOT, write_project

if TYPE_CHECKING:
    from pathlib import Path

# The client's startup script starts a worker that never ends by itself (it
# sleeps in 0.1 s steps, as a cooperative script does), then says it is ready
# through a FIFO the test is reading: at once (the window is still being
# built) or from invokeLater (the event loop is running).
CLIENT_EVENTS = """
    startup: |
      import time
      def spin():
          while True:
              time.sleep(0.1)
      def say_ready():
          with open({fifo!r}, "w") as ready:
              ready.write("ready")
      system.util.invokeAsynchronous(spin, description="spin forever")
      {when}
    """
WHEN = {
    "during start-up": "say_ready()",
    "running": "system.util.invokeLater(say_ready)",
}


def wait_readable(fd: int, timeout_s: float) -> bool:
    readable, _, _ = select.select([fd], [], [], timeout_s)
    return bool(readable)


@pytest.mark.parametrize("when", list(WHEN))
@pytest.mark.parametrize(
    "sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"]
)
def test_a_signal_closes_the_app_cleanly_with_a_script_running(
    tmp_path: Path, sig: signal.Signals, when: str
) -> None:
    fifo = tmp_path / "ready.fifo"
    os.mkfifo(fifo)
    events = CLIENT_EVENTS.format(fifo=str(fifo), when=WHEN[when])
    project = write_project(tmp_path, "Spin", client_events=events)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # not the user's settings
    }
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--project", str(project)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert wait_readable(reader, 60), "the app never ran its startup script"
        assert os.read(reader, 16) == b"ready"
        signalled = time.monotonic()
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=30)
        elapsed = time.monotonic() - signalled
    finally:
        os.close(reader)
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert elapsed < 2.0, f"took {elapsed:.2f} s to exit"
    assert "QThread: Destroyed" not in err
    assert "Abort" not in err
    assert "Traceback" not in err


def test_start_up_does_not_make_pyside_build_every_widget_type(tmp_path: Path) -> None:
    # PySide6 creates a Qt type (and its Python enums) on first use. A call
    # that returns a bare QWidget it has no wrapper for (``viewport()``, say)
    # makes it match the pointer against every QtWidgets type, creating them
    # all: 14 ms of start-up. QWizard is one visionsim never uses.
    probe = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from PySide6 import QtWidgets
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from visionsim.app.cli import DEFAULT_PROJECT
from visionsim.app.main_window import MainWindow
app = QApplication([])
settings = QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat)
window = MainWindow(DEFAULT_PROJECT, settings=settings)
window.show()
for _ in range(3):
    app.processEvents()
print(sorted(vars(QtWidgets)).count("QWizard"), len(window.panels))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["0", "8"]  # 8 docks: Tags, Database, Project


# Scripts that never give the GIL back willingly: a cooperative interrupt
# cannot stop them, so the app must quit without waiting for them.
BURN_EVENTS = """
    startup: |
      def burn():
          n = 0
          while True:
              n = (n + 1) % 1000
      def say_ready():
          with open({fifo!r}, "w") as ready:
              ready.write("ready")
      system.util.invokeAsynchronous(burn, description="burn")
      system.util.invokeLater(say_ready)
    """
TRIES, AT_ONCE = 20, 5


def _start_burning_app(
    tmp_path: Path, project: Path, index: int
) -> tuple[subprocess.Popen[str], int]:
    os.mkfifo(tmp_path / f"ready-{index}.fifo")
    fifo = tmp_path / f"ready-{index}.fifo"
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / f"config-{index}"),
    }
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--project", str(project)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    return proc, reader


def _signal_and_time(
    started: tuple[int, subprocess.Popen[str], int],
) -> tuple[float, int | None, str]:
    i, proc, _ = started
    signalled = time.monotonic()
    proc.send_signal(signal.SIGINT if i % 2 else signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    return time.monotonic() - signalled, proc.returncode, err


def test_ctrl_c_and_sigterm_quit_within_2_s_with_cpu_bound_scripts_20_of_20(
    tmp_path: Path,
) -> None:
    results: list[tuple[float, int | None, str]] = []
    for batch in range(TRIES // AT_ONCE):
        running = []
        for i in range(batch * AT_ONCE, (batch + 1) * AT_ONCE):
            fifo = tmp_path / f"ready-{i}.fifo"
            events = BURN_EVENTS.format(fifo=str(fifo))
            project = write_project(tmp_path, f"Burn{i}", client_events=events)
            running.append((i, *_start_burning_app(tmp_path, project, i)))
        try:
            for i, _, reader in running:
                assert wait_readable(reader, 60), f"try {i}: never started"
                assert os.read(reader, 16) == b"ready"
            # All of the batch at once: each exit is timed on its own thread.
            with ThreadPoolExecutor(len(running)) as pool:
                results += pool.map(_signal_and_time, running)
        finally:
            for _, proc, reader in running:
                os.close(reader)
                if proc.poll() is None:
                    proc.kill()
                    proc.communicate()
    slow = [f"{t:.2f} s" for t, _, _ in results if t >= 2.0]
    assert not slow, f"{len(slow)} of {TRIES} took 2 s or more: {slow}"
    assert [code for _, code, _ in results] == [0] * TRIES
    assert [err for _, _, err in results if err] == []
