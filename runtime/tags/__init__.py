"""Tags: providers from tag export JSON, live values, events and bindings.

DESIGN.md section 10 and reference/ignition-tags-db.md: the gateway's
:class:`TagEngine` holds the realtime providers; each scope reads and writes
through its :class:`TagAccess` (a client adds ``[client]`` and its own
``[System]Client`` tags); :mod:`~visionsim.runtime.tags.events` runs tag event
and Tag Change scripts; :class:`BindingEngine` makes a window's bindings live.
"""

from __future__ import annotations

from visionsim.runtime.tags.access import (
    DEFAULT_PROVIDER,
    DEFAULT_ROUND_TRIP_S,
    AsyncLane,
    TagAccess,
    client_providers,
)
from visionsim.runtime.tags.bindings import (
    BindingEngine,
    BoundComponent,
    resolve_property,
)
from visionsim.runtime.tags.config import browse, configure, get_configuration
from visionsim.runtime.tags.engine import (
    DatasourceNotConnected,
    QueryRunner,
    TagEngine,
)
from visionsim.runtime.tags.events import (
    EVENT_QUEUE_SIZE,
    TagChangeScripts,
    ValueChangedScripts,
)
from visionsim.runtime.tags.loader import load_tag_file
from visionsim.runtime.tags.model import AtomicTag, Folder, Node
from visionsim.runtime.tags.paths import TagPath, TagPathError, parse_path
from visionsim.runtime.tags.quality import QualifiedValue, QualityCode
from visionsim.runtime.tags.values import CLIENT_PROVIDER, SYSTEM_PROVIDER

__all__ = [
    "CLIENT_PROVIDER",
    "DEFAULT_PROVIDER",
    "DEFAULT_ROUND_TRIP_S",
    "EVENT_QUEUE_SIZE",
    "SYSTEM_PROVIDER",
    "AsyncLane",
    "AtomicTag",
    "BindingEngine",
    "BoundComponent",
    "DatasourceNotConnected",
    "Folder",
    "Node",
    "QualifiedValue",
    "QualityCode",
    "QueryRunner",
    "TagAccess",
    "TagChangeScripts",
    "TagEngine",
    "TagPath",
    "TagPathError",
    "ValueChangedScripts",
    "browse",
    "client_providers",
    "configure",
    "get_configuration",
    "load_tag_file",
    "parse_path",
    "resolve_property",
]
