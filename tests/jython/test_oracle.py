"""The Jython oracle: every corpus case prints exactly what real Jython printed.

Each ``corpus/<name>.py`` runs through visionsim's translation in a real
client scope (one simulation for the module); its output must equal
``corpus/<name>.out``, recorded from Jython 2.7.3 by ``record_oracle.py``.
Every case runs twice: through the fast translation (the default) and
through fissix alone (the fallback for what the fast one declines).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from visionsim.runtime import Simulation, load_project
from visionsim.runtime.jython import compiler, fast

if TYPE_CHECKING:
    from collections.abc import Iterator

    from visionsim.runtime import ClientSession

CORPUS = Path(__file__).resolve().parent / "corpus"
CASES = sorted(p.stem for p in CORPUS.glob("*.py"))
#: Java method calls named ``print`` (``System.out.print(x)``): Jython and the
#: fast translation take them; fissix alone (the fallback) cannot.
FISSIX_CANNOT_PARSE = {"java_system_out", "java_writers"}


@pytest.fixture(scope="module")
def corpus_client(
    qapp: object, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ClientSession]:
    root = tmp_path_factory.mktemp("Corpus")
    (root / "project.json").write_text(json.dumps({"title": "Corpus"}))
    sim = Simulation()
    try:
        yield sim.open_project(load_project(root))
    finally:
        assert sim.shutdown(2.0)


def run_case(client: ClientSession, name: str) -> str:
    """A case's output as the recorder writes it (``!! Type: message`` at the end)."""
    source = (CORPUS / f"{name}.py").read_text(encoding="utf-8")
    output = client.sim.output
    errors = client.sim.errors
    errors_before = len(errors.reports())
    # Collected as printed: the history is a bounded ring, and the bulk cases
    # print thousands of lines (a slice of a full ring is empty).
    printed: list[str] = []

    def collect(line: object) -> None:
        printed.append(line.text)  # type: ignore[attr-defined]

    output.subscribe(collect)
    try:
        client.run_script(source, f"corpus/{name}.py")
    finally:
        output.unsubscribe(collect)
    text = "".join(printed)
    for report in errors.reports()[errors_before:]:
        text += f"!! {report.exc_type}: {report.message}\n"
    return text


def test_the_corpus_has_a_recorded_output_for_every_case() -> None:
    missing = [n for n in CASES if not (CORPUS / f"{n}.out").exists()]
    assert len(CASES) >= 80
    assert not missing, f"run tests/jython/record_oracle.py for {missing}"


@pytest.mark.parametrize("name", CASES)
def test_case_prints_what_jython_prints(
    corpus_client: ClientSession, name: str
) -> None:
    expected_file = CORPUS / f"{name}.out"
    if not expected_file.exists():
        pytest.skip("not recorded yet")  # the test above fails instead
    expected = expected_file.read_text(encoding="utf-8")
    assert run_case(corpus_client, name) == expected


@pytest.fixture
def fissix_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every script through fissix, the fallback translation, with empty caches."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(fast, "translate_tree", lambda *args, **kwargs: None)
    compiler.clear_memory_cache()
    yield
    compiler.clear_memory_cache()


@pytest.mark.parametrize("name", CASES)
def test_case_prints_what_jython_prints_through_fissix(
    corpus_client: ClientSession, fissix_only: None, name: str
) -> None:
    expected_file = CORPUS / f"{name}.out"
    if not expected_file.exists():
        pytest.skip("not recorded yet")
    if name in FISSIX_CANNOT_PARSE:
        pytest.xfail("fissix's Python 2 grammar reserves `print` after a dot")
    assert run_case(corpus_client, name) == expected_file.read_text(encoding="utf-8")
