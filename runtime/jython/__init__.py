"""Jython 2.7 for scripts written for Ignition (docs/DESIGN.md section 9).

Translation of Python 2 scripts to Python 3 (line for line, :mod:`.translate`),
the one compile function every script goes through (:mod:`.compiler`), the
Python 2 semantics they rely on (:mod:`.semantics`, :mod:`.py2_builtins`,
:mod:`.py2_modules`), and the Java classes they import (:mod:`.java`).
"""

from __future__ import annotations

from visionsim.runtime.jython.code_cache import cache_dir
from visionsim.runtime.jython.compiler import (
    DIALECTS,
    JYTHON,
    PYTHON3,
    compile_script,
    translated,
)
from visionsim.runtime.jython.py2_builtins import jython_builtins
from visionsim.runtime.jython.py2_modules import python2_modules, renamed_module

__all__ = [
    "DIALECTS",
    "JYTHON",
    "PYTHON3",
    "cache_dir",
    "compile_script",
    "jython_builtins",
    "python2_modules",
    "renamed_module",
    "translated",
]
