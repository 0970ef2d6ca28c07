"""The scripting engine: runs user scripts in a scope with its own ``system``.

A :class:`ScriptScope` is one Ignition scripting scope (a Vision client, or a
gateway project). Scripts get a namespace whose ``__builtins__`` is the scope's
own copy of the builtins, with two changes: ``print`` writes to the scope's
output sink (so every thread's output is captured in order), and ``__import__``
resolves ``system``, ``java`` and ``javax`` (and ``time``, whose ``sleep`` is
made interruptible and visible to the stall monitor) to the scope's modules,
then the project library's modules (:mod:`runtime.library`), whose top-level
packages every script also has without an import.
Functions defined by a script keep those globals, so an ``import system``
inside a nested function run later on a worker thread still resolves to the
scope that defined it — the manual's own examples rely on this.
"""

from __future__ import annotations

import builtins
import types
from typing import TYPE_CHECKING, Any

from visionsim.runtime import context, sources
from visionsim.runtime.jython.java.errors import InterruptedException
from visionsim.runtime.library import ProjectLibrary
from visionsim.runtime.output import make_print

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from visionsim.runtime.errors import ErrorSink
    from visionsim.runtime.output import OutputSink

_real_import = builtins.__import__


class ScriptScope:
    """One scripting scope: ``"client"`` or ``"gateway"``.

    Parameters
    ----------
    kind
        ``"client"`` or ``"gateway"``.
    project
        The project's name (``system.util.getProjectName()``).
    modules
        Top-level virtual modules by name (``system``, ``java``, ``javax``,
        ``time``); ``import`` of these names returns them.
    output, errors
        Where ``print`` writes and where script errors are reported.
    library
        The project library (``Project.library``: dotted name -> ``code.py``);
        this scope runs its own copy of each module (``self.library``, a
        :class:`~visionsim.runtime.library.ProjectLibrary`).
    """

    def __init__(
        self,
        kind: str,
        project: str,
        modules: Mapping[str, types.ModuleType],
        output: OutputSink,
        errors: ErrorSink,
        *,
        library: Mapping[str, Path] | None = None,
    ) -> None:
        self.kind = kind
        self.project = project
        self.modules = dict(modules)
        self.errors = errors
        self.builtins: dict[str, Any] = dict(vars(builtins))
        self.builtins["print"] = make_print(output)
        self.builtins["__import__"] = self._import
        scope_globals: dict[str, Any] = {"__builtins__": self.builtins}
        if "system" in self.modules:
            scope_globals["system"] = self.modules["system"]
        self.library = ProjectLibrary(library or {}, scope_globals)
        self._base_namespace: dict[str, Any] | None = None

    @property
    def system(self) -> types.ModuleType:
        """The scope's ``system`` module."""
        return self.modules["system"]

    def namespace(self, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """A fresh global namespace for one script run."""
        base = self._base_namespace
        if base is None:  # built once: every event script run starts here
            base = self._base_namespace = {
                "__builtins__": self.builtins,
                "__name__": "__main__",
                **self.library.roots,
                "system": self.modules["system"],
            }
        ns = base.copy()
        if extra:
            ns.update(extra)
        return ns

    def compile(self, source: str, name: str) -> types.CodeType:
        """Compile ``source`` under the script name ``name`` (raises SyntaxError)."""
        sources.register(name, source)
        code: types.CodeType = compile(source, name, "exec", dont_inherit=True)
        return code

    def run(
        self,
        source: str,
        name: str,
        extra: Mapping[str, Any] | None = None,
        *,
        source_kind: str = "script",
    ) -> bool:
        """Compile and run a script on the calling thread.

        An error (syntax or runtime) is reported to the error sink under the
        script's name; returns whether the script completed.
        """
        try:
            code = self.compile(source, name)
            exec(code, self.namespace(extra))
        except context.RunInterrupted:
            raise
        except BaseException as exc:  # sys.exit() in a script: an error too
            if isinstance(exc, InterruptedException) and context.current().terminated:
                return False  # Terminate (or shutdown) working, not an error
            self.errors.report_exception(exc, source_kind)
            return False
        return True

    def _import(
        self,
        name: str,
        globals: Mapping[str, Any] | None = None,
        locals: Mapping[str, Any] | None = None,
        fromlist: tuple[str, ...] | list[str] | None = (),
        level: int = 0,
    ) -> types.ModuleType:
        if level == 0:
            root, _, rest = name.partition(".")
            module = self.modules.get(root)
            if module is not None:
                target = _submodule(module, rest, name) if rest else module
                return target if fromlist else module
        found = self.library.import_module(name, globals, fromlist, level)
        if found is not None:
            return found
        imported: types.ModuleType = _real_import(
            name, globals, locals, fromlist or (), level
        )
        return imported


def _submodule(module: types.ModuleType, dotted: str, full: str) -> types.ModuleType:
    for part in dotted.split("."):
        child = getattr(module, part, None)
        if not isinstance(child, types.ModuleType):
            raise ModuleNotFoundError(f"No module named '{full}'", name=full)
        module = child
    return module
