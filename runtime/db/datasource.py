"""One datasource: an SQLAlchemy engine, its latency, seed and statistics.

Statements run on the engine's raw DB-API connections (SQLAlchemy's pool,
the driver's own cursor): a 10,000-row query costs what the driver costs.
An in-memory SQLite database is one named shared-cache database, the same
for every thread and connection, kept alive by one connection held open until
:meth:`Datasource.close`. A plain ``postgresql://`` URL uses psycopg 3.

``_lock`` protects the throughput window.
"""

from __future__ import annotations

import collections
import sqlite3
import threading
import time
import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from visionsim.runtime.db.errors import sql_exception
from visionsim.runtime.db.sql import to_paramstyle
from visionsim.runtime.workers import interruptible_sleep

if TYPE_CHECKING:
    from collections.abc import Sequence

    import sqlalchemy
    from sqlalchemy.engine import URL
    from sqlalchemy.pool import PoolProxiedConnection

    from visionsim.runtime.gateway_config import DatabaseConfig

__all__ = ["Datasource", "QueryResult", "hide_password"]

#: What a statement gave: column names and rows, or a count/key (updates).
QueryResult = tuple[list[str], list[tuple[Any, ...]]] | int
_POOL_SIZE = 8
_MAX_OVERFLOW = 24
_DB_TYPES = {"sqlite": "SQLITE", "postgresql": "POSTGRES", "mysql": "MYSQL"}
#: How long a statement waits for a locked SQLite table (sqlite3's default
#: busy timeout; shared-cache table locks fail at once instead of waiting).
_LOCK_WAIT_S = 5.0
_LOCK_POLL_S = (0.001, 0.02)
#: Seconds to reach a database server (psycopg waits for ever by default).
_CONNECT_TIMEOUT_S = 10


def _sqlalchemy() -> Any:
    """SQLAlchemy, imported on first use.

    0.1-0.2 s that a project without a datasource (every start of the app on
    a sample project) does not pay.
    """
    import sqlalchemy
    import sqlalchemy.exc
    import sqlalchemy.pool

    return sqlalchemy


def hide_password(url: str) -> str:
    """``url`` with its password as ``***`` (for panels and logs)."""
    sa = _sqlalchemy()
    try:
        parsed: URL = sa.engine.make_url(url)
    except sa.exc.ArgumentError:
        return url
    if parsed.password is None:
        return url  # as written (rendering would escape ':memory:')
    return parsed.render_as_string(hide_password=True)


def _url(text: str) -> URL:
    url: URL = _sqlalchemy().engine.make_url(text)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def _connect_args(url: URL) -> dict[str, object]:
    if url.get_backend_name() == "postgresql" and "connect_timeout" not in url.query:
        return {"connect_timeout": _CONNECT_TIMEOUT_S}
    return {}


def _is_memory_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and url.database in (
        None,
        "",
        ":memory:",
    )


