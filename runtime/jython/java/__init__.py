"""The Java classes scripts import (``java.*``, ``javax.swing``, Ignition's own).

:func:`build_java_modules` makes the ``java``, ``javax``, ``jarray`` and
``com`` modules of one scope; :mod:`.errors` is the ``Throwable`` hierarchy
(not Python ``Exception``s, as in Jython).

The names below load on first use (PEP 562): low-level modules (datasets,
workers) import :mod:`.errors` alone, without pulling in every Java class,
some of which import those modules back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from visionsim.runtime.lazy_exports import lazy_getattr

if TYPE_CHECKING:
    from visionsim.runtime.jython.java.errors import SCRIPT_ERRORS, Throwable
    from visionsim.runtime.jython.java.modules import build_java_modules
    from visionsim.runtime.jython.java.thread import (
        JavaThread,
        ThreadState,
        sleep_seconds,
    )

__all__ = [
    "SCRIPT_ERRORS",
    "JavaThread",
    "ThreadState",
    "Throwable",
    "build_java_modules",
    "sleep_seconds",
]

_HOMES = {
    "SCRIPT_ERRORS": "errors",
    "Throwable": "errors",
    "build_java_modules": "modules",
    "JavaThread": "thread",
    "ThreadState": "thread",
    "sleep_seconds": "thread",
}


__getattr__ = lazy_getattr(__name__, _HOMES, globals())
