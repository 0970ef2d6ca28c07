"""The layering rules of docs/DESIGN.md section 1 and STYLE.md sections 1, 2 and 6."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _py_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every imported module name (``from x import y`` gives x and x.y)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
    return found


def _offenders(folder: str, banned: tuple[str, ...]) -> list[str]:
    out = []
    for path in _py_files(folder):
        for line, name in _imports(path):
            if any(name == b or name.startswith(b + ".") for b in banned):
                out.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    return out


def test_runtime_imports_no_gui_qt_no_qasync_no_upper_layers() -> None:
    banned = ("PySide6.QtWidgets", "PySide6.QtGui", "qasync", "widgets", "app")
    assert _offenders("runtime", banned) == []


def test_widgets_import_neither_app_nor_qasync() -> None:
    assert _offenders("widgets", ("app", "qasync")) == []


def test_main_py_is_short_and_has_no_logic() -> None:
    source = (ROOT / "main.py").read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 40
    tree = ast.parse(source)
    defs = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.ClassDef)]
    assert defs == []


THREAD_APIS = re.compile(
    r"\b(QThreadPool|QRunnable|QThread|moveToThread|threading\.Thread"
    r"|concurrent\.futures|QueuedConnection)\b"
)
THREAD_MODULES = {"runtime/dispatch.py", "runtime/workers.py"}


@pytest.mark.parametrize("folder", ["runtime", "widgets", "app"])
def test_only_dispatch_and_workers_touch_threads(folder: str) -> None:
    """Thread-crossing lives in two modules (STYLE.md section 2).

    Type annotations and docstrings may *name* QThreadPool (a pool is
    injected into Workers); creating or starting threads may not.
    """
    offenders = []
    for path in _py_files(folder):
        rel = str(path.relative_to(ROOT))
        if rel in THREAD_MODULES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                text = ast.unparse(node.func)
                if THREAD_APIS.search(text):
                    offenders.append(f"{rel}:{node.lineno} calls {text}")
            elif isinstance(node, ast.Attribute) and node.attr in (
                "QueuedConnection",
                "moveToThread",
            ):
                offenders.append(f"{rel}:{node.lineno} uses {node.attr}")
    assert offenders == []


BANNED_WAITS = re.compile(r"(^|\.)(sleep|wait|qWait|processEvents)$")
BANNED_OWNERS = ("time.sleep", "qtbot.wait", "QTest.qWait", "processEvents")


def _banned_wait(func: str) -> bool:
    return bool(BANNED_WAITS.search(func)) and any(
        func == owner or func.endswith("." + owner) or func.endswith(owner)
        for owner in BANNED_OWNERS
    )


def test_banned_wait_detection_sees_each_form() -> None:
    for func in ("time.sleep", "qtbot.wait", "QTest.qWait", "app.processEvents"):
        assert _banned_wait(func), func
    for func in ("qtbot.waitUntil", "qtbot.waitSignal", "sim.wait_idle", "sleep"):
        assert not _banned_wait(func), func


JYTHON_CORPUS = ROOT / "tests" / "jython" / "corpus"


def test_tests_never_sleep_to_wait() -> None:
    """Tests wait on signals, callbacks or idleness (STYLE.md section 6).

    Script source *under test* may sleep to stand for slow work: those are
    string literals, which this check does not see.
    """
    offenders = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if JYTHON_CORPUS in path.parents:
            continue  # Jython 2.7 source run by the oracle, not Python 3 tests
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _banned_wait(ast.unparse(node.func)):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            elif isinstance(node, ast.ImportFrom) and node.module in (
                "time",
                "PySide6.QtTest",
            ):
                names = {a.name for a in node.names}
                if names & {"sleep", "QTest"}:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name == "time" and alias.asname:
                        offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
