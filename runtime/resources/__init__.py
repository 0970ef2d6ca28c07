"""Reading Ignition's binary resources (window.bin, template.bin, data.bin).

:mod:`binary` reads bytes into elements, :mod:`graph` resolves them into
Java objects, and the ``decode_*`` modules build the project model the YAML
loader builds too (DESIGN.md section 11). Importing this package stays light:
the decoders are imported where they are used (they build ``runtime.windows``
specs, which in turn list binary windows through :mod:`lazy`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from visionsim.runtime.lazy_exports import lazy_getattr

if TYPE_CHECKING:
    from visionsim.runtime.resources.binary import Document, Elem, parse, read_file
    from visionsim.runtime.resources.graph import JavaObject, build
    from visionsim.runtime.resources.lazy import LazyMapping
    from visionsim.runtime.resources.model import (
        KeystrokeSpec,
        MenuSpec,
        ScheduledSpec,
        TagChangeSpec,
        TemplateSpec,
    )

__all__ = [
    "Document",
    "Elem",
    "JavaObject",
    "KeystrokeSpec",
    "LazyMapping",
    "MenuSpec",
    "ScheduledSpec",
    "TagChangeSpec",
    "TemplateSpec",
    "build",
    "parse",
    "read_file",
]

# Loaded on first use (PEP 562): every start imports this package (project
# loading asks lazy.py whether a folder holds a binary resource), but only a
# project with binary resources needs the byte reader and the object graph.
_HOMES = {
    "Document": "binary",
    "Elem": "binary",
    "parse": "binary",
    "read_file": "binary",
    "JavaObject": "graph",
    "build": "graph",
    "LazyMapping": "lazy",
    "KeystrokeSpec": "model",
    "MenuSpec": "model",
    "ScheduledSpec": "model",
    "TagChangeSpec": "model",
    "TemplateSpec": "model",
}


__getattr__ = lazy_getattr(__name__, _HOMES, globals())
