"""``system.tag``: read, write, browse and configure tags, blocking or async.

Names, parameter order and defaults follow Ignition 8.1
(reference/ignition-tags-db.md sections 2-4). Threads as in section 1:
``readBlocking``/``writeBlocking`` run on the calling thread and, in a
client, wait a simulated gateway round trip (a blocking wait when it is the
GUI thread); ``readAsync``/``writeAsync`` return at once and complete, and call
back, on a background thread; legacy ``write``/``writeAll`` are fire and
forget; ``writeSynchronous`` refuses the GUI thread. Bad paths give per-path
qualities, never an exception.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from visionsim.runtime.jython.java.errors import IllegalStateException, JavaException
from visionsim.runtime.tags import (
    QualifiedValue,
    QualityCode,
    TagPath,
    browse,
    configure,
    get_configuration,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime.ignition.services import ScopeServices
    from visionsim.runtime.tags import TagAccess

#: Functions of 8.1's ``system.tag`` that visionsim does not simulate yet.
NOT_SIMULATED = (
    "copy",
    "exportTags",
    "importTags",
    "move",
    "query",
    "rename",
    "requestGroupExecution",
    "queryTagHistory",
    "queryTagCalculations",
    "queryTagDensity",
    "storeTagHistory",
    "browseHistoricalTags",
    "queryAnnotations",
    "storeAnnotations",
    "deleteAnnotations",
    "isOverlaysEnabled",
    "setOverlaysEnabled",
)


class Results:
    """What ``browse`` returns: ``getResults()`` and the paging accessors."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.results = rows

    def getResults(self) -> list[dict[str, Any]]:
        """The browse rows (dicts)."""
        return self.results

    def getReturnedSize(self) -> int:
        """How many rows came back."""
        return len(self.results)

    def getTotalAvailableSize(self) -> int:
        """How many rows there are (no paging: the same)."""
        return len(self.results)

    def getContinuationPoint(self) -> None:
        """No paging: always None."""
        return None

    def getResultQuality(self) -> QualityCode:
        """Good, or Bad_NotFound when the browsed path does not exist."""
        return QualityCode.Good

    def __iter__(self) -> Any:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)