class Datasource:
    """A named database connection, as the gateway's Databases page shows it.

    Parameters
    ----------
    config
        Name, SQLAlchemy URL, seed file and latency (``visionsim.yaml``).

    Raises
    ------
    ValueError
        The URL is not an SQLAlchemy URL, or names a driver that is missing.

    Thread: any (every method).
    """

    def __init__(self, config: DatabaseConfig) -> None:
        self.name = config.name
        self.url = config.url
        self.latency_ms = config.latency_ms
        self.seed_file = config.seed
        self.problem = ""
        self._keeper: PoolProxiedConnection | None = None
        self._lock = threading.Lock()
        self._recent: collections.deque[float] = collections.deque(maxlen=4096)
        sa = _sqlalchemy()
        try:
            url = _url(config.url)
            if _is_memory_sqlite(url):
                self.engine = self._memory_engine()
            else:
                # Every use ends in a commit or a rollback already, so the
                # pool's own rollback on return would only cost time.
                self.engine = sa.create_engine(
                    url,
                    connect_args=_connect_args(url),
                    pool_size=_POOL_SIZE,
                    max_overflow=_MAX_OVERFLOW,
                    pool_reset_on_return=None,
                )
        except (sa.exc.ArgumentError, ImportError) as exc:
            raise ValueError(f"database {self.name!r}: bad url: {exc}") from None
        self.backend = self.engine.dialect.name
        dbapi: Any = self.engine.dialect.dbapi
        self.paramstyle: str = dbapi.paramstyle
        self._driver_error: type[Exception] = dbapi.Error

    def _memory_engine(self) -> sqlalchemy.Engine:
        uri = f"file:visionsim-{uuid.uuid4().hex}?mode=memory&cache=shared"

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(uri, uri=True, check_same_thread=False)

        sa = _sqlalchemy()
        engine: sqlalchemy.Engine = sa.create_engine(
            "sqlite://",
            creator=connect,
            poolclass=sa.pool.QueuePool,
            pool_size=_POOL_SIZE,
            max_overflow=_MAX_OVERFLOW,
            pool_reset_on_return=None,
        )
        # The database lives while one connection to it is open.
        self._keeper = engine.raw_connection()
        return engine

    @property
    def db_type(self) -> str:
        """Ignition's name for the database type (``SQLITE``, ``POSTGRES``…)."""
        return _DB_TYPES.get(self.backend, self.backend.upper())

    @property
    def max_connections(self) -> int:
        """The most connections the pool opens at once."""
        return _POOL_SIZE + _MAX_OVERFLOW

    @property
    def status(self) -> str:
        """``Valid``, or ``Faulted`` when the last connection attempt failed."""
        return "Faulted" if self.problem else "Valid"

    def connect(self) -> PoolProxiedConnection:
        """A pooled DB-API connection; close it to give it back.

        Raises the driver's :class:`SQLException` when the database cannot
        be reached.
        """
        try:
            conn = self.engine.raw_connection()
        except _sqlalchemy().exc.DBAPIError as exc:
            self.problem = _message(exc.orig or exc)
            raise sql_exception(self.backend, self.problem) from None
        except self._driver_error as exc:  # the pool does not wrap its errors
            self.problem = _message(exc)
            raise sql_exception(self.backend, self.problem) from None
        self.problem = ""
        return conn

    def wait_latency(self) -> None:
        """Wait ``latencyMs`` (interruptible, as a slow database would)."""
        if self.latency_ms > 0:
            interruptible_sleep(self.latency_ms / 1000.0)

    def execute(
        self,
        conn: PoolProxiedConnection,
        sql: str,
        args: Sequence[object],
        mode: str,
        *,
        wait: bool = True,
    ) -> QueryResult:
        """Run one statement on ``conn``; the caller commits or rolls back.

        ``mode`` is ``query`` (columns and rows), ``update`` (rows affected)
        ``key`` (the generated key) or ``any`` (whatever it is: a seed
        statement). ``wait`` adds ``latencyMs`` first. Raises
        :class:`SQLException` with the database's text.
        """
        if wait:
            self.wait_latency()
        with self._lock:
            self._recent.append(time.monotonic())
        if mode == "key" and self.backend == "postgresql":
            sql = _returning(sql)
        text = to_paramstyle(sql, self.paramstyle) if args else sql
        params = _params(args) if args else None
        deadline = time.monotonic() + _LOCK_WAIT_S
        pause = _LOCK_POLL_S[0]
        while True:
            try:
                return self._once(conn, text, params, mode)
            except self._driver_error as exc:
                message = _message(exc)
                if not _is_lock(self.backend, message) or time.monotonic() > deadline:
                    raise sql_exception(self.backend, message) from None
            interruptible_sleep(pause)  # another connection holds the table
            pause = min(pause * 2, _LOCK_POLL_S[1])

    def _once(
        self,
        conn: PoolProxiedConnection,
        text: str,
        params: tuple[object, ...] | None,
        mode: str,
    ) -> QueryResult:
        cursor = conn.cursor()
        try:
            if params is None:
                cursor.execute(text)
            else:
                cursor.execute(text, params)
            return _result(cursor, mode, self.backend)
        finally:
            cursor.close()

    def throughput(self) -> float:
        """Queries in the last second, or -1 when idle (Ignition's convention)."""
        now = time.monotonic()
        with self._lock:
            count = sum(1 for t in self._recent if now - t <= 1.0)
        return float(count) if count else -1.0

    def active_connections(self) -> int:
        """Connections checked out of the pool now (the keeper not counted)."""
        pool: Any = self.engine.pool
        return int(pool.checkedout()) - (1 if self._keeper is not None else 0)

    def close(self) -> None:
        """Close every connection (an in-memory database is gone after this)."""
        if self._keeper is not None:
            self._keeper.close()
            self._keeper = None
        self.engine.dispose()


def _params(args: Sequence[object]) -> tuple[object, ...]:
    return tuple(_param(a) for a in args)


def _param(value: object) -> object:
    # java.util.Date (and anything like it) goes in as its instant.
    get_time = getattr(value, "getTime", None)
    if callable(get_time) and not isinstance(value, str | bytes | int | float):
        return datetime.fromtimestamp(get_time() / 1000.0)
    return value


def _is_lock(backend: str, message: str) -> bool:
    return backend == "sqlite" and "locked" in message


def _returning(sql: str) -> str:
    body = sql.rstrip().rstrip(";")
    return body if " returning " in body.lower() else f"{body} RETURNING *"


def _result(cursor: Any, mode: str, backend: str) -> QueryResult:
    description = cursor.description
    if mode == "query":
        if description is None:
            raise sql_exception(backend, "No results were returned by the query.")
        return [d[0] for d in description], cursor.fetchall()
    if mode == "key":
        if backend == "postgresql":
            row = cursor.fetchone() if description is not None else None
            return int(row[0]) if row and isinstance(row[0], int) else -1
        key = cursor.lastrowid
        return int(key) if key is not None else -1
    if description is not None and mode != "any":
        raise sql_exception(
            backend, "A result set was returned when none was expected."
        )
    return int(cursor.rowcount)


def _message(exc: Exception) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__
