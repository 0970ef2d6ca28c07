"""Headless runs: client loggers to stdout, gateway loggers to stderr (wrapper.log)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.conftest import run_main

if TYPE_CHECKING:
    from pathlib import Path


def test_gateway_logs_go_to_stderr_and_client_logs_to_stdout(tmp_path: Path) -> None:
    script = tmp_path / "logs.py"
    script.write_text(
        "system.util.getLogger('Client').info('from the client')\nprint('printed')\n"
    )
    code, out, err = run_main("run", str(script), "--timeout", "10")
    assert code == 0
    # after the sample project's own startup prints
    assert out.splitlines()[-2:] == ["INFO  [Client] from the client", "printed"]
    assert err == ""
    script.write_text("system.util.getLogger('GW').warn('from the gateway')\n")
    code, out, err = run_main("run", str(script), "--scope", "gateway")
    assert code == 0
    assert "from the gateway" not in out
    assert err == "WARN  [GW] from the gateway\n"
