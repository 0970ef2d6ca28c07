"""CI: visionsim from its wheel in a fresh venv, used by a user-style repository.

Builds the wheel from the working tree, installs it into a new venv beside
pytest, pytest-qt and pytest-xdist, checks that it adds only ``visionsim``,
runs the ``visionsim`` command, then runs the tests of a generated repository
that has its own ``app/`` package, with no display: the safe project's test
passes, the unsafe one fails naming its script and line, ``-n 2`` agrees, and
``from app import X`` is the user's app. Exits 1 with the reason on a mismatch.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH")
USER_ENV = {k: v for k, v in os.environ.items() if k not in NO_DISPLAY}
USER_ENV.pop("PYTEST_ADDOPTS", None)
WINDOW = """\
openOnStartup: true
rootContainer:
  components:
    - {type: Label, name: Status, bounds: [10, 10, 200, 24], props: {text: Idle}}
    - type: Button
      name: Start
      bounds: [10, 40, 100, 30]
      events:
        actionPerformed: |
          def work(root=event.source.parent):
              import system
              result = "Done"
%s
          system.util.invokeAsynchronous(work, description="work")
"""
SAFE = """\
              def back(root=root, result=result):
                  root.getComponent("Status").text = result
              system.util.invokeLater(back)"""
UNSAFE = '              root.getComponent("Status").text = result'
TEST = """\
from pathlib import Path

PROJECT = Path(__file__).parent.parent / "projects" / {name!r}


def test_start({fixtures}):
    client = vision_client(PROJECT)
    window = client.open_window("Main")
    window.click("Start")
    client.wait_idle(timeout=5)
    assert window.component("Status").text == "Done"
"""
USER_FILES = {
    "pyproject.toml": '[tool.pytest.ini_options]\npythonpath = ["."]\n',
    "app/__init__.py": 'X = "the user\'s app"\n',
    "tests/test_own_app.py": (
        "from app import X\n\n\n"
        'def test_own_app():\n    assert X == "the user\'s app"\n'
    ),
    "tests/test_safe.py": TEST.format(name="Safe", fixtures="qtbot, vision_client"),
    "tests/test_unsafe.py": TEST.format(name="Unsafe", fixtures="vision_client"),
    "projects/Safe/project.json": '{"title": "Safe"}\n',
    "projects/Unsafe/project.json": '{"title": "Unsafe"}\n',
    "projects/Safe/com.inductiveautomation.vision/windows/Main/window.yaml": (
        WINDOW % SAFE
    ),
    "projects/Unsafe/com.inductiveautomation.vision/windows/Main/window.yaml": (
        WINDOW % UNSAFE
    ),
}
EXPECTED = {
    "tests.test_own_app::test_own_app": "passed",
    "tests.test_safe::test_start": "passed",
    "tests.test_unsafe::test_start": "failed",
}
VIOLATION = "Label.text write in Main/Root Container/Start.actionPerformed, line 4"


class CheckFailed(Exception):
    """A check did not hold; the message says which and why."""


def run(cmd: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command; return its output, or raise CheckFailed when it fails."""
    proc = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True
    )
    out = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise CheckFailed(
            f"`{' '.join(map(str, cmd))}` exited {proc.returncode}:\n{out}"
        )
    return out


def build_wheel(tmp: Path) -> Path:
    """Build the wheel from a copy of the working tree (no stale build/)."""
    src = tmp / "src"
    listed = run(["git", "ls-files", "-co", "--exclude-standard", "-z"], ROOT)
    for rel in filter(None, listed.split("\0")):
        if (ROOT / rel).is_file():
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, src / rel)
    pip = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp / "dist"]
    run([*pip, src], tmp)
    (wheel,) = (tmp / "dist").glob("visionsim-*.whl")
    return wheel


def make_venv(tmp: Path, wheel: Path) -> Path:
    """A fresh venv with the wheel, pytest, pytest-qt and pytest-xdist."""
    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", venv], tmp)
    pip = [venv / "bin/python", "-m", "pip", "install", "-q"]
    run([*pip, wheel, "pytest", "pytest-qt", "pytest-xdist"], tmp)
    return venv


