"""``main.py check``: DESIGN.md section 4 on binary and YAML projects."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, run_main
from tests.runtime.resources.encoder import s
from tests.runtime.resources.projects import (
    GATEWAY_EVENTS,
    Comp,
    gateway_events,
    window,
    window_path,
    write_project,
)
from visionsim.app.check import run_check

CONTRACT_KEYS = {
    "windows": {"total", "built"},
    "templates": {"total"},
    "components": {"total", "simulated", "unsimulated"},
    "scripts": {"total", "compiled", "failed"},
    "bindings": {"total", "simulated", "unsimulated"},
}


def _project(tmp_path: Path, button_script: str) -> Path:
    button = Comp(
        "Button",
        "Start",
        calls=[("setText", [s("Start")])],
        events={"action.actionPerformed": button_script},
    )
    chart = Comp("Chart", "Trend")
    return write_project(
        tmp_path / "Proj",
        {
            window_path("Main"): window("Main", [button, chart]),
            GATEWAY_EVENTS: gateway_events(
                startup="print('up')",
                handlers={"ping": (None, "def handleMessage(payload):\n\treturn 1")},
            ),
        },
    )


def _check(project: Path) -> tuple[int, dict[str, object]]:
    out = io.StringIO()
    code = run_check(project, True, out)
    return code, json.loads(out.getvalue())


def test_a_clean_binary_project_reports_everything_and_exits_0(
    qapp: object, tmp_path: Path
) -> None:
    code, report = _check(_project(tmp_path, "print('go')"))
    assert code == 0
    for key, fields in CONTRACT_KEYS.items():
        assert fields <= set(report[key])  # type: ignore[arg-type]
    assert report["windows"] == {"total": 1, "built": 1}
    assert report["components"] == {
        "total": 2,
        "simulated": 1,
        "unsimulated": {"PMIChart": 1},
        "byType": {"Button": 1, "Placeholder": 1},
    }
    assert report["scripts"] == {"total": 3, "compiled": 3, "failed": []}
    names = [e["name"] for e in report["eventScripts"]]  # type: ignore[attr-defined]
    assert names == [
        "gateway-events startup",
        "gateway-events message handler ping",
    ]


def test_a_script_that_does_not_compile_is_listed_with_its_line(
    qapp: object, tmp_path: Path
) -> None:
    # Python 2 syntax compiles (scripts are Jython 2.7); a missing colon does not
    code, report = _check(_project(tmp_path, "x = 1\nif x print 'x'\n"))
    assert code == 1
    assert report["windows"] == {"total": 1, "built": 1}  # still built
    (failed,) = report["scripts"]["failed"]  # type: ignore[index]
    assert failed["resource"] == "Main/Root Container/Start.actionPerformed"
    assert failed["line"] == 2
    assert "invalid syntax" in failed["error"]


def test_a_window_that_cannot_be_decoded_is_a_failure_not_a_crash(
    qapp: object, tmp_path: Path
) -> None:
    root = _project(tmp_path, "pass")
    broken = root / window_path("Broken")
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"\x1f\x8b\x08 truncated")
    code, report = _check(root)
    assert code == 1
    assert report["windows"] == {"total": 2, "built": 1}
    (failed,) = report["failedResources"]  # type: ignore[misc]
    assert failed["path"] == "Broken"
    assert "window.bin" in failed["error"]


def test_cli_check_on_a_yaml_sample_and_on_an_unreadable_project(
    tmp_path: Path,
) -> None:
    code, out, err = run_main("check", "--project", str(SAMPLES / "ThreadingBasics"))
    assert (code, err) == (0, "")
    assert "windows:" in out
    code, out, err = run_main("check", "--json", "--project", str(tmp_path / "none"))
    assert code == 4
    assert "project folder not found" in err


REAL = os.environ.get("VISIONSIM_REAL_PROJECTS")


def _real_projects() -> list[Path]:
    if not REAL:
        return []
    found = sorted(Path(REAL).glob("**/project.json"))
    return [p.parent for p in found if "/." not in str(p)]


@pytest.mark.skipif(not REAL, reason="VISIONSIM_REAL_PROJECTS names no folder")
@pytest.mark.parametrize("project", _real_projects(), ids=lambda p: p.name)
def test_real_projects_build_every_window_and_template(
    qapp: object, project: Path
) -> None:
    code, report = _check(project)
    assert code in (0, 1)  # script failures are allowed until Jython lands
    assert report["failedResources"] == []
    windows, templates = report["windows"], report["templates"]
    assert windows["built"] == windows["total"]  # type: ignore[index]
    assert templates["built"] == templates["total"]  # type: ignore[index]
    events = project.glob("**/event-scripts/data.bin")
    if any(events):
        assert report["eventScripts"]
