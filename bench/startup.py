"""Benchmark: process start to the main window shown, against a bare PySide6 window.

Each sample is a fresh Python process, timed from spawning it until it prints
that its window is shown and the event loop has turned once. visionsim's child
does what ``python main.py`` does on the default project (imports, the
simulation with its gateway and client, the startup window in the client's
desktop, every panel) without the qasync loop wrapper; the raw child creates a
QApplication and shows one QWidget. Target: <= 3x. Both run offscreen.

Usage: ``.venv/bin/python bench/startup.py [--check] [--reps N]`` (``--reps``:
processes per variant, default 5).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

import _common as bc

OURS = """
import os, sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from app.cli import DEFAULT_PROJECT
from app.main_window import MainWindow
app = QApplication([])
settings = QSettings({ini!r}, QSettings.Format.IniFormat)
window = MainWindow(DEFAULT_PROJECT, settings=settings)
window.show()
app.processEvents()
print("shown", flush=True)
window.close()
os._exit(0)
"""

RAW = """
import os
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.resize(1400, 900)
window.show()
app.processEvents()
print("shown", flush=True)
os._exit(0)
"""


def time_to_shown(code: str) -> float:
    """Seconds from spawning ``python -c code`` until it prints ``shown``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    proc.wait(timeout=30)
    if line.strip() != "shown":
        raise RuntimeError(f"the child did not show its window: {line!r}")
    return elapsed


def main() -> int:
    """Run the measurement and print the table."""
    args = bc.parse_args(__doc__.splitlines()[0])
    reps = max(args.reps, 5) if args.reps == 3 else args.reps
    with tempfile.TemporaryDirectory() as tmp:
        ours_code = OURS.format(root=str(bc.ROOT), ini=os.path.join(tmp, "s.ini"))
        time_to_shown(ours_code)  # warm the page cache for both
        time_to_shown(RAW)
        results = bc.interleaved(
            reps,
            {
                "raw": lambda: time_to_shown(RAW),
                "ours": lambda: time_to_shown(ours_code),
            },
        )
    raw = bc.median(results["raw"])
    ours = bc.median(results["ours"])
    rows = [
        bc.Row(
            f"process start to main window shown, median of {reps}",
            bc.fmt_ms(ours * 1e9),
            bc.fmt_ms(raw * 1e9),
            ours / raw,
            "<= 3x raw",
            ours <= 3 * raw,
        ),
        bc.Row(
            "same, slowest run",
            bc.fmt_ms(max(results["ours"]) * 1e9),
            bc.fmt_ms(max(results["raw"]) * 1e9),
            max(results["ours"]) / max(results["raw"]),
            "info",
            None,
        ),
    ]
    print(bc.header("visionsim startup benchmark (bench/startup.py)"))
    print()
    print(bc.table(rows))
    print(
        "\nBaseline: a fresh process creating a QApplication and showing one "
        "QWidget. Both offscreen; each sample a new process."
    )
    return bc.exit_code(rows, args.check)


if __name__ == "__main__":
    sys.exit(main())