class TagFunctions:
    """``system.tag`` for one scope. Thread: any (each function)."""

    DEFAULT_TIMEOUT_MILLIS = 45000
    LEGACY_DEFAULT_TIMEOUT_MILLIS = 45000

    def __init__(self, svc: ScopeServices, tags: TagAccess) -> None:
        self._svc = svc
        self._tags = tags

    # -- 8.x read/write ----------------------------------------------------------

    def readBlocking(self, tagPaths: Any, timeout: int = 45000) -> list[QualifiedValue]:
        """Read ``tagPaths``; one QualifiedValue each, in order."""
        paths = tagPaths if type(tagPaths) is list else _paths(tagPaths)
        if type(timeout) is not int:
            _timeout(timeout)
        tags = self._tags
        if tags.round_trip_s:
            tags.round_trip("system.tag.readBlocking")
        return tags.read_all(paths)

    def writeBlocking(
        self, tagPaths: Any, values: Any, timeout: int = 45000
    ) -> list[QualityCode]:
        """Write ``values`` to ``tagPaths``; one QualityCode each, in order."""
        if type(tagPaths) is list and type(values) is list:
            paths, vals = tagPaths, values
            if len(paths) != len(vals):
                _pairs(tagPaths, values, "writeBlocking")  # raises, saying why
        else:
            paths, vals = _pairs(tagPaths, values, "writeBlocking")
        if type(timeout) is not int:
            _timeout(timeout)
        tags = self._tags
        if tags.round_trip_s:
            tags.round_trip("system.tag.writeBlocking")
        return tags.write_all(paths, vals)

    def readAsync(self, tagPaths: Any, callback: Callable[[Any], object]) -> None:
        """Read in the background; ``callback(qualifiedValues)`` on that thread."""
        paths = _paths(tagPaths)
        _callable(callback, "readAsync")
        tags = self._tags

        def job() -> None:
            callback(tags.read_all(paths))

        job.__qualname__ = _name(callback)
        tags.async_pool.submit(job, "system.tag.readAsync callback")

    def writeAsync(
        self,
        tagPaths: Any,
        values: Any,
        callback: Callable[[Any], object] | None = None,
    ) -> None:
        """Write in the background; ``callback(qualityCodes)`` on that thread."""
        paths, vals = _pairs(tagPaths, values, "writeAsync")
        if callback is not None:
            _callable(callback, "writeAsync")
        tags = self._tags

        def job() -> None:
            codes = [tags.write(p, v) for p, v in zip(paths, vals, strict=True)]
            if callback is not None:
                callback(codes)

        job.__qualname__ = _name(callback) if callback else "writeAsync"
        tags.async_pool.submit(job, "system.tag.writeAsync callback")

    # -- browsing and configuration ---------------------------------------------

    def browse(self, path: Any, filter: dict[str, Any] | None = None) -> Results:
        """The children of the folder at ``path`` (``filter``: name, tagType…)."""
        _, node, _ = self._tags.lookup(_text(path))
        if node is None:
            parsed = self._tags.parse(_text(path))
            if not parsed.parts:  # the provider itself
                root = self._tags.providers()
                node = next(
                    (
                        r
                        for n, r in root.items()
                        if n.lower() == str(parsed.provider).lower()
                    ),
                    None,
                )
        return Results(browse(node, filter))

    def exists(self, tagPath: Any) -> bool:
        """Whether a tag or folder exists at ``tagPath``."""
        return self._tags.lookup(_text(tagPath))[1] is not None

    def getConfiguration(self, basePath: Any, recursive: bool = False) -> list[Any]:
        """The configuration of ``basePath`` as a list of one tag dict."""
        _, node, _ = self._tags.lookup(_text(basePath))
        return [] if node is None else [get_configuration(node, bool(recursive))]

    def configure(
        self, basePath: Any, tags: Any, collisionPolicy: str = "o"
    ) -> list[QualityCode]:
        """Create or edit ``tags`` in the folder ``basePath``; a code per tag."""
        return configure(self._tags, str(_text(basePath)), tags, collisionPolicy)

    def deleteTags(self, tagPaths: Any) -> list[QualityCode]:
        """Delete tags or folders; a QualityCode per path (Bad_NotFound if none)."""
        codes = []
        for path in _paths(tagPaths):
            _, node, quality = self._tags.lookup(path)
            if node is None:
                codes.append(quality)
                continue
            try:
                self._tags.engine.remove(node)
            except ValueError as exc:
                codes.append(QualityCode.Bad_Unsupported.derive(str(exc)))
            else:
                codes.append(QualityCode.Good)
        return codes

    # -- legacy (7.x) functions ---------------------------------------------------

    def read(self, tagPath: Any) -> QualifiedValue:
        """Legacy: one QualifiedValue."""
        return self.readBlocking([tagPath])[0]

    def readAll(self, tagPaths: Any) -> list[QualifiedValue]:
        """Legacy: a QualifiedValue per path."""
        return self.readBlocking(tagPaths)

    def getTagValue(self, tagPath: Any) -> Any:
        """Legacy: the bare value."""
        return self.readBlocking([tagPath])[0].value

    def write(self, tagPath: Any, value: Any, suppressErrors: bool = False) -> int:
        """Legacy fire-and-forget write: 0 failed at once, 2 pending."""
        return self.writeAll([tagPath], [value])[0]

    def writeAll(self, tagPaths: Any, values: Any) -> list[int]:
        """Legacy fire-and-forget writes: 0 (failed at once) or 2 (pending) each."""
        paths, vals = _pairs(tagPaths, values, "writeAll")
        tags = self._tags
        codes, pending = [], []
        for path, value in zip(paths, vals, strict=True):
            _, node, _ = tags.lookup(_text(path))
            ok = node is not None
            codes.append(2 if ok else 0)
            if ok:
                pending.append((_text(path), value))

        def job() -> None:
            for path, value in pending:
                tags.write(path, value)

        if pending:
            tags.async_pool.submit(job, "system.tag.write")
        return codes

    def writeSynchronous(self, tagPath: Any, value: Any, timeout: int = 45000) -> None:
        """Legacy blocking write: raises on failure, refuses the GUI thread."""
        self.writeAllSynchronous([tagPath], [value], timeout)

    def writeAllSynchronous(
        self, tagPaths: Any, values: Any, timeout: int = 45000
    ) -> None:
        """Legacy blocking writes: raises on the first failure."""
        dispatcher = self._svc.dispatcher
        if dispatcher is not None and dispatcher.is_gui_thread():
            raise IllegalStateException(
                "writeSynchronous cannot be called from the event dispatch thread "
                "(wrap it in system.util.invokeAsynchronous)"
            )
        codes = self.writeBlocking(tagPaths, values, timeout)
        for path, code in zip(_paths(tagPaths), codes, strict=True):
            if not code.isGood():
                raise JavaException(f"Error writing to tag {_text(path)!r}: {code}")


def not_simulated(name: str) -> Callable[..., Any]:
    """A ``system.tag`` function that says it is not simulated."""

    def function(*args: object, **kwargs: object) -> Any:
        raise NotImplementedError(f"system.tag.{name} is not simulated by visionsim")

    function.__name__ = function.__qualname__ = name
    return function


def _text(path: object) -> object:
    return str(path) if isinstance(path, TagPath) else path


def _paths(tag_paths: object) -> list[Any]:
    if isinstance(tag_paths, str | TagPath):
        return [tag_paths]
    if isinstance(tag_paths, list | tuple):
        return list(tag_paths)
    if isinstance(tag_paths, Iterable) and not isinstance(tag_paths, dict):
        return list(tag_paths)  # a java.util.List, a generator…
    raise TypeError(f"tagPaths must be a list of tag paths, not {tag_paths!r}")


def _pairs(tag_paths: object, values: object, fn: str) -> tuple[list[Any], list[Any]]:
    lone = isinstance(tag_paths, str | TagPath)
    paths = _paths(tag_paths)
    vals = [values] if lone else values
    if isinstance(vals, Iterable) and not isinstance(vals, str | dict | list | tuple):
        vals = list(vals)
    if not isinstance(vals, list | tuple):
        raise TypeError(f"{fn}(): values must be a list, not {values!r}")
    if len(vals) != len(paths):
        raise ValueError(
            f"{fn}(): {len(paths)} tag paths but {len(vals)} values "
            "(one value per path)"
        )
    return paths, list(vals)


def _timeout(timeout: object) -> None:
    if isinstance(timeout, bool) or not isinstance(timeout, int | float):
        raise TypeError(f"timeout must be milliseconds (a number), not {timeout!r}")


def _callable(fn: object, name: str) -> None:
    if not callable(fn):
        raise TypeError(f"{name}(): callback must be callable, not {fn!r}")


def _name(fn: object) -> str:
    return str(getattr(fn, "__qualname__", None) or type(fn).__name__)
