"""The project library: ``ignition/script-python`` modules, one set per scope.

Ignition 8 stores each library module as ``<pkg>/<module>/code.py``; any
folder may be both a module (its own ``code.py``) and a package of
sub-folders, so ``a/b/code.py`` is module ``a.b``. :func:`find_modules` finds
them at project load. A :class:`ProjectLibrary` gives one scripting scope its
own module objects: scripts use them by path without an import
(``shared.util.fn()``) or with any import form. A module runs lazily, once per
scope, on first use, with the scope's builtins and ``system`` — so a library
function's ``system`` is its scope's, as in Ignition. Its traceback name is the
dotted name (``shared.util``); a syntax error shows up when it is first used.

Circular imports behave as in Python: the module being initialised is
returned partially initialised, including when two threads each hold one
half of a cycle (deadlock detection, like ``importlib``'s module locks).
``_cond`` protects the load state of every module; code runs outside it.
"""

from __future__ import annotations

import os
import threading
import types
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from visionsim.runtime.jython.compiler import JYTHON, compile_script
from visionsim.runtime.project_io import ProjectError, read_text

if TYPE_CHECKING:
    from collections.abc import Mapping

LIBRARY = Path("ignition/script-python")
_NEW, _RUNNING, _DONE = "new", "running", "done"


def find_modules(project_root: Path) -> dict[str, Path]:
    """Every library module of a project: dotted name -> its ``code.py``.

    Raises :class:`ProjectError` for a folder or ``code.py`` that cannot be
    read, or a folder name scripts could not spell (not an identifier).
    """
    base = project_root / LIBRARY
    if not base.exists():
        return {}

    def fail(exc: OSError) -> None:
        where = exc.filename or base
        raise ProjectError(where, f"cannot read library folder: {exc.strerror or exc}")

    found: dict[str, Path] = {}
    for folder, dirs, files in os.walk(base, onerror=fail):
        dirs[:] = sorted(d for d in dirs if d[:1] != "." and d != "__pycache__")
        here = Path(folder)
        if here == base:
            continue
        # A keyword (``import``) is allowed: Ignition accepts such packages,
        # and scripts reach them with getattr even if they cannot spell them.
        if not here.name.isidentifier():
            raise ProjectError(
                here,
                f"library folder name {here.name!r} is not a Python identifier "
                "(scripts could not name it)",
            )
        if "code.py" in files:
            name = ".".join(here.relative_to(base).parts)
            found[name] = _check_readable(here / "code.py")
    return dict(sorted(found.items()))


def _check_readable(path: Path) -> Path:
    read_text(path, "library module")
    return path


class LibraryModule(types.ModuleType):
    """A library module or package; a missing attribute may be a child module.

    Until its code has run, any attribute access runs it first.
    """

    __slots__ = ("_dotted", "_library")
    _library: ProjectLibrary
    _dotted: str

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)  # introspection must not run user code
        return self._library.attribute(self._dotted, name)


@dataclass(slots=True)
class _Entry:
    module: LibraryModule
    state: str = _NEW
    owner: int | None = None  # thread running the module's code


