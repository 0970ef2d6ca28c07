"""The Java-class oracle cases (tests/jython/corpus/java_*.py) run as Python 3.

Each case is Jython 2.7 source whose expected output was recorded from real
Jython 2.7.3; the cases are written so that they are also valid Python 3
(``print(x)`` with one argument), so they run here without the translator.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from visionsim.runtime import ClientSession, Simulation

CORPUS = Path(__file__).parents[2] / "jython" / "corpus"
CASES = sorted(CORPUS.glob("java_*.py"))


def test_the_corpus_has_at_least_forty_java_cases() -> None:
    assert len(CASES) >= 40
    for case in CASES:
        assert case.with_suffix(".out").is_file(), f"{case.name} has no .out"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_java_case_prints_what_jython_prints(
    case: Path, sim: Simulation, client: ClientSession
) -> None:
    expected = case.with_suffix(".out").read_text(encoding="utf-8")
    before = len(sim.output.history())
    ok = client.run_script(case.read_text(encoding="utf-8"), f"corpus/{case.name}")
    assert sim.wait_idle(5)
    reports = [r.format() for r in sim.errors.reports()]
    assert ok, reports
    assert reports == []
    printed = "".join(line.text for line in sim.output.history()[before:])
    assert printed == expected
