"""The Java classes scripts import (``java.*``, ``javax.swing``, Ignition's own).

:func:`build_java_modules` makes the ``java``, ``javax``, ``jarray`` and
``com`` modules of one scope; :mod:`.errors` is the ``Throwable`` hierarchy
(not Python ``Exception``s, as in Jython).
"""

from __future__ import annotations

# errors first: runtime.workers imports it, and the modules below import
# workers back (see thread.py).
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