class ProjectLibrary:
    """One scope's project library module objects.

    Parameters
    ----------
    modules
        Dotted module name -> ``code.py`` (``Project.library``).
    scope_globals
        Globals every module starts with: the scope's ``__builtins__`` and
        ``system``.
    dialect
        How module source is compiled (the project's ``scriptDialect``).
    """

    def __init__(
        self,
        modules: Mapping[str, Path],
        scope_globals: Mapping[str, Any],
        dialect: str = JYTHON,
    ) -> None:
        self._dialect = dialect
        self._paths = dict(modules)
        names = {
            name.rsplit(".", depth)[0]
            for name in modules
            for depth in range(name.count(".") + 1)
        }
        children: dict[str, set[str]] = {}
        for name in names:
            parent, _, last = name.rpartition(".")
            children.setdefault(parent, set()).add(last)
        self._cond = threading.Condition()
        self._waiting: dict[int, str] = {}  # thread -> the module it waits for
        self._entries: dict[str, _Entry] = {}
        for name in sorted(names):
            module = LibraryModule(name)
            module._library = self
            module._dotted = name
            self._entries[name] = _Entry(module)
        #: Top-level packages, bound in every script's namespace.
        self.roots: dict[str, types.ModuleType] = {
            n: e.module for n, e in self._entries.items() if "." not in n
        }
        for name, item in self._entries.items():
            self._prepare(item.module, scope_globals, children.get(name, set()))

    def _prepare(
        self, module: LibraryModule, scope_globals: Mapping[str, Any], own: set[str]
    ) -> None:
        """Set a module's initial globals; ``own`` are its child modules' names."""
        name = module._dotted
        namespace = module.__dict__
        for key, value in (*scope_globals.items(), *self.roots.items()):
            if key not in own:  # a child module wins over a global
                namespace[key] = value  # roots: other modules, without import
        namespace["__package__"] = name if own else name.rpartition(".")[0]
        if name in self._paths:
            namespace["__file__"] = str(self._paths[name])

    def __contains__(self, name: str) -> bool:
        return name in self._entries

    def module(self, name: str) -> types.ModuleType:
        """Library module ``name``, its packages and itself run. Thread: any."""
        parts = name.split(".")
        for depth in range(1, len(parts) + 1):
            self._ensure(".".join(parts[:depth]))
        return self._entries[name].module

    def attribute(self, dotted: str, name: str) -> Any:
        """Attribute ``name`` of module ``dotted``: its own, else a child module.

        Thread: any.
        """
        module = self.module(dotted)
        try:
            return module.__dict__[name]
        except KeyError:
            pass
        child = f"{dotted}.{name}"
        if child in self._entries:
            return self.module(child)
        raise AttributeError(f"module '{dotted}' has no attribute '{name}'")

    def import_module(
        self,
        name: str,
        globals: Mapping[str, Any] | None,
        fromlist: object,
        level: int,
    ) -> types.ModuleType | None:
        """``__import__`` for library names; ``None`` when not a library name.

        Thread: any.
        """
        if level > 0:
            package = (globals or {}).get("__package__") or ""
            if package.partition(".")[0] not in self.roots:
                return None
            bits = package.rsplit(".", level - 1)
            if len(bits) < level:
                raise ImportError("attempted relative import beyond top-level package")
            name = f"{bits[0]}.{name}" if name else bits[0]
        elif name.partition(".")[0] not in self.roots:
            return None
        if name not in self._entries:
            raise ModuleNotFoundError(f"No module named '{name}'", name=name)
        module = self.module(name)
        if fromlist or level > 0:
            return module
        return self._entries[name.partition(".")[0]].module

    def _ensure(self, name: str) -> None:
        """Run module ``name`` unless it has run or is running on this path."""
        entry = self._entries[name]
        if entry.state == _DONE:  # the common case: no lock (a str read)
            return
        me = threading.get_ident()
        with self._cond:
            while entry.state == _RUNNING:
                if entry.owner == me or self._would_deadlock(me, name):
                    return  # a circular import: partially initialised, as Python
                self._waiting[me] = name
                try:
                    self._cond.wait()
                finally:
                    del self._waiting[me]
            if entry.state == _DONE:
                return
            entry.state, entry.owner = _RUNNING, me
        state = _NEW
        try:
            self._run(name, entry.module)
            state = _DONE
        finally:
            with self._cond:
                entry.state, entry.owner = state, None
                self._cond.notify_all()
        parent, _, last = name.rpartition(".")
        if parent:
            setattr(self._entries[parent].module, last, entry.module)

    def _would_deadlock(self, me: int, name: str) -> bool:
        """Whether waiting for ``name`` would wait, via others, for ``me``."""
        owner = self._entries[name].owner
        for _ in range(len(self._entries) + 1):
            if owner is None:
                return False
            if owner == me:
                return True
            waits_for = self._waiting.get(owner)
            if waits_for is None:
                return False
            owner = self._entries[waits_for].owner
        return True

    def _run(self, name: str, module: LibraryModule) -> None:
        path = self._paths.get(name)
        if path is None:
            return  # a folder of modules without code of its own
        try:
            source = read_text(path, "library module")
        except ProjectError as exc:
            raise ImportError(
                f"cannot read project library module {name}: {exc}", name=name
            ) from None
        code = compile_script(source, name, self._dialect)
        exec(code, module.__dict__)
