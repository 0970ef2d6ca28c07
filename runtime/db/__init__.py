"""Databases of the simulated gateway: datasources, ``system.db``'s engine, bindings.

SQLAlchemy runs any database (SQLite embedded by default, PostgreSQL through
psycopg 3); the ``system.db`` facade itself is :mod:`visionsim.runtime.ignition.db`.
"""

from __future__ import annotations

from visionsim.runtime.db.datasource import Datasource, hide_password
from visionsim.runtime.db.errors import (
    GatewayException,
    PSQLException,
    SQLException,
    SQLiteException,
    db_error,
)
from visionsim.runtime.db.named_queries import NamedQuery, load_named_queries
from visionsim.runtime.db.service import (
    Databases,
    ProjectDatabases,
    TagQueries,
    with_databases,
)

__all__ = [
    "Databases",
    "Datasource",
    "GatewayException",
    "NamedQuery",
    "PSQLException",
    "ProjectDatabases",
    "SQLException",
    "SQLiteException",
    "TagQueries",
    "db_error",
    "hide_password",
    "load_named_queries",
    "with_databases",
]
