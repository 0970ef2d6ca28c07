"""Python 2 standard modules a Jython-dialect scope imports by their old names.

``string`` (with ``letters``, ``join``, ``split``, ``upper``...),
``StringIO``/``cStringIO``, ``sys`` (with ``maxint``), ``itertools`` (with
``izip``, ``imap``...), ``__builtin__`` and the renamed ones (``Queue``,
``cPickle``, ``ConfigParser``, ``thread``, ``httplib``, ``urlparse``).
"""

from __future__ import annotations

import importlib
import io
import itertools
import string
import sys
import types
from typing import Any

#: ``sys.maxint`` on Jython 2.7 (a Java int).
MAXINT = 2147483647
_RENAMED = {
    "Queue": "queue",
    "cPickle": "pickle",
    "ConfigParser": "configparser",
    "thread": "_thread",
    "httplib": "http.client",
    "urlparse": "urllib.parse",
    "HTMLParser": "html.parser",
    "htmlentitydefs": "html.entities",
    "cookielib": "http.cookiejar",
}


class _Proxy(types.ModuleType):
    """A module that adds Python 2 names to a real one and reads the rest there."""

    _real: types.ModuleType

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def _proxy(real: types.ModuleType, **extra: Any) -> types.ModuleType:
    module = _Proxy(real.__name__, real.__doc__)
    module._real = real
    module.__dict__.update(extra)
    return module


def _split(s: str, sep: str | None = None, maxsplit: int = -1) -> list[str]:
    return s.split(sep, maxsplit)


def _join(words: Any, sep: str = " ") -> str:
    return sep.join(words)


def _replace(s: str, old: str, new: str, maxreplace: int = -1) -> str:
    return s.replace(old, new, maxreplace)


def _string_module() -> types.ModuleType:
    def method(name: str) -> Any:
        return lambda s, *args: getattr(s, name)(*args)

    funcs = {
        name: method(name)
        for name in [
            "upper",
            "lower",
            "swapcase",
            "capitalize",
            "strip",
            "lstrip",
            "rstrip",
            "find",
            "rfind",
            "index",
            "rindex",
            "count",
            "ljust",
            "rjust",
            "center",
            "zfill",
            "expandtabs",
            "translate",
        ]
    }
    return _proxy(
        string,
        letters=string.ascii_letters,
        lowercase=string.ascii_lowercase,
        uppercase=string.ascii_uppercase,
        maketrans=str.maketrans,
        join=_join,
        joinfields=_join,
        split=_split,
        splitfields=_split,
        replace=_replace,
        atoi=lambda s, base=10: int(s, base),
        atol=lambda s, base=10: int(s, base),
        atof=float,
        **funcs,
    )


def _stringio_module(name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    module.StringIO = io.StringIO  # type: ignore[attr-defined]
    return module


def python2_modules(scope_builtins: dict[str, Any]) -> dict[str, types.ModuleType]:
    """Modules by their Python 2 names for one scope (lazy renames)."""
    builtin = types.ModuleType("__builtin__")
    builtin.__dict__.update(scope_builtins)
    modules = {
        "string": _string_module(),
        "StringIO": _stringio_module("StringIO"),
        "cStringIO": _stringio_module("cStringIO"),
        "sys": _proxy(sys, maxint=MAXINT, exc_clear=lambda: None),
        "itertools": _proxy(
            itertools,
            izip=zip,
            imap=map,
            ifilter=filter,
            ifilterfalse=itertools.filterfalse,
            izip_longest=itertools.zip_longest,
        ),
        "__builtin__": builtin,
        "exceptions": builtin,
    }
    return modules


def renamed_module(name: str) -> types.ModuleType | None:
    """The Python 3 module of a renamed Python 2 one (``Queue``...), or None."""
    target = _RENAMED.get(name.partition(".")[0])
    return importlib.import_module(target) if target is not None else None
