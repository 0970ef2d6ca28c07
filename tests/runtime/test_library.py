"""The project library: modules by path in every scope, imports, errors, threads."""

from __future__ import annotations

import json
import os
import textwrap
import threading
import types
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from visionsim.runtime import ErrorSink, OutputSink, ProjectError, load_project
from visionsim.runtime.library import LIBRARY, find_modules
from visionsim.runtime.scripting import ScriptScope
from visionsim.runtime.sources import ScriptLocation

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from visionsim.runtime import ClientSession, Simulation

UTIL = """\
print "loading", __name__
greeting = "hello"

def shout(text):
    return text.upper() + "!"

def scope_kind():
    return system.kind
"""


def _write_library(root: Path, modules: dict[str, str | bytes]) -> Path:
    """A project at ``root`` with library ``modules`` (dotted name -> code)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "project.json").write_text(json.dumps({"title": root.name}))
    for name, code in modules.items():
        path = root / LIBRARY / name.replace(".", "/") / "code.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(code, bytes):
            path.write_bytes(code)
        else:
            path.write_text(textwrap.dedent(code), encoding="utf-8")
    return root


def _system(kind: str) -> types.ModuleType:
    module = types.ModuleType("system")
    module.kind = kind  # type: ignore[attr-defined]
    return module


class Scopes:
    """Builds scopes over one project library, sharing an output and error sink."""

    def __init__(self, library: dict[str, Path]) -> None:
        self.library = library
        self.output = OutputSink()
        self.errors = ErrorSink()

    def scope(self, kind: str = "client") -> ScriptScope:
        modules = {"system": _system(kind)}
        return ScriptScope(
            kind, "Proj", modules, self.output, self.errors, library=self.library
        )

    def printed(self) -> list[str]:
        return [line.text for line in self.output.history()]


@pytest.fixture
def make_scopes(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Scopes]:
    def make(modules: dict[str, str | bytes]) -> Scopes:
        project = load_project(_write_library(tmp_path / "Proj", modules))
        return Scopes(project.library)

    return make


def run_ok(scope: ScriptScope, source: str) -> None:
    before = len(scope.errors.reports())
    if not scope.run(textwrap.dedent(source), "Test/script"):
        pytest.fail(scope.errors.reports()[before].format())


def test_find_modules_names_every_depth(tmp_path: Path) -> None:
    root = _write_library(
        tmp_path / "P", {"shared.util": "", "a.b.c": "", "a": "", "a.b.c.d": ""}
    )
    (root / LIBRARY / "a" / "resource.json").write_text("{}")  # Ignition's sidecar
    found = find_modules(root)
    assert sorted(found) == ["a", "a.b.c", "a.b.c.d", "shared.util"]
    assert found["a.b.c"] == root / LIBRARY / "a" / "b" / "c" / "code.py"
    assert load_project(root).library == found


def test_library_is_usable_without_import(
    make_scopes: Callable[..., Scopes],
) -> None:
    scopes = make_scopes({"shared.util": UTIL})
    scope = scopes.scope()
    run_ok(scope, 'assert shared.util.shout("hi") == "HI!", shared.util.shout("hi")')
    assert scopes.printed() == ["loading shared.util\n"]


@pytest.mark.parametrize(
    "source",
    [
        "import shared.util\nassert shared.util.greeting == 'hello'",
        "import shared.util as u\nassert u.greeting == 'hello'",
        "from shared import util\nassert util.greeting == 'hello'",
        "from shared.util import shout, greeting\nassert shout(greeting) == 'HELLO!'",
        "def f():\n    from shared.util import greeting\n    return greeting\n"
        "assert f() == 'hello'",
    ],
    ids=["import", "import-as", "from-package", "from-module", "in-function"],
)
def test_each_import_form_gives_the_library_module(
    make_scopes: Callable[..., Scopes], source: str
) -> None:
    scopes = make_scopes({"shared.util": UTIL})
    run_ok(scopes.scope(), source)


def test_a_module_runs_once_per_scope_and_scopes_have_their_own(
    make_scopes: Callable[..., Scopes],
) -> None:
    scopes = make_scopes({"shared.util": UTIL})
    client, gateway = scopes.scope("client"), scopes.scope("gateway")
    for source in (
        "shared.util.greeting",
        "import shared.util",
        "from shared import util",
    ):
        run_ok(client, source)
        run_ok(gateway, source)
    assert scopes.printed() == ["loading shared.util\n"] * 2
    first = client.library.module("shared.util")
    assert first is not gateway.library.module("shared.util")
    assert first.scope_kind() == "client"
    assert gateway.library.module("shared.util").scope_kind() == "gateway"


def test_system_in_a_library_function_is_the_calling_scopes(
    tmp_path: Path, sim: Simulation, client: ClientSession
) -> None:
    """A library function sees its scope's system, as in Ignition."""
    project = load_project(
        _write_library(
            tmp_path / "Proj",
            {
                "shared.kind": """\
                    def has_invoke_later():
                        return hasattr(system.util, "invokeLater")

                    def project_via_import():
                        import system
                        return system.util.getProjectName()
                    """
            },
        )
    )
    gateway_scope = sim.gateway.scopes["ThreadingBasics"]
    scopes = {
        "client": client.scope,
        "gateway": gateway_scope,
    }
    for kind, real in scopes.items():
        scope = ScriptScope(
            kind,
            real.project,
            real.modules,
            sim.output,
            sim.errors,
            library=project.library,
        )
        run_ok(
            scope,
            f"""
            assert shared.kind.has_invoke_later() == {kind == "client"}
            assert shared.kind.project_via_import() == "ThreadingBasics"
            """,
        )


