"""Open transactions: ``system.db.beginTransaction`` ids and their idle timeouts.

A transaction holds one pooled connection until it is closed. Its ``timeout``
(ms) is an *idle* timeout: each statement, commit or rollback restarts it; on
expiry the gateway rolls the transaction back, closes it, and the id becomes
invalid (reference/ignition-tags-db.md section 11). Expiry runs on the
simulation's timer thread.

``_lock`` protects the table; each transaction's own lock keeps one
statement at a time on its connection (and the expiry off a busy one).
"""

from __future__ import annotations

import contextlib
import threading
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from visionsim.runtime.db.errors import sql_exception

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sqlalchemy.pool import PoolProxiedConnection

    from visionsim.runtime.db.datasource import Datasource
    from visionsim.runtime.workers import TimerHandle, TimerThread

__all__ = ["ISOLATION_LEVELS", "Transactions"]

#: java.sql.Connection's isolation constants (system.db.READ_COMMITTED…).
ISOLATION_LEVELS = {
    1: "READ UNCOMMITTED",
    2: "READ COMMITTED",
    4: "REPEATABLE READ",
    8: "SERIALIZABLE",
}


@dataclass(eq=False)
class _Tx:
    id: str
    source: Datasource
    conn: PoolProxiedConnection
    timeout_ms: int | None
    lock: threading.Lock = field(default_factory=threading.Lock)
    timer: TimerHandle | None = None


class Transactions:
    """The gateway's open transactions, by id. Thread: any."""

    def __init__(self, timers: TimerThread) -> None:
        self._timers = timers
        self._lock = threading.Lock()
        self._open: dict[str, _Tx] = {}

    def begin(
        self, source: Datasource, isolation: int | None, timeout_ms: int | None
    ) -> str:
        """Open a transaction on ``source``; returns its id."""
        conn = source.connect()
        try:
            _start(source, conn, isolation)
        except BaseException:  # SQLException: a Java exception, not an Exception
            conn.close()
            raise
        tx = _Tx(uuid.uuid4().hex, source, conn, timeout_ms)
        with self._lock:
            self._open[tx.id] = tx
        self._arm(tx)
        return tx.id

    def source_of(self, tx_id: str) -> Datasource:
        """The datasource ``tx_id`` runs on."""
        return self._get(tx_id).source

    @contextlib.contextmanager
    def use(self, tx_id: str) -> Iterator[PoolProxiedConnection]:
        """The transaction's connection, for one statement (idle timer paused)."""
        tx = self._get(tx_id)
        with tx.lock:
            if tx.timer is not None:
                tx.timer.cancel()
            if self._open.get(tx_id) is not tx:
                raise _gone(tx)
            try:
                yield tx.conn
            finally:
                self._arm(tx)

    def commit(self, tx_id: str) -> None:
        """Commit; the transaction stays open (close it after)."""
        with self.use(tx_id) as conn:
            _driver_call(self._get(tx_id).source, conn.commit)

    def rollback(self, tx_id: str) -> None:
        """Roll back; the transaction stays open (close it after)."""
        with self.use(tx_id) as conn:
            _driver_call(self._get(tx_id).source, conn.rollback)

    def close(self, tx_id: str) -> None:
        """Close: uncommitted work is rolled back, the id becomes invalid."""
        tx = self._get(tx_id)
        with tx.lock:
            self._end(tx)

    def close_all(self) -> None:
        """Close every open transaction (the gateway is stopping)."""
        with self._lock:
            txs = list(self._open.values())
        for tx in txs:
            with tx.lock:
                self._end(tx)

    def count(self) -> int:
        """How many transactions are open."""
        with self._lock:
            return len(self._open)

    def _get(self, tx_id: object) -> _Tx:
        with self._lock:
            tx = self._open.get(tx_id) if isinstance(tx_id, str) else None
        if tx is None:
            raise sql_exception(
                "", f"Transaction {tx_id!r} is closed or does not exist."
            )
        return tx

    def _arm(self, tx: _Tx) -> None:
        if tx.timeout_ms is not None and tx.timeout_ms > 0:
            tx.timer = self._timers.call_later(
                tx.timeout_ms / 1000.0, lambda: self._expire(tx)
            )

    def _expire(self, tx: _Tx) -> None:
        # On the timer thread: a transaction in use is not idle; its next
        # release re-arms the timer.
        if tx.lock.acquire(blocking=False):
            try:
                self._end(tx)
            finally:
                tx.lock.release()

    def _end(self, tx: _Tx) -> None:
        with self._lock:
            if self._open.pop(tx.id, None) is None:
                return
        if tx.timer is not None:
            tx.timer.cancel()
        with contextlib.suppress(Exception):
            tx.conn.rollback()
        with contextlib.suppress(Exception):
            tx.conn.close()


def _gone(tx: _Tx) -> BaseException:
    return sql_exception(
        tx.source.backend, f"Transaction {tx.id!r} is closed or does not exist."
    )


def _start(
    source: Datasource, conn: PoolProxiedConnection, isolation: int | None
) -> None:
    """Begin explicitly (SQLite), or set the isolation level first (others)."""
    level = ISOLATION_LEVELS.get(isolation) if isolation is not None else None
    if source.backend == "sqlite":
        if level == "READ UNCOMMITTED":
            _run(source, conn, "PRAGMA read_uncommitted = 1")
        _run(source, conn, "BEGIN")
    elif level is not None:
        _run(source, conn, f"SET TRANSACTION ISOLATION LEVEL {level}")


def _run(source: Datasource, conn: PoolProxiedConnection, sql: str) -> None:
    def call() -> None:
        cursor = conn.cursor()
        try:
            cursor.execute(sql)
        finally:
            cursor.close()

    _driver_call(source, call)


def _driver_call(source: Datasource, fn: Any) -> None:
    try:
        fn()
    except Exception as exc:
        raise sql_exception(source.backend, str(exc)) from None
