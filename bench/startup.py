"""Benchmark: process start to the main window shown, against a bare PySide6 window.

Each sample is a fresh Python process, timed from spawning it until it prints
that its window is shown and the event loop has turned once. visionsim's child
is ``python main.py`` on the default project (imports, the qasync loop, the
simulation with its gateway and client, the startup window in the client's
desktop, every panel), with settings in a fresh config directory; the raw
child creates a QApplication and shows one QWidget. Target: <= 3x. Both run
offscreen.

Both children start with their bytecode cached, as every start after the first
does on a normal install (pip compiles PySide6's and the stdlib's modules at
install time; Python caches ours on first import). The cache goes to a
temporary ``PYTHONPYCACHEPREFIX``, so the source tree stays clean and a
``PYTHONDONTWRITEBYTECODE`` in the environment (this machine sets it) does not
turn every sample into a compile of all of visionsim. That cold case is
measured too, as an info row: a copy of visionsim's sources with no bytecode,
run with ``PYTHONDONTWRITEBYTECODE=1``, so every start compiles every
visionsim module (the stdlib and site-packages keep their install-time cache).

Usage: ``.venv/bin/python bench/startup.py [--check] [--reps N]`` (``--reps``:
processes per variant, default 15).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from typing import NamedTuple

import _common as bc

# ``python main.py`` as is, qasync loop and all, plus a probe: when the main
# window is shown and the event loop has turned once (and then processed
# whatever was still pending), print "shown" and exit.
# The probe patches MainWindow as its module loads (an import hook), so the
# app imports its modules in its own order.
OURS = """
import os, sys
from importlib.machinery import PathFinder

class Probe:
    def find_spec(self, name, path=None, target=None):
        if name != "visionsim.app.main_window":
            return None
        sys.meta_path.remove(self)
        spec = PathFinder.find_spec(name, path)
        exec_module = spec.loader.exec_module
        def exec_and_patch(module):
            exec_module(module)
            shown = module.MainWindow.showEvent
            def show_event(window, event):
                shown(window, event)
                module.QTimer.singleShot(0, report)
            module.MainWindow.showEvent = show_event
        spec.loader.exec_module = exec_and_patch
        return spec

def report():
    from PySide6.QtWidgets import QApplication
    QApplication.processEvents()  # anything still pending, a paint included
    print("shown", flush=True)
    os._exit(0)

sys.meta_path.insert(0, Probe())
main_py = os.path.join({root!r}, "main.py")
sys.path.insert(0, {root!r})
sys.argv = [main_py]
with open(main_py, encoding="utf-8") as fh:
    exec(compile(fh.read(), main_py, "exec"), {{"__name__": "__main__"}})
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


def cached_env(tmp: str) -> dict[str, str]:
    """Offscreen, bytecode written to and read from a cache under ``tmp``."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": os.path.join(tmp, "config"),  # the app's QSettings
        "PYTHONPYCACHEPREFIX": os.path.join(tmp, "pycache"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def cold_env(tmp: str) -> dict[str, str]:
    """As :func:`cached_env`, but reading install-time bytecode only, writing none."""
    env = {**cached_env(tmp), "PYTHONDONTWRITEBYTECODE": "1"}
    del env["PYTHONPYCACHEPREFIX"]
    return env


def copy_sources(dest: str) -> None:
    """visionsim's packages and sample projects, without any bytecode."""
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("app", "runtime", "widgets", "sample_projects"):
        shutil.copytree(bc.ROOT / name, os.path.join(dest, name), ignore=skip)
    shutil.copy(bc.ROOT / "main.py", dest)


class Sample(NamedTuple):
    """One start: wall seconds to "shown", and the CPU seconds it used."""

    wall: float
    cpu: float


def time_to_shown(code: str, env: dict[str, str]) -> Sample:
    """Start ``python -c code``; time it until it prints ``shown``.

    The CPU time (user + system, the whole process) comes from ``wait4``: it
    leaves out time spent waiting for a core, which on a shared machine is
    most of the noise in the wall time.
    """
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
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here
    proc.stdout.close()
    if line.strip() != "shown":
        raise RuntimeError(f"the child did not show its window: {line!r}")
    return Sample(elapsed, usage.ru_utime + usage.ru_stime)


def main() -> int:
    """Run the measurement and print the table."""
    args = bc.parse_args(__doc__.splitlines()[0])
    reps = 15 if args.reps == 3 else args.reps  # 3 is the shared default
    with tempfile.TemporaryDirectory() as tmp:
        ours_code = OURS.format(root=str(bc.ROOT))
        copy_sources(os.path.join(tmp, "src"))
        cold_code = OURS.format(root=os.path.join(tmp, "src"))
        cached = cached_env(tmp)
        cold = cold_env(tmp)
        time_to_shown(ours_code, cached)  # fill the bytecode and page caches
        time_to_shown(RAW, cached)
        results = bc.interleaved(
            reps,
            {
                "raw": lambda: time_to_shown(RAW, cached),
                "ours": lambda: time_to_shown(ours_code, cached),
                "cold": lambda: time_to_shown(cold_code, cold),
            },
        )
    wall = {k: [s.wall for s in v] for k, v in results.items()}
    cpu = {k: [s.cpu for s in v] for k, v in results.items()}
    raw, ours = bc.median(wall["raw"]), bc.median(wall["ours"])
    cold_ours = bc.median(wall["cold"])
    raw_cpu, ours_cpu = bc.median(cpu["raw"]), bc.median(cpu["ours"])
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
            "same, fastest run",
            bc.fmt_ms(min(wall["ours"]) * 1e9),
            bc.fmt_ms(min(wall["raw"]) * 1e9),
            min(wall["ours"]) / min(wall["raw"]),
            "info",
            None,
        ),
        bc.Row(
            "same, slowest run",
            bc.fmt_ms(max(wall["ours"]) * 1e9),
            bc.fmt_ms(max(wall["raw"]) * 1e9),
            max(wall["ours"]) / max(wall["raw"]),
            "info",
            None,
        ),
        bc.Row(
            f"same, CPU time of the process (user + system), median of {reps}",
            bc.fmt_ms(ours_cpu * 1e9),
            bc.fmt_ms(raw_cpu * 1e9),
            ours_cpu / raw_cpu,
            "info",
            None,
        ),
        bc.Row(
            "same, no bytecode cache (compiles all of visionsim)",
            bc.fmt_ms(cold_ours * 1e9),
            bc.fmt_ms(raw * 1e9),
            cold_ours / raw,
            "info",
            None,
        ),
    ]
    print(bc.header("visionsim startup benchmark (bench/startup.py)"))
    print()
    print(bc.table(rows))
    print(
        "\nBaseline: a fresh process creating a QApplication and showing one "
        "QWidget. Both offscreen; each sample a new process with its bytecode "
        "cached (the last row excepted). On a shared machine the wall times "
        "swing with the neighbours' load; the CPU row does much less."
    )
    return bc.exit_code(rows, args.check)


if __name__ == "__main__":
    sys.exit(main())
