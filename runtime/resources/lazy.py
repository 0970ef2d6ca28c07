"""Resources decoded on first use: a mapping that loads each value when asked.

A project of hundreds of binary windows starts by listing their folders
only; :class:`LazyMapping` decodes a window (or template) the first time it
is looked up and keeps it. YAML windows are loaded eagerly (their errors
belong to project loading), binary ones lazily.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from visionsim.runtime.project_io import ProjectError

if TYPE_CHECKING:
    from visionsim.runtime.resources.model import TemplateSpec

TEMPLATES = Path("com.inductiveautomation.vision/templates")

V = TypeVar("V")


class LazyMapping(Mapping[str, V]):
    """Resources by path; pending ones are decoded when first looked up.

    Parameters
    ----------
    ready
        Values already loaded.
    pending
        Loaders of the others (each raises :class:`ProjectError` or returns).
    """

    def __init__(
        self,
        ready: Mapping[str, V] | None = None,
        pending: Mapping[str, Callable[[], V]] | None = None,
    ) -> None:
        self._ready: dict[str, V] = dict(ready or {})
        self._pending: dict[str, Callable[[], V]] = {
            k: v for k, v in (pending or {}).items() if k not in self._ready
        }
        self._order = sorted({*self._ready, *self._pending})
        self._lock = threading.Lock()  # guards _ready/_pending (any thread)

    def __getitem__(self, key: str) -> V:
        """The value at ``key``, decoding it now if needed. Thread: any."""
        with self._lock:
            if key in self._ready:
                return self._ready[key]
            loader = self._pending[key]
        value = loader()
        with self._lock:
            self._ready[key] = value
            self._pending.pop(key, None)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, key: object) -> bool:
        return key in self._ready or key in self._pending

    def is_loaded(self, key: str) -> bool:
        """Whether ``key`` has been loaded (or decoded) already."""
        return key in self._ready

    def loaded(self) -> dict[str, V]:
        """The values loaded so far, without loading any other."""
        with self._lock:
            return dict(self._ready)

    def merged(self, over: Mapping[str, V]) -> LazyMapping[V]:
        """These entries with ``over``'s on top (project inheritance)."""
        ready, pending = _parts(self)
        over_ready, over_pending = _parts(over)
        for key in over_ready.keys() | over_pending.keys():
            ready.pop(key, None)
            pending.pop(key, None)
        return LazyMapping({**ready, **over_ready}, {**pending, **over_pending})


def _parts(
    mapping: Mapping[str, V],
) -> tuple[dict[str, V], dict[str, Callable[[], V]]]:
    if isinstance(mapping, LazyMapping):
        with mapping._lock:
            return dict(mapping._ready), dict(mapping._pending)
    return dict(mapping), {}


def merge(base: Mapping[str, V], over: Mapping[str, V]) -> Mapping[str, V]:
    """``over`` on top of ``base`` without decoding anything."""
    if isinstance(base, LazyMapping) or isinstance(over, LazyMapping):
        return LazyMapping[V]().merged(base).merged(over)
    return {**base, **over}


def loaded(mapping: Mapping[str, V]) -> dict[str, V]:
    """The entries already loaded, decoding nothing (a plain dict: all of it).

    Startup windows are found here: only YAML windows can be marked
    ``openOnStartup``, and they are always loaded.
    """
    return mapping.loaded() if isinstance(mapping, LazyMapping) else dict(mapping)


def pending_values(mapping: Mapping[str, V]) -> list[str]:
    """Keys not loaded yet (none for a plain dict)."""
    if isinstance(mapping, LazyMapping):
        with mapping._lock:
            return sorted(mapping._pending)
    return []


def binary_resource(folder: Path, yaml_name: str, binary_name: str) -> Path | None:
    """The binary resource of ``folder`` (``window.bin`` or v1 ``data.bin``).

    Raises :class:`ProjectError` naming both files when the folder also has
    the YAML version: visionsim would not know which one is meant.
    """
    found = None
    for name in (binary_name, "data.bin"):
        candidate = folder / name
        if os.path.lexists(candidate):
            found = candidate
            break
    yaml_file = folder / yaml_name
    if found is not None and os.path.lexists(yaml_file):
        raise ProjectError(
            yaml_file,
            f"the resource is here twice, as {yaml_name} and as {found.name} "
            f"({found}): keep one",
        )
    return found


def resource_folders(base: Path, names: tuple[str, ...]) -> list[Path]:
    """Folders under ``base`` holding one of ``names``, sorted; ``.x`` skipped."""

    def fail(exc: OSError) -> None:
        where = exc.filename or base
        raise ProjectError(where, f"cannot read folder: {exc.strerror or exc}")

    found = []
    for folder, dirs, files in os.walk(base, onerror=fail):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if any(name in files for name in names):
            found.append(folder)
    return sorted(Path(f) for f in found)


def load_templates(project_root: Path) -> LazyMapping[TemplateSpec]:
    """The project's Vision templates by path, each decoded on first use."""
    base = project_root / TEMPLATES
    if not base.is_dir():
        return LazyMapping()
    pending: dict[str, Callable[[], TemplateSpec]] = {}
    for folder in resource_folders(base, ("template.bin", "data.bin")):
        file = binary_resource(folder, "template.yaml", "template.bin")
        if file is not None:
            path = folder.relative_to(base).as_posix()
            pending[path] = functools.partial(_decode_template, file, path)
    return LazyMapping(pending=pending)


def _decode_template(file: Path, path: str) -> TemplateSpec:
    from visionsim.runtime.resources.decode_window import decode_template

    return decode_template(file, path)
