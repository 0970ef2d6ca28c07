"""system.util: getLogger, jsonEncode/jsonDecode, getGlobals and the client flags."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pytest

from tests.conftest import run
from visionsim.runtime.dataset import Dataset
from visionsim.runtime.ignition.json_codec import JSONException
from visionsim.runtime.ignition.logger import FormatException, java_format
from visionsim.runtime.jython.java.dates import Date

if TYPE_CHECKING:
    from visionsim.runtime import ClientSession, Simulation
    from visionsim.runtime.output import OutputLine
    from visionsim.runtime.project import Project


def log_lines(sim: Simulation) -> list[OutputLine]:
    return [line for line in sim.output.history() if line.is_log]


def test_client_logger_prints_name_and_level_on_the_calling_thread(
    sim: Simulation, client: ClientSession
) -> None:
    run(
        client,
        """
        log = system.util.getLogger("MyLogger")
        log.info("hello")
        log.warn("careful")
        log.debug("hidden at the default INFO level")
        def work():
            system.util.getLogger("MyLogger").infof("%s has %d items", "cart", 3)
        system.util.invokeAsynchronous(work, description="worker")
        """,
    )
    assert sim.wait_idle(5)
    lines = log_lines(sim)
    assert [line.text for line in lines] == [
        "INFO  [MyLogger] hello\n",
        "WARN  [MyLogger] careful\n",
        "INFO  [MyLogger] cart has 3 items\n",
    ]
    assert {line.scope for line in lines} == {"client"}
    assert lines[0].thread == "AWT-EventQueue-0"
    assert lines[2].thread != lines[0].thread


def test_levels_are_set_by_name_and_inherited_by_dotted_children(
    client: ClientSession, sim: Simulation
) -> None:
    util = client.scope.system.util
    child = util.getLogger("Plant.Line1")
    assert child.isInfoEnabled()
    assert not child.isDebugEnabled()
    util.setLoggingLevel("Plant", "debug")
    assert child.isDebugEnabled()
    assert not child.isTraceEnabled()
    child.debug("now visible")
    util.setLoggingLevel("Plant.Line1", "error")
    child.warn("filtered")
    assert not child.isWarnEnabled()
    assert [line.text for line in log_lines(sim)] == [
        "DEBUG [Plant.Line1] now visible\n"
    ]
    with pytest.raises(ValueError, match="'loud' is not a logging level"):
        util.setLoggingLevel("Plant", "loud")


def test_error_with_an_exception_prints_its_traceback(
    client: ClientSession, sim: Simulation
) -> None:
    run(
        client,
        """
        try:
            1 / 0
        except ZeroDivisionError as e:
            system.util.getLogger("Calc").error("failed", e)
        """,
    )
    [line] = log_lines(sim)
    assert line.text.startswith("ERROR [Calc] failed\nTraceback")
    assert "ZeroDivisionError" in line.text
    assert line.is_error


def test_gateway_loggers_print_to_the_gateway_pane(
    sim: Simulation, client: ClientSession
) -> None:
    sim.gateway.run_script(
        "ThreadingBasics",
        "system.util.getLogger('Startup').info('gateway up')\n",
        "console.py",
    )
    assert sim.wait_idle(5)
    [line] = log_lines(sim)
    assert (line.scope, line.text) == ("gateway", "INFO  [Startup] gateway up\n")
    assert line.thread.startswith("gateway-")


def test_java_format_conversions() -> None:
    assert java_format("%s|%5s|%-5s|%S", ("a", "b", "c", "d")) == "a|    b|c    |D"
    assert java_format("%d %05d %,d %+d", (7, 42, 1234567, 3)) == (
        "7 00042 1,234,567 +3"
    )
    assert java_format("%.2f %f %e", (math.pi, 1.5, 12345.678)) == (
        "3.14 1.500000 1.234568e+04"
    )
    assert java_format("%x %X %o %c %b %b", (255, 255, 8, 65, None, 0)) == (
        "ff FF 10 A false true"
    )
    assert java_format("%2$s %1$s%n100%%", ("a", "b")) == "b a\n100%"
    with pytest.raises(FormatException, match="Format specifier '%s'"):
        java_format("%s %s", ("only one",))
    with pytest.raises(FormatException):
        java_format("%d", ("text",))


def test_json_encode_is_compact_or_indented(client: ClientSession) -> None:
    util = client.scope.system.util
    data = {"name": "Line 1", "speeds": [1, 2.5], "on": True, "note": None}
    assert util.jsonEncode(data) == (
        '{"name":"Line 1","speeds":[1,2.5],"on":true,"note":null}'
    )
    assert util.jsonEncode({"a": [1]}, 2) == '{\n  "a": [\n    1\n  ]\n}'
    assert util.jsonEncode((1, "é")) == '[1,"é"]'


def test_json_encode_dates_datasets_and_non_finite_numbers(
    client: ClientSession,
) -> None:
    util = client.scope.system.util
    assert util.jsonEncode({"t": Date(1234)}) == '{"t":1234}'
    ds = Dataset(["id", "name"], [[1, "a"], [2, None]])
    assert util.jsonDecode(util.jsonEncode(ds)) == {
        "columns": [
            {"name": "id", "type": "java.lang.Integer"},
            {"name": "name", "type": "java.lang.String"},
        ],
        "rows": [[1, "a"], [2, None]],
    }
    with pytest.raises(JSONException, match="non-finite"):
        util.jsonEncode([float("nan")])


def test_json_decode(client: ClientSession) -> None:
    util = client.scope.system.util
    decoded = util.jsonDecode('{"a": [1, 2.0, "x", true, null]}')
    assert decoded == {"a": [1, 2.0, "x", True, None]}
    assert type(decoded["a"][0]) is int
    assert type(decoded["a"][1]) is float
    assert util.jsonDecode("not json") == "not json"


def test_globals_are_shared_per_client_and_per_gateway(
    sim: Simulation, client: ClientSession, sample_project: Project
) -> None:
    run(client, "system.util.getGlobals()['count'] = 1")
    run(client, "system.util.globals['count'] += 1")
    assert client.scope.system.util.getGlobals() == {"count": 2}
    other = sim.add_client(sample_project)
    assert other.scope.system.util.getGlobals() == {}
    gateway_util = sim.gateway.scopes["ThreadingBasics"].system.util
    gateway_util.getGlobals()["shared"] = True
    assert sim.gateway.script_state.globals == {"shared": True}
    assert "shared" not in client.scope.system.util.getGlobals()


def test_globals_are_the_same_dict_on_every_thread(
    sim: Simulation, client: ClientSession
) -> None:
    seen: list[int] = []
    run(
        client,
        """
        def work():
            seen.append(id(system.util.getGlobals()))
        system.util.invokeAsynchronous(work)
        seen.append(id(system.util.getGlobals()))
        """,
        extra={"seen": seen},
    )
    assert sim.wait_idle(5)
    assert len(seen) == 2
    assert len(set(seen)) == 1


def test_client_flags_and_gateway_address(client: ClientSession) -> None:
    util = client.scope.system.util
    assert util.getSystemFlags() == util.CLIENT_FLAG == 4
    assert not util.getSystemFlags() & util.DESIGNER_FLAG
    assert util.getGatewayAddress() == "http://localhost:8088/"


def test_properties_translate_edition_project_and_83_aliases(
    sim: Simulation, client: ClientSession
) -> None:
    import os

    util = client.scope.system.util
    assert util.getProperty("file.separator") == os.sep
    assert util.getProperty("user.home") == os.path.expanduser("~")
    assert util.getProperty("no.such.property") is None
    assert util.translate("Start") == "Start"
    assert util.translate("Start", strict=True) is None
    assert util.getEdition() == "standard"
    vision = client.scope.system.vision
    assert vision.getSystemFlags() == 4
    assert vision.getGatewayAddress() == util.getGatewayAddress()
    gateway = sim.gateway.scopes["ThreadingBasics"].system
    assert gateway.project.getProjectName() == "ThreadingBasics"
    assert gateway.util.getProperty("os.name")
    with pytest.raises(AttributeError):
        gateway.util.getEdition  # noqa: B018 - the access is the test
