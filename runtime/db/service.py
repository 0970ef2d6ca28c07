"""A gateway's databases: its datasources, open transactions and named queries.

The gateway creates the datasources its projects configure (``visionsim.yaml``
and ``--db``) when it hosts them, runs each ``seed`` file once, and closes
everything when it shuts down. :meth:`Databases.run` is the one path every
``system.db`` call, query binding and the app's Database panel takes.
``_lock`` protects the datasource and project tables.
"""

from __future__ import annotations

import contextlib
import json
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from visionsim.runtime.db.datasource import Datasource
from visionsim.runtime.db.errors import SQLException, sql_exception
from visionsim.runtime.db.named_queries import NamedQuery, load_named_queries
from visionsim.runtime.db.sql import split_statements
from visionsim.runtime.db.transactions import Transactions
from visionsim.runtime.project_io import ProjectError
from visionsim.runtime.tags.engine import DatasourceNotConnected

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from visionsim.runtime.db.datasource import QueryResult
    from visionsim.runtime.gateway_config import DatabaseConfig
    from visionsim.runtime.project import Project
    from visionsim.runtime.workers import TimerThread

__all__ = ["Databases", "ProjectDatabases", "with_databases"]


@dataclass(frozen=True, slots=True)
class ProjectDatabases:
    """What one project adds: its default datasource and its named queries."""

    default: str | None
    named_queries: dict[str, NamedQuery]


def with_databases(project: Project, databases: Mapping[str, str]) -> Project:
    """``project`` with the command line's ``--db NAME=URL`` datasources on top."""
    if not databases:
        return project
    return replace(project, config=project.config.override(databases=databases))


class Databases:
    """The datasources of one gateway. Thread: any."""

    def __init__(self, timers: TimerThread) -> None:
        self._lock = threading.Lock()
        self._sources: dict[str, Datasource] = {}
        self._projects: dict[str, ProjectDatabases] = {}
        self.transactions = Transactions(timers)

    def add_project(self, project: Project) -> None:
        """Create (and seed) the datasources ``project`` configures.

        A datasource another project already created is shared, not
        created again. Raises :class:`ProjectError` for a bad URL or a seed
        statement the database refuses (file and line).
        """
        for config in project.config.databases.values():
            with self._lock:
                known = config.name in self._sources
            if not known:
                self.add(config, project.config.path)
        named = load_named_queries(_project_roots(project))
        with self._lock:
            self._projects[project.name] = ProjectDatabases(
                project.config.default_database, named
            )

    def add(self, config: DatabaseConfig, where: Path | None = None) -> Datasource:
        """Create the datasource ``config`` describes and run its seed."""
        try:
            source = Datasource(config)
        except ValueError as exc:
            raise ProjectError(where or Path(config.name), str(exc)) from None
        try:
            if config.seed is not None:
                _seed(source, config.seed)
        except BaseException:
            source.close()
            raise
        with self._lock:
            self._sources[config.name] = source
        return source

    def sources(self) -> list[Datasource]:
        """Every datasource, in the order they were created."""
        with self._lock:
            return list(self._sources.values())

    def project(self, name: str) -> ProjectDatabases:
        """What project ``name`` configures (nothing if it is not hosted)."""
        with self._lock:
            return self._projects.get(name) or ProjectDatabases(None, {})

    def source(self, database: str | None, project: str) -> Datasource:
        """The datasource called ``database``; ``""``/None: the project default."""
        name = database or self.project(project).default
        if not name:
            raise sql_exception(
                "",
                f"No default database connection is configured for project "
                f"{project!r} (set defaultDatabase in visionsim.yaml, or --db)",
            )
        with self._lock:
            found = self._sources.get(name)
        if found is None:
            raise sql_exception(
                "", f'Datasource "{name}" does not exist in this Gateway.'
            )
        return found

    def named_query(self, project: str, path: str) -> NamedQuery:
        """Project ``project``'s named query at ``path``."""
        found = self.project(project).named_queries.get(path)
        if found is None:
            raise sql_exception(
                "", f"Named query {path!r} not found in project {project!r}."
            )
        if not found.enabled:
            raise sql_exception("", f"Named query {path!r} is disabled.")
        return found

    def run(
        self,
        sql: str,
        args: Sequence[object],
        mode: str,
        *,
        database: str | None,
        project: str,
        tx: str | None = None,
    ) -> QueryResult:
        """Run one statement; ``mode`` as :meth:`Datasource.execute`.

        Without ``tx`` it runs on a pooled connection and is committed at
        once; with ``tx`` it runs in that transaction (whose datasource
        wins over ``database``). Raises :class:`SQLException`.
        """
        if tx is not None:
            with self.transactions.use(tx) as conn:
                source = self.transactions.source_of(tx)
                return source.execute(conn, sql, args, mode)
        source = self.source(database, project)
        conn = source.connect()
        try:
            result = source.execute(conn, sql, args, mode)
            conn.commit()
        except BaseException:
            with contextlib.suppress(Exception):
                conn.rollback()
            raise
        finally:
            conn.close()
        return result

    def close(self) -> None:
        """Close transactions and datasources (the gateway is stopping)."""
        self.transactions.close_all()
        with self._lock:
            sources = list(self._sources.values())
            self._sources.clear()
        for source in sources:
            source.close()


def _project_roots(project: Project) -> list[Path]:
    """The project's folder and its ancestors' folders, root ancestor first."""
    roots = [project.path]
    parent = project.parent
    while parent is not None and len(roots) < 32:
        folder = roots[-1].resolve().parent / parent
        meta = folder / "project.json"
        if not meta.is_file() or folder in roots:
            break
        roots.append(folder)
        parent = _parent_of(meta)
    return roots[::-1]


def _parent_of(meta: Path) -> str | None:
    try:
        data = json.loads(meta.read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError):
        return None
    parent = data.get("parent") if isinstance(data, dict) else None
    return parent if isinstance(parent, str) and parent else None


def _seed(source: Datasource, path: Path) -> None:
    """Run the seed file's statements in order, committed together."""
    try:
        script = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProjectError(path, f"cannot read seed SQL: {exc}") from None
    try:
        conn = source.connect()
    except SQLException as exc:
        raise ProjectError(
            path, f"database {source.name!r}: cannot connect to seed it: {exc}"
        ) from None
    try:
        for statement in split_statements(script):
            try:
                source.execute(conn, statement.sql, (), "any", wait=False)
            except SQLException as exc:
                conn.rollback()
                raise ProjectError(
                    path, f"database {source.name!r}: {exc}", statement.line
                ) from None
        conn.commit()
    finally:
        conn.close()


class TagQueries:
    """Query tags' SQL on the gateway's datasources (the tags' QueryRunner).

    Tags belong to the gateway, not to a project; a query tag without a
    datasource uses the default of ``project()`` (the first hosted project,
    standing in for Ignition's gateway scripting project). Thread: any.
    """

    def __init__(self, databases: Databases, project: Callable[[], str]) -> None:
        self._databases = databases
        self._project = project

    def run_query(self, datasource: str, sql: str) -> Sequence[Sequence[Any]]:
        """The rows ``sql`` gives on ``datasource``; raises SQLException."""
        try:
            self._databases.source(datasource or None, self._project())
        except SQLException as exc:
            raise DatasourceNotConnected(exc.getMessage() or str(exc)) from None
        result = self._databases.run(
            sql, (), "query", database=datasource or None, project=self._project()
        )
        return [] if isinstance(result, int) else result[1]