def test_error_in_a_library_function_names_the_module_and_line(
    make_scopes: Callable[..., Scopes],
) -> None:
    scopes = make_scopes(
        {"shared.util": "def divide(a, b):\n    total = a\n    return total / b\n"}
    )
    scope = scopes.scope()
    assert not scope.run("shared.util.divide(1, 0)\n", "Test/script")
    [report] = scopes.errors.reports()
    assert report.exc_type == "ZeroDivisionError"
    assert report.location == ScriptLocation("shared.util", 3)
    assert 'File "shared.util", line 3, in divide' in report.traceback
    assert "return total / b" in report.traceback  # the source line is shown


def test_syntax_error_in_a_library_module_is_reported_on_first_use(
    make_scopes: Callable[..., Scopes],
) -> None:
    scopes = make_scopes({"shared.util": "x = 1\nif x\n"})  # loads fine
    scope = scopes.scope()
    assert not scope.run("import shared.util\n", "Test/script")
    [report] = scopes.errors.reports()
    assert report.exc_type == "SyntaxError"
    assert "(shared.util, line 2)" in report.message


def test_utf8_bom_is_stripped(make_scopes: Callable[..., Scopes]) -> None:
    scopes = make_scopes({"shared.util": "\ufeffvalue = 'é'\n".encode()})
    run_ok(scopes.scope(), "assert shared.util.value == 'é'")


def test_circular_import_gives_a_partial_module_and_terminates(
    make_scopes: Callable[..., Scopes],
) -> None:
    scopes = make_scopes(
        {
            "shared.a": "import shared.b\nname = 'a'\n"
            "def other():\n    return shared.b.name\n",
            "shared.b": "from shared import a\nseen = hasattr(a, 'name')\nname = 'b'\n",
        }
    )
    scope = scopes.scope()
    run_ok(
        scope,
        """
        from shared.a import other
        assert other() == "b"
        assert shared.b.seen is False  # b saw a partially initialised a
        """,
    )


def test_package_folder_with_its_own_code_and_relative_imports(
    make_scopes: Callable[..., Scopes],
) -> None:
    scopes = make_scopes(
        {
            "shared": "top = 1\n",
            "shared.util": "from . import helpers\nfrom .helpers import twice\n",
            "shared.helpers": "def twice(x):\n    return 2 * x\n",
        }
    )
    run_ok(
        scopes.scope(),
        """
        assert shared.top == 1
        assert shared.util.twice(2) == 4
        assert shared.util.helpers is shared.helpers
        assert shared.util.__name__ == "shared.util"
        """,
    )


