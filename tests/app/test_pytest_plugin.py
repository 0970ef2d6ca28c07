"""The pytest plugin, tested the way a user's repository would use it (pytester)."""

from __future__ import annotations

import textwrap

import pytest

from tests.conftest import write_project

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


def _no_display(monkeypatch: pytest.MonkeyPatch) -> None:
    """A CI machine: no display and no Qt platform chosen."""
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)


PLATFORM_TEST = """
from PySide6.QtGui import QGuiApplication

def test_start({fixtures}):
    client = vision_client({path!r})
    window = client.open_window("Main")
    window.click("Start")
    client.wait_idle(timeout=5)
    assert window.component("Status").text == "Done"
    assert QGuiApplication.platformName() == {platform!r}
"""


@pytest.mark.parametrize(
    "fixtures",
    ["qtbot, vision_client", "qapp, vision_client", "vision_client, qtbot"],
)
def test_headless_without_a_display_whatever_the_fixture_order(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, fixtures: str
) -> None:
    _no_display(monkeypatch)
    _user_repo(pytester, SAFE)
    path = str(pytester.path / "MyProject")
    pytester.makepyfile(
        test_project=PLATFORM_TEST.format(
            fixtures=fixtures, path=path, platform="offscreen"
        )
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_an_explicit_qt_platform_is_kept(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_display(monkeypatch)
    monkeypatch.setenv("QT_QPA_PLATFORM", "minimal")
    _user_repo(pytester, SAFE)
    path = str(pytester.path / "MyProject")
    pytester.makepyfile(
        test_project=PLATFORM_TEST.format(
            fixtures="qtbot, vision_client", path=path, platform="minimal"
        )
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


@pytest.mark.parametrize(
    "how", [("--visionsim-display",), ("-o", "visionsim_display=true")]
)
def test_a_display_is_used_when_asked_for(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, how: tuple[str, ...]
) -> None:
    _no_display(monkeypatch)
    # Without a display Qt could not start: check only that offscreen is not forced.
    pytester.makepyfile(
        test_choice="""
        import os

        def test_platform_left_to_qt():
            assert "QT_QPA_PLATFORM" not in os.environ
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", *how)
    result.assert_outcomes(passed=1)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)


def test_xdist_workers_share_nothing_and_report_the_same(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_display(monkeypatch)
    config = pytester.path / "home-config"
    config.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    safe = write_project(pytester.path / "safe", "MyProject")
    unsafe = write_project(pytester.path / "unsafe", "MyProject")
    for project, body in ((safe, SAFE), (unsafe, UNSAFE)):
        window = project / "com.inductiveautomation.vision/windows/Main/window.yaml"
        window.parent.mkdir(parents=True)
        window.write_text(WINDOW % body)
    tests = {
        f"test_{kind}_{i}": TEST_FILE.format(path=str(project))
        for i in range(2)
        for kind, project in (("safe", safe), ("unsafe", unsafe))
    }
    pytester.makepyfile(**tests)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-n", "2")
    result.assert_outcomes(passed=2, failed=2)
    out = result.stdout.str()
    assert "2 workers" in out
    assert out.count("Main/Root Container/Start.actionPerformed, line 4") >= 2
    assert list(config.iterdir()) == []  # no QSettings or other files written


def test_a_wrong_project_path_is_a_clear_failure(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_project="""
        def test_start(vision_client):
            vision_client("projects/Missing")
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    out = result.stdout.str()
    assert "vision_client: cannot load project: projects/Missing: project folder" in out
    assert f"current directory, {pytester.path}" in out
    assert "Traceback" not in out
    assert "load_project" not in out
    assert "another exception occurred" not in out
