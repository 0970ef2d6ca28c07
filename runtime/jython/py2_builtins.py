"""The builtins of a Jython-dialect scope: Python 2's, over Python 3's.

``map``/``filter``/``zip``/``range`` return lists, ``round`` rounds half away
from zero and returns a float, ``xrange``, ``unicode``, ``long``,
``basestring``, ``reduce``, ``cmp``, ``sorted(cmp=...)``, ``file``,
``raw_input``, ``exec``/``eval`` of Python 2 text, and the ``_jy_*``
helpers translated code calls (:mod:`.semantics`). ``str``, ``int`` and the
other types stay Python's own, so ``isinstance(x, str)`` works as before.
"""

from __future__ import annotations

import builtins
import functools
import itertools
import sys
from typing import Any

from visionsim.runtime.jython import semantics
from visionsim.runtime.jython.compiler import JYTHON, compile_script

_range = builtins.range
_map = builtins.map
_filter = builtins.filter
_zip = builtins.zip


def py2_map(function: Any, *sequences: Any) -> list[Any]:
    """``map``: a list; ``None`` as function and uneven lengths pad with None."""
    if len(sequences) == 1:
        return (
            list(sequences[0]) if function is None else list(_map(function, *sequences))
        )
    rows = itertools.zip_longest(*sequences)
    if function is None:
        return list(rows)
    return list(itertools.starmap(function, rows))


def py2_filter(function: Any, sequence: Any) -> Any:
    """``filter``: a str of a str, a tuple of a tuple, else a list."""
    kept = _filter(function, sequence)
    if isinstance(sequence, str):
        return "".join(kept)
    if isinstance(sequence, tuple):
        return tuple(kept)
    return list(kept)


def py2_zip(*sequences: Any) -> list[tuple[Any, ...]]:
    """``zip``: a list of tuples."""
    return list(_zip(*sequences))


def py2_range(*args: int) -> list[int]:
    """``range``: a list."""
    return list(_range(*args))


def py2_round(number: Any, ndigits: int = 0) -> float:
    """``round``: half away from zero, always a float."""
    value = float(number)
    if value != value or value in (float("inf"), float("-inf")):
        return value
    from decimal import ROUND_HALF_UP, Decimal  # rarely used: imported late

    step = Decimal(1).scaleb(-int(ndigits))
    return float(Decimal(value).quantize(step, rounding=ROUND_HALF_UP))


def py2_cmp(left: Any, right: Any) -> int:
    """``cmp``: -1, 0 or 1."""
    return int(left > right) - int(left < right)


def py2_sorted(iterable: Any, *args: Any, **kwargs: Any) -> list[Any]:
    """``sorted`` with ``cmp`` (positional or keyword)."""
    items = list(iterable)
    semantics.jy_attr(items, "sort")(*args, **kwargs)
    return items


def py2_oct(number: int) -> str:
    """``oct``: ``'010'``, as Python 2."""
    if number == 0:
        return "0"
    return ("-" if number < 0 else "") + "0" + format(abs(number), "o")


def py2_apply(function: Any, args: Any = (), kwargs: Any = None) -> Any:
    """``apply(f, args, kwargs)``."""
    return function(*args, **(kwargs or {}))


def jy_exec(code: Any, globals_: Any = None, locals_: Any = None) -> None:
    """The ``exec`` statement: Python 2 text, in the caller's or a namespace."""
    if isinstance(code, tuple):  # exec(code, ns) parses as exec of a tuple
        code, globals_, locals_ = (*code, None, None)[:3]
    if globals_ is None:
        globals_, caller_locals = semantics.caller_namespaces(1)
        locals_ = caller_locals if locals_ is None else locals_
    if "__builtins__" not in globals_:
        globals_["__builtins__"] = sys._getframe(1).f_builtins
    if isinstance(code, str):
        code = compile_script(code, "<string>", JYTHON, register=False)
    exec(code, globals_, globals_ if locals_ is None else locals_)


def jy_eval(source: Any, globals_: Any = None, locals_: Any = None) -> Any:
    """``eval`` of Python 2 expression text (``eval("7/2")`` is 3)."""
    if globals_ is None:
        globals_, caller_locals = semantics.caller_namespaces(1)
        locals_ = caller_locals if locals_ is None else locals_
    if isinstance(source, str):
        source = compile_script(
            source.strip(), "<string>", JYTHON, mode="eval", register=False
        )
    return eval(source, globals_, locals_)


def _python2_print(printer: Any) -> Any:
    """``print()`` (``print_function``) writing floats and types as Python 2."""

    def print_(*values: Any, **kwargs: Any) -> Any:
        shown = [semantics.jy_str(v) if type(v) in (float, type) else v for v in values]
        return printer(*shown, **kwargs)

    print_.__name__ = "print"
    return print_


def jython_builtins(base: dict[str, Any]) -> dict[str, Any]:
    """``base`` (a scope's builtins) with Python 2's names and the helpers."""
    out = dict(base)
    printer = out["print"]
    out.update(
        {
            "map": py2_map,
            "filter": py2_filter,
            "zip": py2_zip,
            "range": py2_range,
            "xrange": _range,
            "round": py2_round,
            "cmp": py2_cmp,
            "sorted": py2_sorted,
            "reduce": functools.reduce,
            "unicode": str,
            "long": int,
            "basestring": str,
            "unichr": chr,
            "intern": sys.intern,
            "apply": py2_apply,
            "file": open,
            "raw_input": builtins.input,
            "oct": py2_oct,
            "repr": semantics.jy_repr,
            "eval": jy_eval,
            "StandardError": Exception,
            "_jy_print": semantics.jy_print,
            "_jy_soft": semantics.SOFT,
            "_jy_div": semantics.jy_div,
            "_jy_mod": semantics.jy_mod,
            "_jy_str": semantics.jy_str,
            "_jy_attr": semantics.jy_attr,
            "_jy_raise": semantics.jy_raise,
            "_jy_exec": jy_exec,
            "_jy_meta": semantics.jy_meta,
        }
    )
    out["print"] = _python2_print(printer)
    return out