def check_installed_names(venv: Path) -> None:
    """The wheel adds visionsim, its dist-info and the console script, no more."""
    code = (
        "import importlib.metadata as m, importlib.util as u\n"
        "print(sorted({str(f).split('/')[0] for f in m.files('visionsim')}))\n"
        "print([n for n in ('app', 'runtime', 'widgets', 'main') if u.find_spec(n)])"
    )
    names, strays = run([venv / "bin/python", "-c", code], venv).splitlines()
    want = "['..', 'visionsim', 'visionsim-0.1.0.dist-info']"
    script = venv / "bin/visionsim"
    if names != want or strays != "[]" or not script.exists():
        raise CheckFailed(f"installed {names}, stray names {strays}; want {want}")


def check_command(venv: Path, repo: Path) -> None:
    """`visionsim` runs the default project's demo headless; `run` runs a script."""
    out = run([venv / "bin/visionsim"], repo, USER_ENV)
    for text in ("ThreadingBasics gateway started", "sendBack runs on AWT-EventQueue"):
        if text not in out:
            raise CheckFailed(f"`visionsim` without a display: no {text!r}:\n{out}")
    (repo / "hello.py").write_text(
        "print('hello from ' + system.util.getProjectName())"
    )
    cmd = [venv / "bin/visionsim", "run", "hello.py", "--project", "projects/Safe"]
    if "hello from Safe" not in (out := run(cmd, repo, USER_ENV)):
        raise CheckFailed(f"`visionsim run hello.py`: unexpected output:\n{out}")


def run_user_tests(repo: Path, *args: str) -> str:
    """Run the user's tests; check the outcomes and the violation message."""
    junit = repo / "junit.xml"
    junit.unlink(missing_ok=True)
    cmd = [*args, "-p", "no:cacheprovider", f"--junitxml={junit}"]
    proc = subprocess.run(cmd, cwd=repo, env=USER_ENV, capture_output=True, text=True)
    out = proc.stdout + proc.stderr
    if not junit.exists():  # pytest died before writing its report
        raise CheckFailed(f"{' '.join(args)} exited {proc.returncode}:\n{out}")
    got = {}
    for case in ET.parse(junit).getroot().iter("testcase"):
        failed = case.find("failure") is not None or case.find("error") is not None
        got[f"{case.get('classname')}::{case.get('name')}"] = (
            "failed" if failed else "passed"
        )
    if got != EXPECTED or proc.returncode != 1:
        raise CheckFailed(
            f"{' '.join(args)}: got {got} (exit {proc.returncode}):\n{out}"
        )
    for text in (VIOLATION, "test_unsafe.py"):
        if text not in out:
            raise CheckFailed(f"{' '.join(args)}: no {text!r} in the report:\n{out}")
    return out


def step(title: str, fn: Callable[..., T], *args: object) -> T:
    """Run one check and print how long it took."""
    t0 = time.monotonic()
    result = fn(*args)
    print(f"  ok  {title} ({time.monotonic() - t0:.1f} s)", flush=True)
    return result


def check_all(tmp: Path) -> None:
    """Every check in order; raises CheckFailed at the first that fails."""
    repo = tmp / "repo"
    for rel, text in USER_FILES.items():
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text(text)
    wheel = step("build the wheel", build_wheel, tmp)
    venv = step(
        "install it with pytest, pytest-qt, pytest-xdist", make_venv, tmp, wheel
    )
    step("it adds only visionsim", check_installed_names, venv)
    step("the visionsim command, no display", check_command, venv, repo)
    pytest = str(venv / "bin/pytest")
    step("pytest, no display", run_user_tests, repo, pytest)
    python_m = (str(venv / "bin/python"), "-m", "pytest")
    step(
        "python -m pytest -n 2, no display", run_user_tests, repo, *python_m, "-n", "2"
    )


def main() -> int:
    """Run the checks in a temporary directory; 0 if all hold, else 1."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="visionsim-ci-") as tmp:
        try:
            check_all(Path(tmp))
        except CheckFailed as exc:
            print(f"user repo check FAILED: {exc}", file=sys.stderr)
            return 1
    print(f"user repo check passed in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
