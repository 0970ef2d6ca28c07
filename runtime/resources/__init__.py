"""Reading Ignition's binary resources (window.bin, template.bin, data.bin).

:mod:`binary` reads bytes into elements, :mod:`graph` resolves them into
Java objects, and the ``decode_*`` modules build the project model the YAML
loader builds too (DESIGN.md section 11). Importing this package stays light:
the decoders are imported where they are used (they build ``runtime.windows``
specs, which in turn list binary windows through :mod:`lazy`).
"""

from __future__ import annotations

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
