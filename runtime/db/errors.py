"""The Java exceptions a failing ``system.db`` call raises, as Jython sees them.

In a Vision client a SQL error comes back from the gateway as a chain:
``java.lang.Exception: Error executing system.db.runQuery(...)`` caused by a
``GatewayException`` (the RPC) caused by the JDBC driver's ``SQLException``
with the database's own error text. In gateway scope the RPC link is missing.
Scripts walk the chain with ``getCause()`` (reference/ignition-tags-db.md
section 11). The classes derive from :mod:`visionsim.runtime.jython.java.errors`.
"""

from __future__ import annotations

from visionsim.runtime.jython.java.errors import JavaException

__all__ = [
    "GatewayException",
    "PSQLException",
    "SQLException",
    "SQLiteException",
    "db_error",
]


class SQLException(JavaException):
    """``java.sql.SQLException``: the database refused a statement."""

    java_name = "java.sql.SQLException"


class SQLiteException(SQLException):
    """The SQLite JDBC driver's ``SQLException`` subclass."""

    java_name = "org.sqlite.SQLiteException"


class PSQLException(SQLException):
    """The PostgreSQL JDBC driver's ``SQLException`` subclass."""

    java_name = "org.postgresql.util.PSQLException"


class GatewayException(JavaException):
    """The client's RPC to the gateway failed; the gateway's error is the cause."""

    java_name = (
        "com.inductiveautomation.ignition.client.gateway_interface.GatewayException"
    )


_DRIVER_ERRORS: dict[str, type[SQLException]] = {
    "sqlite": SQLiteException,
    "postgresql": PSQLException,
}


def sql_exception(backend: str, message: str) -> SQLException:
    """The driver's exception for ``backend`` (``sqlite``, ``postgresql``…)."""
    return _DRIVER_ERRORS.get(backend, SQLException)(message)


def db_error(call: str, cause: SQLException, *, client: bool) -> JavaException:
    """The exception a script sees when ``call`` failed with ``cause``.

    ``call`` is the text inside ``Error executing ...``, e.g.
    ``system.db.runQuery(SELECT 1, DB, )``; ``client`` adds the RPC link.
    """
    inner: JavaException = cause
    if client:
        inner = GatewayException(str(cause))
        inner.__cause__ = cause
    outer = JavaException(f"Error executing {call}")
    outer.__cause__ = inner
    return outer


def _java_modules() -> None:
    """Tracebacks read ``java.sql.SQLException: ...``, as in Ignition."""
    for cls in (SQLException, SQLiteException, PSQLException, GatewayException):
        package, _, name = cls.java_name.rpartition(".")
        cls.__module__ = package
        cls.__qualname__ = name


_java_modules()
