"""Translation: same lines, errors at the original line, the cache, the dialects."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.jython.test_oracle import FISSIX_CANNOT_PARSE
from visionsim.runtime.jython import code_cache, compiler, fast, translate
from visionsim.runtime.jython.compiler import PYTHON3, compile_script

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime import ClientSession, Project, Simulation

CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty on-disk cache and an empty memory cache for one test."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    compiler.clear_memory_cache()
    yield tmp_path / "cache"
    compiler.clear_memory_cache()


@pytest.mark.parametrize("case", sorted(CORPUS.glob("*.py")), ids=lambda p: p.stem)
def test_translation_keeps_every_line_where_it_was(case: Path) -> None:
    if case.stem in FISSIX_CANNOT_PARSE:
        pytest.xfail("fissix's Python 2 grammar reserves `print` after a dot")
    source = case.read_text(encoding="utf-8")
    text = translate.translate(source, case.name)
    assert text.count("\n") == source.count("\n")


@pytest.mark.parametrize("case", sorted(CORPUS.glob("*.py")), ids=lambda p: p.stem)
def test_fast_token_pass_keeps_every_line_where_it_was(case: Path) -> None:
    source = case.read_text(encoding="utf-8")
    try:
        text = fast._token_pass(source, print_statement=True)
    except fast._Unhandled:
        return  # left to fissix (tuple parameters)
    assert text.count("\n") == source.count("\n")


def test_runtime_error_names_the_original_line() -> None:
    source = 'print "a", \\\n      1\nx = {}\nprint x.has_key(1), 7 / 0\n'
    code = compile_script(source, "Main/Go.actionPerformed", register=False)
    namespace = {"__builtins__": _jython_builtins()}
    with pytest.raises(ZeroDivisionError) as info:
        exec(code, namespace)
    tb = info.value.__traceback__
    lines = []
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "Main/Go.actionPerformed":
            lines.append(tb.tb_lineno)
        tb = tb.tb_next
    assert lines == [4]


def test_python2_syntax_error_names_the_script_line_and_text() -> None:
    with pytest.raises(SyntaxError) as info:
        compile_script("x = 1\nprint 'a' 'b' +\n", "Lib/util", register=False)
    error = info.value
    assert (error.filename, error.lineno) == ("Lib/util", 2)
    assert error.text == "print 'a' 'b' +"


def test_python3_only_syntax_is_an_error_in_jython_too() -> None:
    with pytest.raises(SyntaxError) as info:
        compile_script("a = 1\nprint('x', end='')\n", "s", register=False)
    assert info.value.lineno == 2


def test_tuple_parameter_before_a_compound_statement_says_so() -> None:
    source = "def f((a, b)):\n    if a:\n        return b\n"
    with pytest.raises(SyntaxError, match="tuple parameters before a compound"):
        compile_script(source, "s", register=False)


def test_python3_dialect_compiles_as_is() -> None:
    code = compile_script("x = 7 / 2\n", "s", PYTHON3, register=False)
    namespace: dict[str, object] = {}
    exec(code, namespace)
    assert namespace["x"] == 3.5
    with pytest.raises(SyntaxError, match="Missing parentheses"):
        compile_script("print 'a'\n", "s", PYTHON3, register=False)


def test_unknown_dialect_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown script dialect"):
        compile_script("x = 1\n", "s", "jython3")


def test_compiled_translation_is_cached_on_disk_and_reused(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = "print 'cached', 1 / 2\n"
    first = compile_script(source, "s", register=False)
    assert (cache_home / "visionsim" / "jython" / code_cache.FILE_NAME).exists()
    compiler.clear_memory_cache()

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("translated again")

    monkeypatch.setattr(translate, "translate", fail)
    monkeypatch.setattr(fast, "translate_tree", fail)
    from_disk = compile_script(source, "s", register=False)
    assert from_disk.co_code == first.co_code
    assert from_disk.co_filename == "s"
    assert compile_script(source, "s", register=False) is from_disk  # memory
    other = compile_script("x = 1\n", "s", PYTHON3, register=False)
    assert other.co_filename == "s"  # python3 is compiled as is, not cached


def test_another_process_finds_what_this_one_cached(cache_home: Path) -> None:
    import subprocess
    import sys

    compile_script("print 7 / 2\n", "shared/script", register=False)
    probe = (
        "from visionsim.runtime.jython import code_cache, compiler\n"
        "key = compiler._key('print 7 / 2\\n', 'shared/script', 'exec', 0)\n"
        "print(code_cache.load(key) is not None)\n"
    )
    env = {**__import__("os").environ, "XDG_CACHE_HOME": str(cache_home)}
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert out.stdout.strip() == "True"


def test_same_source_under_another_name_keeps_its_own_name(cache_home: Path) -> None:
    first = compile_script("x = 1 / 2\n", "Main/A.actionPerformed", register=False)
    second = compile_script("x = 1 / 2\n", "Main/B.actionPerformed", register=False)
    assert (first.co_filename, second.co_filename) == (
        "Main/A.actionPerformed",
        "Main/B.actionPerformed",
    )


def test_an_unwritable_cache_only_costs_a_translation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    compiler.clear_memory_cache()
    namespace: dict[str, object] = {"__builtins__": _jython_builtins()}
    exec(compile_script("x = 1 <> 2\n", "s", register=False), namespace)
    assert namespace["x"] is True
    assert compiler.translated("x = 1 <> 2\n", "s") == "x = 1 != 2\n"


def test_project_library_module_is_jython(sim: Simulation, tmp_path: Path) -> None:
    client = _open(
        sim, tmp_path, library={"shared.calc": "def half(n):\n    return n / 2\n"}
    )
    client.run_script("print shared.calc.half(7)\n", "Test/script")
    assert sim.output.history()[-1].text == "3\n"


def test_python3_project_says_so_in_visionsim_yaml(
    sim: Simulation, tmp_path: Path
) -> None:
    client = _open(sim, tmp_path, config="scriptDialect: python3\n")
    assert client.run_script("print('a', 7 / 2)\n", "Test/script")
    assert sim.output.history()[-1].text == "a 3.5\n"
    assert not client.run_script("print 'a'\n", "Test/script")
    [report] = sim.errors.reports()
    assert report.exc_type == "SyntaxError"


def test_a_handler_that_does_not_compile_fails_when_it_runs(
    sim: Simulation, make_project: Callable[..., Project]
) -> None:
    project = make_project(
        gateway_events="""
        messageHandlers:
          broken:
            script: |
              x = 1
              return (
          fine:
            script: |
              print "fine", payload["n"] / 2
        """
    )
    client = sim.open_project(project)  # loads: one broken handler stops nothing
    util = client.scope.system.util
    util.sendMessage("Proj", "fine", {"n": 5}, scope="G")
    util.sendMessage("Proj", "broken", scope="G")
    assert sim.wait_idle(5)
    assert "fine 2\n" in [line.text for line in sim.output.history()]
    [report] = sim.errors.reports()
    assert report.exc_type == "SyntaxError"
    assert "message handler 'broken'" in report.message
    assert "gateway-events.yaml" in report.message


def test_exec_of_python2_text_in_a_function_sees_its_namespace(
    sim: Simulation, tmp_path: Path
) -> None:
    client = _open(sim, tmp_path)
    script = textwrap.dedent(
        """
        def run():
            ns = {"n": 9}
            exec "print n / 2" in ns
        run()
        """
    )
    assert client.run_script(script, "Test/script")
    assert sim.output.history()[-1].text == "4\n"


def test_comprehension_in_a_class_body_still_works(
    sim: Simulation, tmp_path: Path
) -> None:
    client = _open(sim, tmp_path)
    script = (
        "class Config:\n    names = [n.upper() for n in 'ab']\nprint Config.names\n"
    )
    assert client.run_script(script, "Test/script")
    assert sim.output.history()[-1].text == "['A', 'B']\n"


def _open(
    sim: Simulation,
    tmp_path: Path,
    *,
    config: str = "",
    library: dict[str, str] | None = None,
) -> ClientSession:
    import json

    from visionsim.runtime import load_project
    from visionsim.runtime.library import LIBRARY

    root = tmp_path / "Proj"
    root.mkdir()
    (root / "project.json").write_text(json.dumps({"title": "Proj"}))
    if config:
        (root / "visionsim.yaml").write_text(config)
    for name, code in (library or {}).items():
        path = root / LIBRARY / name.replace(".", "/") / "code.py"
        path.parent.mkdir(parents=True)
        path.write_text(code)
    return sim.open_project(load_project(root))


def _jython_builtins() -> dict[str, object]:
    import builtins

    from visionsim.runtime.jython import jython_builtins

    return jython_builtins(dict(vars(builtins)))


def test_script_errors_of_event_files_are_listed_not_raised(
    make_project: Callable[..., Project],
) -> None:
    project = make_project(
        gateway_events="""
        startup: |
          print "starting"
          if True
              pass
        timers:
          - {name: poll, delayMs: 100, script: "print 'tick' 1"}
        messageHandlers:
          broken:
            script: |
              return (
          fine:
            script: |
              return payload.has_key("x")
        """
    )
    errors = [(e.path.name, e.line, e.message) for e in project.script_errors]
    assert [(name, line) for name, line, _ in errors] == [
        ("gateway-events.yaml", 4),
        ("gateway-events.yaml", 7),
        ("gateway-events.yaml", 9),
    ]
    assert "gateway-events/startup" in errors[0][2]
    assert "(script line 2)" in errors[0][2]
    assert "gateway-events/timers/poll" in errors[1][2]
    assert "gateway-events/messageHandlers/broken" in errors[2][2]


def test_one_text_under_two_names_is_translated_once(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = translate.translate

    def counting(source: str, name: str) -> str:
        calls.append(name)
        return real(source, name)

    monkeypatch.setattr(translate, "translate", counting)
    source = "def half((a, b)):\n    return a / b\n"  # tuple parameter: fissix
    compile_script(source, "gateway-events/startup", register=False)
    code = compile_script(source, "Proj/gateway-events/startup", register=False)
    assert calls == ["gateway-events/startup"]
    assert code.co_filename == "Proj/gateway-events/startup"


def test_an_unterminated_triple_quoted_string_is_a_syntax_error_with_its_line() -> None:
    """A real project's script had one: fissix's tokenizer error escaped."""
    from visionsim.runtime.jython.compiler import compile_script

    with pytest.raises(SyntaxError) as info:
        compile_script('x = 1\ny = """abc\n\nz = 2\n', "Main/Start", "jython2.7")
    assert info.value.filename == "Main/Start"
    assert info.value.lineno == 2
