"""The PySide6 6.12.0 / CPython 3.11 Signal.emit() refcount bug must not be here."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_signal_emit_does_not_drift_the_refcount_of_true() -> None:
    # In a subprocess: an affected build kills the interpreter after ~570 emits.
    proc = subprocess.run(
        [sys.executable, str(ROOT / ".ci" / "check_signal_refcount.py")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "ok" in proc.stdout
