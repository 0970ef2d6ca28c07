"""``system.db``: queries, updates, named queries and transactions.

Names, parameter order and defaults follow reference/ignition-tags-db.md
section 11 (8.1, plus 8.3's ``execQuery``/``execScalar``/``execUpdate``).
Every call runs on the calling thread and blocks it for the whole round trip
to the gateway's database (``latencyMs`` included): on the GUI thread the
stall monitor labels it a blocking wait, the classic frozen client. A SQL
error raises the Java chain Jython scripts see (:mod:`visionsim.runtime.db.errors`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from visionsim.runtime.dataset import Dataset, PyDataSet, from_driver, to_py_dataset
from visionsim.runtime.db import Databases, SQLException, db_error

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from visionsim.runtime.db.datasource import Datasource, QueryResult
    from visionsim.runtime.ignition.services import ScopeServices

_T = TypeVar("_T")
_CONNECTION_COLUMNS = (
    "Name",
    "Description",
    "DBType",
    "Status",
    "Problem",
    "ExtStatus",
    "Throughput",
    "ActiveConnections",
    "MaxConnections",
    "ValidationQuery",
)


class DbFunctions:
    """``system.db`` for one scope (client or gateway). Thread: any."""

    READ_UNCOMMITTED = 1
    READ_COMMITTED = 2
    REPEATABLE_READ = 4
    SERIALIZABLE = 8

    def __init__(self, svc: ScopeServices, databases: Databases) -> None:
        self._svc = svc
        self._dbs = databases
        self._client = svc.kind == "client"

    # -- plain SQL --------------------------------------------------------------

    def runQuery(
        self, query: str, database: str = "", tx: str | None = None
    ) -> PyDataSet:
        """Run a SELECT; the rows as a ``PyDataSet``."""
        return self._dataset("runQuery", query, (), database, tx)

    def runPrepQuery(
        self,
        query: str,
        args: Sequence[object],
        database: str = "",
        tx: str | None = None,
    ) -> PyDataSet:
        """Run a SELECT with ``?`` placeholders filled from ``args``."""
        return self._dataset("runPrepQuery", query, args, database, tx)

    def runScalarQuery(
        self, query: str, database: str = "", tx: str | None = None
    ) -> object:
        """The first column of the first row, or ``None`` when there are no rows."""
        return _scalar(self._dataset("runScalarQuery", query, (), database, tx))

    def runScalarPrepQuery(
        self,
        query: str,
        args: Sequence[object],
        database: str = "",
        tx: str | None = None,
    ) -> object:
        """:meth:`runScalarQuery` with ``?`` placeholders."""
        return _scalar(self._dataset("runScalarPrepQuery", query, args, database, tx))

    def runUpdateQuery(
        self,
        query: str,
        database: str = "",
        tx: str | None = None,
        getKey: bool = False,
        skipAudit: bool = True,
    ) -> int:
        """Run an INSERT/UPDATE/DELETE: rows affected, or the new key (``getKey``)."""
        return self._update("runUpdateQuery", query, (), database, tx, getKey)

    def runPrepUpdate(
        self,
        query: str,
        args: Sequence[object],
        database: str = "",
        tx: str | None = None,
        getKey: bool = False,
        skipAudit: bool = True,
    ) -> int:
        """:meth:`runUpdateQuery` with ``?`` placeholders filled from ``args``."""
        return self._update("runPrepUpdate", query, args, database, tx, getKey)

    # -- transactions -------------------------------------------------------------

    def beginTransaction(
        self,
        database: str = "",
        isolationLevel: int | None = None,
        timeout: int | None = None,
    ) -> str:
        """Open a transaction; pass its id as ``tx=``. ``timeout``: idle ms."""

        def begin() -> str:
            source = self._dbs.source(database, self._svc.project)
            return self._dbs.transactions.begin(source, isolationLevel, timeout)

        return self._call("beginTransaction", f"{database}", begin)

    def commitTransaction(self, tx: str) -> None:
        """Commit the work done in ``tx`` (then close it)."""
        self._call("commitTransaction", tx, lambda: self._dbs.transactions.commit(tx))

    def rollbackTransaction(self, tx: str) -> None:
        """Undo the work done in ``tx`` (then close it)."""
        self._call(
            "rollbackTransaction", tx, lambda: self._dbs.transactions.rollback(tx)
        )

    def closeTransaction(self, tx: str) -> None:
        """Close ``tx``: uncommitted work is rolled back, the id is no longer valid."""
        self._call("closeTransaction", tx, lambda: self._dbs.transactions.close(tx))

    # -- named queries --------------------------------------------------------------

    def runNamedQuery(self, *args: object, **kwargs: object) -> object:
        """Run a named query: ``(path, parameters=None, tx=None, getKey=False)``.

        The gateway-wide form ``(project, path, parameters, tx=None,
        getKey=False)`` is told apart by its second argument being a path.
        Query → Dataset, UpdateQuery → int, ScalarQuery → value.
        """
        if len(args) >= 2 and isinstance(args[1], str):
            project, path, *rest = args
        else:
            project = kwargs.pop("project", None)
            path, *rest = args if args else (kwargs.pop("path"),)
        names = ("parameters", "tx", "getKey")
        if len(rest) > len(names):
            raise TypeError("runNamedQuery() takes at most 5 arguments")
        call = dict(zip(names, rest, strict=False))
        call.update(kwargs)
        return self._named(
            "runNamedQuery",
            str(path),
            cast("Mapping[str, object] | None", call.get("parameters")),
            cast("str | None", call.get("tx")),
            bool(call.get("getKey", False)),
            cast("str | None", project),
        )

    def execQuery(
        self,
        path: str,
        parameters: Mapping[str, object] | None = None,
        tx: str | None = None,
        project: str | None = None,
    ) -> object:
        """8.3: run a named query of any type (usually a Query → Dataset)."""
        return self._named("execQuery", path, parameters, tx, False, project)

    def execScalar(
        self,
        path: str,
        parameters: Mapping[str, object] | None = None,
        tx: str | None = None,
        project: str | None = None,
    ) -> object:
        """8.3: run a named query; the first value of its first row."""
        result = self._named("execScalar", path, parameters, tx, False, project)
        return _scalar(result) if isinstance(result, Dataset) else result

    def execUpdate(
        self,
        path: str,
        parameters: Mapping[str, object] | None = None,
        tx: str | None = None,
        getKey: bool = False,
        project: str | None = None,
    ) -> object:
        """8.3: run an update named query; rows affected or the new key."""
        return self._named("execUpdate", path, parameters, tx, getKey, project)

    # -- connections ----------------------------------------------------------------

    def getConnections(self) -> Dataset:
        """One row per datasource: Name, Description, DBType, Status and more."""
        return Dataset(_CONNECTION_COLUMNS, [_info(s) for s in self._dbs.sources()])

    def getConnectionInfo(self, name: str = "") -> Dataset:
        """:meth:`getConnections`'s row for ``name`` (default: the project's).

        Empty when there is no such datasource.
        """
        wanted = name or self._dbs.project(self._svc.project).default
        rows = [_info(s) for s in self._dbs.sources() if s.name == wanted]
        return Dataset(_CONNECTION_COLUMNS, rows)

    # -- the shared path ---------------------------------------------------------------

    def _dataset(
        self,
        call: str,
        query: str,
        args: Sequence[object],
        database: str,
        tx: str | None,
    ) -> PyDataSet:
        result = self._run(call, query, args, "query", database, tx)
        columns, rows = cast("tuple[list[str], list[tuple[object, ...]]]", result)
        return to_py_dataset(from_driver(columns, rows))

    def _update(
        self,
        call: str,
        query: str,
        args: Sequence[object],
        database: str,
        tx: str | None,
        get_key: bool,
    ) -> int:
        mode = "key" if get_key else "update"
        return cast("int", self._run(call, query, args, mode, database, tx))

    def _run(
        self,
        call: str,
        query: str,
        args: Sequence[object],
        mode: str,
        database: str,
        tx: str | None,
    ) -> QueryResult:
        shown = (
            f"{query}, {list(args)}, {database}, {tx or ''}"
            if args
            else (f"{query}, {database}, {tx or ''}")
        )
        return self._call(
            call,
            shown,
            lambda: self._dbs.run(
                query, args, mode, database=database, project=self._svc.project, tx=tx
            ),
        )

    def _named(
        self,
        call: str,
        path: str,
        parameters: Mapping[str, object] | None,
        tx: str | None,
        get_key: bool,
        project: str | None,
    ) -> object:
        project = project or self._svc.project

        def run() -> object:
            query = self._dbs.named_query(project, path)
            try:
                sql, args = query.bind(parameters)
            except ValueError as exc:
                raise SQLException(f"{path}: {exc}") from None
            mode = {"Query": "query", "ScalarQuery": "query"}.get(
                query.kind, "key" if get_key else "update"
            )
            result = self._dbs.run(
                sql, args, mode, database=query.database, project=project, tx=tx
            )
            if query.kind == "UpdateQuery":
                return result
            columns, rows = cast("tuple[list[str], list[tuple[object, ...]]]", result)
            data = from_driver(columns, rows)
            return _scalar(data) if query.kind == "ScalarQuery" else data

        return self._call(call, f"{path}, {dict(parameters or {})}", run)

    def _call(self, call: str, shown: str, fn: Callable[[], _T]) -> _T:
        with self._svc.stall.blocking(f"system.db.{call}"):
            try:
                return fn()
            except SQLException as exc:
                error = db_error(f"system.db.{call}({shown})", exc, client=self._client)
                raise error from error.__cause__


def _scalar(data: Dataset) -> object:
    return (
        data.getValueAt(0, 0) if data.getRowCount() and data.getColumnCount() else None
    )


def _info(source: Datasource) -> list[object]:
    return [
        source.name,
        "",
        source.db_type,
        source.status,
        source.problem,
        source.status,
        source.throughput(),
        source.active_connections(),
        source.max_connections,
        "SELECT 1",
    ]
