"""Java exceptions follow Jython's rules and are still reported everywhere.

A Java exception is not a Python ``Exception`` (so ``except Exception`` in a
script lets it through), but every place that runs user code reports it as an
uncaught error: a script, an async task, an invokeLater call, a message
handler and a request handler.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.conftest import run
from visionsim.runtime.jython.java.errors import (
    SCRIPT_ERRORS,
    HandlerError,
    IllegalStateException,
    JavaException,
    NumberFormatException,
    Throwable,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime import ClientSession, Project, Simulation

GATEWAY = """
messageHandlers:
  javaFail:
    script: |
      from java.lang import IllegalStateException
      raise IllegalStateException("handler broke")
"""


def test_java_exceptions_are_not_python_exceptions() -> None:
    assert not issubclass(Throwable, Exception)
    assert issubclass(NumberFormatException, JavaException)
    assert Throwable in SCRIPT_ERRORS
    error = IllegalStateException("boom")
    assert str(error) == "java.lang.IllegalStateException: boom"
    assert error.getMessage() == "boom"
    assert type(error).__module__ == "java.lang"


def test_a_cause_given_alone_becomes_the_message() -> None:
    inner = ValueError("bad")
    outer = JavaException(inner)
    assert outer.getCause() is inner
    assert outer.getMessage() == "ValueError: bad"


def test_except_exception_in_a_script_lets_a_java_exception_through(
    client: ClientSession,
) -> None:
    run(
        client,
        """
        import java
        from java.lang import IllegalArgumentException
        caught = []
        try:
            try:
                raise IllegalArgumentException("x")
            except Exception:
                caught.append("python")
        except java.lang.Exception as e:
            caught.append(e.getMessage())
        assert caught == ["x"], caught
        """,
    )


def test_an_uncaught_java_exception_in_a_script_is_reported_like_jython(
    sim: Simulation, client: ClientSession
) -> None:
    ok = client.run_script(
        "from java.lang import IllegalStateException\n"
        "raise IllegalStateException('not ready')\n",
        "Main/Button.actionPerformed",
    )
    assert not ok
    [report] = sim.errors.reports()
    assert str(report.location) == "Main/Button.actionPerformed, line 2"
    assert (
        "java.lang.IllegalStateException: java.lang.IllegalStateException: not ready"
        in report.traceback
    )


@pytest.mark.parametrize(
    "call",
    [
        "system.util.invokeAsynchronous(fail)",
        "system.util.invokeLater(fail)",
        "SwingUtilities.invokeLater(fail)",
    ],
)
def test_a_java_exception_on_a_thread_or_a_later_call_is_reported(
    sim: Simulation, client: ClientSession, call: str
) -> None:
    run(
        client,
        f"""
        from java.lang import IllegalStateException
        from javax.swing import SwingUtilities
        def fail():
            raise IllegalStateException("later")
        {call}
        """,
    )
    assert sim.wait_idle(5)
    [report] = sim.errors.reports()
    assert report.exc_type.endswith("IllegalStateException")
    assert "later" in report.message


def test_a_java_exception_in_a_message_handler_is_reported_with_its_name(
    sim: Simulation, make_project: Callable[..., Project]
) -> None:
    client = sim.open_project(make_project(gateway_events=GATEWAY))
    client.scope.system.util.sendMessage("Proj", "javaFail", scope="G")
    assert sim.wait_idle(5)
    [report] = sim.errors.reports()
    assert str(report.location) == (
        "Proj/gateway-events/messageHandlers/javaFail, line 2"
    )
    assert report.exc_type.endswith("IllegalStateException")


def test_a_java_exception_in_a_request_handler_reaches_the_caller(
    sim: Simulation, make_project: Callable[..., Project]
) -> None:
    client = sim.open_project(make_project(gateway_events=GATEWAY))
    with pytest.raises(HandlerError) as info:
        client.scope.system.util.sendRequest("Proj", "javaFail")
    assert isinstance(info.value.__cause__, IllegalStateException)
    assert "handler broke" in str(info.value)
