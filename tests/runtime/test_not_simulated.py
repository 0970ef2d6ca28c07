"""Every 8.1 system function is simulated or says it is not, by name."""

from __future__ import annotations

import types
from typing import TYPE_CHECKING

import pytest

from tests.conftest import run
from visionsim.runtime.ignition import NotSimulatedError
from visionsim.runtime.ignition.api81 import FUNCTIONS, exists_in, modules_in

if TYPE_CHECKING:
    from visionsim.runtime import ClientSession, Simulation


def gateway_system(sim: Simulation) -> types.ModuleType:
    return sim.gateway.scopes["ThreadingBasics"].system


def test_the_81_list_has_446_functions() -> None:
    assert sum(len(names) for names in FUNCTIONS.values()) == 446
    assert {"system.util", "system.tag", "system.db", "system.alarm"} <= set(FUNCTIONS)


def test_a_missing_function_says_it_is_not_simulated(client: ClientSession) -> None:
    query_status = client.scope.system.alarm.queryStatus
    with pytest.raises(
        NotSimulatedError, match=r"^system\.alarm\.queryStatus is not simulated"
    ):
        query_status(priority=["High"])


def test_every_81_function_of_a_scope_resolves(
    sim: Simulation, client: ClientSession
) -> None:
    for scope, system in (("client", client.scope.system), ("gateway", None)):
        system = system or gateway_system(sim)
        for dotted in modules_in(scope):
            module = system
            for part in dotted.split(".")[1:]:
                module = getattr(module, part)
            for name in FUNCTIONS[dotted]:
                if exists_in(dotted, name, scope):
                    assert callable(getattr(module, name)), f"{dotted}.{name}"


def test_scripts_import_not_simulated_functions_and_fail_only_when_calling(
    sim: Simulation, client: ClientSession
) -> None:
    ok = client.run_script(
        "from system.sfc import startChart\n"
        "import system.opc\n"
        "print startChart.__name__, system.opc.readValue.__qualname__\n"
        "startChart('Charts/Mix')\n",
        "Test/sfc",
    )
    assert not ok
    assert "startChart system.opc.readValue\n" in [
        line.text for line in sim.output.history()
    ]
    [report] = sim.errors.reports()
    assert report.message == "system.sfc.startChart is not simulated by visionsim"
    assert str(report.location) == "Test/sfc, line 4"


def test_vision_only_functions_stay_attribute_errors_in_gateway_scope(
    sim: Simulation, client: ClientSession
) -> None:
    gw = gateway_system(sim)
    with pytest.raises(AttributeError, match="Vision client function"):
        gw.util.getSystemFlags  # noqa: B018 - the access is the test
    with pytest.raises(AttributeError, match="Vision client function"):
        gw.dataset.exportCSV  # noqa: B018
    with pytest.raises(AttributeError, match=r"system\.gui does not exist in gateway"):
        gw.gui  # noqa: B018
    with pytest.raises(NotSimulatedError):
        client.scope.system.util.getInactivitySeconds()


def test_perspective_is_gateway_only_and_unknown_names_are_plain_errors(
    sim: Simulation, client: ClientSession
) -> None:
    with pytest.raises(AttributeError, match="does not exist in client scope"):
        client.scope.system.perspective  # noqa: B018
    with pytest.raises(NotSimulatedError):
        gateway_system(sim).perspective.sendMessage("handler")
    with pytest.raises(AttributeError, match="has no attribute 'readEverything'"):
        client.scope.system.tag.readEverything  # noqa: B018
    with pytest.raises(AttributeError, match="module 'system' has no attribute 'x'"):
        client.scope.system.x  # noqa: B018


def test_simulated_functions_are_the_real_ones(client: ClientSession) -> None:
    run(
        client,
        """
        assert system.util.getProjectName() == "ThreadingBasics"
        assert system.date.getYear(system.date.fromMillis(0)) in (1969, 1970)
        assert system.dataset.toDataSet(["a"], [[1]]).rowCount == 1
        """,
    )


def test_real_modules_added_before_completion_keep_their_functions() -> None:
    from visionsim.runtime.ignition.not_simulated import complete_system

    system = types.ModuleType("system")
    tag = types.ModuleType("system.tag")
    tag.__dict__["readBlocking"] = lambda paths: ["real"]
    system.__dict__["tag"] = tag
    not_a_module = object()
    system.__dict__["db"] = not_a_module
    complete_system(system, "gateway")
    assert system.tag is tag
    assert system.tag.readBlocking(["[default]x"]) == ["real"]
    with pytest.raises(NotSimulatedError, match=r"system\.tag\.queryTagHistory"):
        system.tag.queryTagHistory()
    assert system.db is not_a_module
    assert isinstance(system.alarm, types.ModuleType)
