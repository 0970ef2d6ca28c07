"""Ignition 8.1 functions visionsim does not simulate say so, by name.

:func:`complete_system` runs last when a scope's ``system`` module is built.
It gives every 8.1 submodule the scope has a shell (``system.alarm``...)
unless a real one is already there, and turns each submodule into a
:class:`SystemModule`, whose ``__getattr__`` only runs for names the module
does not define: an 8.1 function there is a stub that raises
:class:`NotSimulatedError` when called ("system.alarm.queryStatus is not
simulated by visionsim"); anything else, and a Vision-only function in
gateway scope, stays an ``AttributeError``, as in Ignition. Real modules
that arrive later (tags, databases) simply replace the shell.
"""

from __future__ import annotations

import types
from typing import TYPE_CHECKING, NoReturn

from visionsim.runtime.ignition.api81 import FUNCTIONS, exists_in, modules_in

if TYPE_CHECKING:
    from collections.abc import Callable


class NotSimulatedError(NotImplementedError):
    """An Ignition 8.1 function that visionsim does not simulate (yet)."""


class SystemModule(types.ModuleType):
    """A ``system.*`` submodule that knows the 8.1 names it is missing."""

    _scope: str = "client"

    def __getattr__(self, name: str) -> Callable[..., NoReturn]:
        full = f"{self.__name__}.{name}"
        if not name.startswith("__") and exists_in(self.__name__, name, self._scope):
            return _stub(full)
        if self.__name__ in FUNCTIONS and name in FUNCTIONS[self.__name__]:
            raise AttributeError(
                f"{full} does not exist in {self._scope} scope "
                "(it is a Vision client function)"
            )
        raise AttributeError(f"module '{self.__name__}' has no attribute '{name}'")


class SystemRoot(types.ModuleType):
    """``system`` itself: unknown submodules are named in the error."""

    _scope: str = "client"

    def __getattr__(self, name: str) -> types.ModuleType:
        full = f"system.{name}"
        if full in FUNCTIONS:
            raise AttributeError(
                f"{full} does not exist in {self._scope} scope, as in Ignition"
            )
        raise AttributeError(f"module 'system' has no attribute '{name}'")


def _stub(full: str) -> Callable[..., NoReturn]:
    def not_simulated(*args: object, **kwargs: object) -> NoReturn:
        raise NotSimulatedError(f"{full} is not simulated by visionsim")

    not_simulated.__name__ = full.rpartition(".")[2]
    not_simulated.__qualname__ = full
    not_simulated.__doc__ = f"{full}: not simulated by visionsim."
    return not_simulated


def complete_system(system: types.ModuleType, scope: str) -> None:
    """Add shells for missing 8.1 submodules and the fallback to every one.

    Call it last, after every real submodule is in place.
    """
    system.__class__ = SystemRoot
    system.__dict__["_scope"] = scope
    for dotted in modules_in(scope):
        parent = system
        parts = dotted.split(".")[1:]
        for depth, part in enumerate(parts, start=2):
            name = ".".join(dotted.split(".")[:depth])
            found = parent.__dict__.get(part)
            if found is None:
                found = types.ModuleType(name, f"{name}: not simulated by visionsim.")
                parent.__dict__[part] = found
            if not isinstance(found, types.ModuleType):
                break  # a real implementation that is not a module: leave it be
            _adopt(found, scope)
            parent = found
    for value in list(system.__dict__.values()):
        if isinstance(value, types.ModuleType) and type(value) is types.ModuleType:
            _adopt(value, scope)


def _adopt(module: types.ModuleType, scope: str) -> None:
    if type(module) is types.ModuleType:
        module.__class__ = SystemModule
    module.__dict__["_scope"] = scope
