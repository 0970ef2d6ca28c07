"""The Ignition scripting facade: ``system.*`` and the Java names scripts use.

This package is the one place where camelCase Ignition and Java names live
(STYLE.md section 3). :func:`build_modules` assembles the virtual modules one
scripting scope imports: ``system``, ``java``, ``javax`` and ``time``.
"""

from __future__ import annotations

import time
import types

from visionsim.runtime.ignition.dataset import DatasetFunctions
from visionsim.runtime.ignition.date import DateFunctions
from visionsim.runtime.ignition.db import DbFunctions
from visionsim.runtime.ignition.logger import ScopeState
from visionsim.runtime.ignition.not_simulated import NotSimulatedError, complete_system
from visionsim.runtime.ignition.services import ScopeServices
from visionsim.runtime.ignition.tag import NOT_SIMULATED, TagFunctions, not_simulated
from visionsim.runtime.ignition.util import ClientUtil, GatewayUtil
from visionsim.runtime.ignition.util_services import VISION_ALIASES, ProjectFunctions
from visionsim.runtime.ignition.vision import (
    GuiFunctions,
    NavFunctions,
    VisionFunctions,
)
from visionsim.runtime.jython.java import (
    JavaThread,
    ThreadState,
    build_java_modules,
    sleep_seconds,
)

__all__ = [
    "JavaThread",
    "NotSimulatedError",
    "ScopeServices",
    "ScopeState",
    "ThreadState",
    "build_modules",
]


def build_modules(svc: ScopeServices) -> dict[str, types.ModuleType]:
    """The virtual modules for one scope (client or gateway)."""
    system = types.ModuleType("system", "Ignition's system.* scripting functions.")
    if svc.kind == "client":
        util = ClientUtil(svc)
        gui = GuiFunctions(svc)
        nav = NavFunctions(svc)
        vision = VisionFunctions(gui, nav, util.invokeLater, util.getClientId)
        system.__dict__["util"] = _module_of("system.util", util)
        system.__dict__["gui"] = _module_of("system.gui", gui)
        system.__dict__["nav"] = _module_of("system.nav", nav)
        system.__dict__["vision"] = _module_of("system.vision", vision)
        for name in VISION_ALIASES:  # 8.3 names of Vision-only util functions
            system.vision.__dict__.setdefault(name, getattr(util, name))
    else:
        system.__dict__["util"] = _module_of("system.util", GatewayUtil(svc))
    system.__dict__["dataset"] = _module_of("system.dataset", DatasetFunctions())
    if svc.databases is not None:
        db = DbFunctions(svc, svc.databases)
        system.__dict__["db"] = _module_of("system.db", db)
    if svc.tags is not None:
        tag = _module_of("system.tag", TagFunctions(svc, svc.tags))
        for name in NOT_SIMULATED:
            tag.__dict__[name] = not_simulated(name)
        system.__dict__["tag"] = tag
    system.__dict__["date"] = _module_of("system.date", DateFunctions(svc.kind))
    system.__dict__["project"] = _module_of("system.project", ProjectFunctions(svc))
    # Last: shells and "not simulated" fallbacks for what is still missing.
    complete_system(system, svc.kind)
    modules = {"system": system, "time": _time_module(svc)}
    modules.update(build_java_modules(svc))
    return modules


def _module_of(name: str, obj: object) -> types.ModuleType:
    module = types.ModuleType(name)
    for attr in dir(obj):
        if not attr.startswith("_"):
            module.__dict__[attr] = getattr(obj, attr)
    return module


def _time_module(svc: ScopeServices) -> types.ModuleType:
    """``time`` for scripts: ``sleep`` is interruptible and stall-visible."""
    module = types.ModuleType("time", time.__doc__)
    module.__dict__.update(
        {k: v for k, v in vars(time).items() if not k.startswith("__")}
    )

    def sleep(seconds: float) -> None:
        sleep_seconds(svc, seconds)

    module.__dict__["sleep"] = sleep
    return module
