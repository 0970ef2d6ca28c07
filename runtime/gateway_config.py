"""The simulated gateway's configuration: a project's ``visionsim.yaml``.

Ignition keeps tags and datasources on the gateway, not in the project, so a
project folder may carry a ``visionsim.yaml`` (ignored by Ignition) that says
how visionsim's gateway is set up (docs/DESIGN.md section 10)::

    scriptDialect: jython2.7          # or python3
    tags:
      default: tags/default.json      # Ignition's tag export JSON, per provider
    databases:
      DB:
        url: sqlite:///:memory:       # any SQLAlchemy URL
        seed: db/seed.sql             # SQL run once when the gateway starts
        latencyMs: 0
    defaultDatabase: DB

Relative paths are relative to the project folder. The command line's
``--tags`` and ``--db`` override what is here (:meth:`GatewayConfig.override`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from visionsim.runtime.project_io import (
    ProjectError,
    YamlDoc,
    check_keys,
    entry,
    is_int,
    key_node,
    load_yaml,
    short,
    value_node,
)

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

__all__ = [
    "CONFIG_FILE",
    "DIALECTS",
    "DatabaseConfig",
    "GatewayConfig",
    "load_gateway_config",
]

CONFIG_FILE = "visionsim.yaml"
#: Script dialects: Ignition's Jython 2.7 (the default), or Python 3 as it is.
DIALECTS = ("jython2.7", "python3")
_KEYS = ("scriptDialect", "tags", "databases", "defaultDatabase")
_DB_KEYS = ("url", "seed", "latencyMs")
DEFAULT_DB_URL = "sqlite:///:memory:"
_MAX_LATENCY_MS = 3_600_000  # an hour: anything longer is a typo, not a test


@dataclass(frozen=True, slots=True)
class DatabaseConfig:
    """One datasource: its SQLAlchemy URL, seed SQL and added latency."""

    name: str
    url: str = DEFAULT_DB_URL
    seed: Path | None = None
    latency_ms: int = 0


@dataclass(frozen=True, slots=True)
class GatewayConfig:
    """What ``visionsim.yaml`` (and the command line) configure.

    ``tags`` maps a tag provider's name to its tag export JSON file;
    ``path`` is the ``visionsim.yaml`` it came from (``None``: defaults).
    """

    script_dialect: str = "jython2.7"
    tags: dict[str, Path] = field(default_factory=dict)
    databases: dict[str, DatabaseConfig] = field(default_factory=dict)
    default_database: str | None = None
    path: Path | None = None

    def override(
        self,
        tags: Mapping[str, Path] | None = None,
        databases: Mapping[str, str] | None = None,
    ) -> GatewayConfig:
        """A copy with ``--tags`` files and ``--db`` URLs on top of this one.

        A ``--db NAME=URL`` for a datasource configured here keeps its seed
        and latency and replaces its URL.
        """
        dbs = dict(self.databases)
        for name, url in (databases or {}).items():
            old = dbs.get(name)
            dbs[name] = replace(old, url=url) if old else DatabaseConfig(name, url)
        default = self.default_database
        if default is None and len(dbs) == 1:
            default = next(iter(dbs))
        return replace(
            self,
            tags={**self.tags, **(tags or {})},
            databases=dbs,
            default_database=default,
        )


def load_gateway_config(root: Path) -> GatewayConfig:
    """Read ``root/visionsim.yaml``; defaults when there is none.

    Raises :class:`~visionsim.runtime.project_io.ProjectError` naming the file
    and line of the first problem.
    """
    path = root / CONFIG_FILE
    if not path.exists():
        return GatewayConfig()
    doc = load_yaml(path)
    data = doc.data
    if data is None:
        return GatewayConfig(path=path)
    if not isinstance(data, dict):
        raise ProjectError(path, f"must be a mapping of {', '.join(_KEYS)}", 1)
    check_keys(doc, data, doc.node, _KEYS, CONFIG_FILE)
    dialect = data.get("scriptDialect", "jython2.7")
    if dialect not in DIALECTS:
        raise doc.error(
            value_node(doc.node, "scriptDialect"),
            f"scriptDialect must be one of {', '.join(DIALECTS)}, not {short(dialect)}",
        )
    databases = _databases(doc, root, data.get("databases") or {})
    default = data.get("defaultDatabase")
    if default is not None and default not in databases:
        raise doc.error(
            value_node(doc.node, "defaultDatabase"),
            f"defaultDatabase {short(default)} is not one of the databases",
        )
    if default is None and len(databases) == 1:
        default = next(iter(databases))
    return GatewayConfig(
        script_dialect=dialect,
        tags=_tags(doc, root, data.get("tags") or {}),
        databases=databases,
        default_database=default,
        path=path,
    )


def _tags(doc: YamlDoc, root: Path, tags: object) -> dict[str, Path]:
    if not isinstance(tags, dict):
        raise doc.error(key_node(doc.node, "tags"), "tags must map provider: file")
    node = value_node(doc.node, "tags")
    out: dict[str, Path] = {}
    for provider, file in tags.items():
        if not isinstance(provider, str) or not isinstance(file, str) or not file:
            raise doc.error(
                key_node(node, str(provider)),
                f"tags: {short(provider)} must name a tag export JSON file",
            )
        out[provider] = root / file
    return out


def _databases(doc: YamlDoc, root: Path, dbs: object) -> dict[str, DatabaseConfig]:
    if not isinstance(dbs, dict):
        raise doc.error(
            key_node(doc.node, "databases"), "databases must map name: settings"
        )
    node = value_node(doc.node, "databases")
    out: dict[str, DatabaseConfig] = {}
    for name, spec in dbs.items():
        spec = spec or {}
        at = key_node(node, str(name))
        if not isinstance(name, str) or not isinstance(spec, dict):
            raise doc.error(at, f"database {short(name)} must be a mapping of settings")
        found = entry(node, name)
        check_keys(
            doc, spec, found[1] if found else at, _DB_KEYS, f"database {short(name)}"
        )
        url = spec.get("url", DEFAULT_DB_URL)
        seed = spec.get("seed")
        latency = spec.get("latencyMs", 0)
        if not isinstance(url, str) or not url:
            raise doc.error(
                at, f"database {short(name)}: url must be an SQLAlchemy URL"
            )
        if seed is not None and not isinstance(seed, str):
            raise doc.error(at, f"database {short(name)}: seed must be a file name")
        if not is_int(latency) or not 0 <= latency <= _MAX_LATENCY_MS:
            raise doc.error(
                at,
                f"database {short(name)}: latencyMs must be an integer from 0 to "
                f"{_MAX_LATENCY_MS}",
            )
        out[name] = DatabaseConfig(
            name, url, root / seed if seed else None, int(latency)
        )
    return out
