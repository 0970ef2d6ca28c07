"""The pytest plugin, tested the way a user's repository would use it (pytester)."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from tests.conftest import write_project

if TYPE_CHECKING:
    import pytest

WINDOW = """
openOnStartup: true
rootContainer:
  components:
    - type: Label
      name: Status
      bounds: [10, 10, 200, 24]
      props: {text: Idle}
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
    - type: TextField
      name: Name
      bounds: [10, 80, 100, 24]
"""
SAFE = """\
              def back(root=root, result=result):
                  root.getComponent("Status").text = result
              system.util.invokeLater(back)"""
UNSAFE = """\
              root.getComponent("Status").text = result"""

TEST_FILE = """
def test_start_button(vision_client):
    client = vision_client({path!r})
    window = client.open_window("Main")
    window.click("Start")
    client.wait_idle(timeout=5)
    assert window.component("Status").text == "Done"
"""


def _user_repo(pytester: pytest.Pytester, body: str) -> None:
    project = write_project(pytester.path, "MyProject")
    window = project / "com.inductiveautomation.vision/windows/Main/window.yaml"
    window.parent.mkdir(parents=True)
    window.write_text(WINDOW % body)
    pytester.makepyfile(test_project=TEST_FILE.format(path=str(project)))


def test_a_safe_project_passes(pytester: pytest.Pytester) -> None:
    _user_repo(pytester, SAFE)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_an_unsafe_project_fails_with_script_line_and_both_stacks(
    pytester: pytest.Pytester,
) -> None:
    _user_repo(pytester, UNSAFE)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    out = result.stdout.str()
    assert "visionsim found" in out
    assert "Thread violation: Label.text write" in out
    assert "Main/Root Container/Start.actionPerformed, line 4" in out
    assert "pluggy" not in out.split("Task started at:")[1]  # no pytest noise
    assert "Accessed at:" in out
    assert "Task started at:" in out


def test_strict_false_reports_but_does_not_fail(pytester: pytest.Pytester) -> None:
    _user_repo(pytester, UNSAFE)
    pytester.makepyfile(
        test_project=TEST_FILE.replace(
            "vision_client({path!r})", "vision_client({path!r}, strict=False)"
        ).format(path=str(pytester.path / "MyProject"))
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_an_uncaught_script_error_always_fails(pytester: pytest.Pytester) -> None:
    _user_repo(pytester, SAFE + "\n              raise ValueError('bad data')")
    pytester.makepyfile(
        test_project=textwrap.dedent(
            """
            def test_start(vision_client):
                client = vision_client({path!r}, strict=False)
                client.open_window("Main").click("Start")
                client.wait_idle(5)
            """
        ).format(path=str(pytester.path / "MyProject"))
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    assert "ValueError: bad data" in result.stdout.str()


def test_window_helpers_and_answers(pytester: pytest.Pytester) -> None:
    _user_repo(pytester, SAFE)
    pytester.makepyfile(
        test_project=textwrap.dedent(
            """
            def test_helpers(vision_client, qtbot):
                client = vision_client({path!r}, answers={{"confirm": "no"}})
                window = client.open_window("Main")
                window.set_text("Name", "Ann")
                assert window.component("Name").text == "Ann"
                assert client.system.gui.confirm("Sure?") is False
                assert client.violations == [] and client.errors == []
            """
        ).format(path=str(pytester.path / "MyProject"))
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