def test_unknown_library_names_fail_like_python(
    make_scopes: Callable[..., Scopes],
) -> None:
    scopes = make_scopes({"shared.util": UTIL})
    scope = scopes.scope()
    for source, exc_type in (
        ("import shared.missing\n", "ModuleNotFoundError"),
        ("from shared.util import nothing\n", "ImportError"),
        ("shared.nothing\n", "AttributeError"),
    ):
        assert not scope.run(source, "Test/script")
        assert scopes.errors.reports()[-1].exc_type == exc_type
    run_ok(scope, "import json\nassert json.dumps(1) == '1'")  # real imports still work


def test_concurrent_first_use_from_8_threads_runs_the_module_once(
    make_scopes: Callable[..., Scopes],
) -> None:
    scopes = make_scopes(
        {
            "shared.slow": """\
                print("running")
                total = 0
                for i in range(200000):  # stands for slow module-level work
                    total += i
                done = True
                """
        }
    )
    scope = scopes.scope()
    barrier = threading.Barrier(8)
    seen: list[object] = []

    def use() -> None:
        barrier.wait(5)
        seen.append(scope.library.module("shared.slow").done)

    threads = [threading.Thread(target=use, daemon=True) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert not any(thread.is_alive() for thread in threads)
    assert seen == [True] * 8  # nobody saw a partially initialised module
    assert scopes.printed() == ["running\n"]


def test_concurrent_circular_import_from_two_threads_does_not_deadlock(
    make_scopes: Callable[..., Scopes],
) -> None:
    """Thread 1 runs x then imports y; thread 2 runs y then imports x."""
    scopes = make_scopes(
        {
            "cycle.x": "gate.x_started.set()\ngate.y_started.wait(5)\n"
            "import cycle.y\nname = 'x'\n",
            "cycle.y": "gate.y_started.set()\ngate.x_started.wait(5)\n"
            "import cycle.x\nname = 'y'\n",
        }
    )
    scope = scopes.scope()
    scope.builtins["gate"] = types.SimpleNamespace(
        x_started=threading.Event(), y_started=threading.Event()
    )
    names: list[str] = []
    threads = [
        threading.Thread(
            target=lambda n=n: names.append(scope.library.module(n).name),
            daemon=True,  # a deadlock must fail this test, not hang the run
        )
        for n in ("cycle.x", "cycle.y")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert not any(thread.is_alive() for thread in threads)
    assert sorted(names) == ["x", "y"]


def test_a_failed_module_runs_again_on_next_use(
    make_scopes: Callable[..., Scopes],
) -> None:
    scopes = make_scopes({"shared.flaky": "print('try')\nfail_now = 1 / 0\n"})
    scope = scopes.scope()
    assert not scope.run("shared.flaky\n", "Test/script")
    assert not scope.run("shared.flaky\n", "Test/script")
    assert scopes.printed() == ["try\n", "try\n"]


@pytest.mark.parametrize(
    ("modules", "bad", "message"),
    [
        ({"shared.util": b"x = '\xff\xfe'\n"}, "shared/util/code.py", "not UTF-8 text"),
        ({"my-utils.fn": "x = 1\n"}, "my-utils", "is not a Python identifier"),
    ],
    ids=["not-utf8", "folder-not-an-identifier"],
)
def test_unreadable_library_fails_project_load(
    tmp_path: Path, modules: dict[str, str | bytes], bad: str, message: str
) -> None:
    root = _write_library(tmp_path / "P", modules)
    with pytest.raises(ProjectError, match=message) as info:
        load_project(root)
    assert info.value.path == root / LIBRARY / bad


def test_library_folder_that_cannot_be_listed_fails_project_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _write_library(tmp_path / "P", {"shared.util": "x = 1\n"})
    locked = root / LIBRARY / "shared"
    real_scandir = os.scandir

    def scandir(path: str) -> Iterator[os.DirEntry[str]]:
        if Path(path) == locked:  # tests run as root: chmod would not stop it
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(ProjectError) as info:
        load_project(root)
    assert info.value.path == locked
    assert info.value.message == "cannot read library folder: Permission denied"
