"""The benchmarks in ``bench/`` run end to end in smoke mode (CI: they cannot rot)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.mark.parametrize("name", ["dispatch", "requests", "components"])
def test_benchmark_runs_in_smoke_mode(name: str) -> None:
    """Each benchmark prints its full table with --smoke, judging nothing."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, str(BENCH / f"{name}.py"), "--smoke", "--check"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=BENCH.parent,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = [line for line in proc.stdout.splitlines() if line.startswith("| (")]
    assert rows, proc.stdout
    assert any("CPU per op" in row for row in rows)
    # Smoke mode judges nothing: every row is information only.
    assert all(row.endswith("| info | info |") or "| - |" in row for row in rows)
