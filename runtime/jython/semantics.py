"""The ``_jy_*`` helpers translated scripts call: Python 2 operators and statements.

:mod:`.translate` turns ``print x,`` into ``_jy_print(print, None, x,
_jy_soft)``, ``a / b`` into ``_jy_div(a, b)``, ``d.keys()`` into
``_jy_attr(d, "keys")()`` and so on; these functions give those constructs
Jython 2.7.3's results. They are reached through the builtins of a
Jython-dialect scope (:func:`.builtins.jython_builtins`).
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import ItemsView, KeysView, Mapping, ValuesView
from types import MethodType
from typing import Any

_SOFT_LOCK = threading.Lock()
_softspace: dict[int, bool] = {}  # id(file or print function) -> pending space


class _Soft:
    """The marker of ``print x,`` (a trailing comma)."""

    def __repr__(self) -> str:
        return "_jy_soft"


SOFT = _Soft()
_TYPE_NAMES = {
    int: "int",
    float: "float",
    str: "str",
    bool: "bool",
    list: "list",
    dict: "dict",
    tuple: "tuple",
    type(None): "NoneType",
    type: "type",
    object: "object",
    complex: "complex",
    set: "set",
    frozenset: "frozenset",
}


def float_str(value: float) -> str:
    """``str(value)`` as Python 2 prints a float: 12 significant digits."""
    if value != value or value in (float("inf"), float("-inf")):
        return repr(value)
    scientific = f"{value:.11e}"
    mantissa, _, exponent = scientific.partition("e")
    if int(exponent) >= 11:  # Jython switches one digit before '%.12g' does
        return mantissa.rstrip("0").rstrip(".") + "e" + exponent
    text = f"{value:.12g}"
    if "." not in text and "e" not in text:
        text += ".0"
    return text


class Py2Float(float):
    """A float whose ``str`` is Python 2's (used for ``'%s' % x``)."""

    __slots__ = ()

    def __str__(self) -> str:
        return float_str(self)


def jy_str(*args: Any) -> str:
    """``str(x)`` / ``unicode(x)`` with Python 2's float and type text."""
    if len(args) != 1:
        if args and isinstance(args[0], bytes | bytearray):
            return bytes(args[0]).decode(*args[1:])
        return str(*args)
    value = args[0]
    kind = type(value)
    if kind is str:
        return str(value)
    if kind is float:
        return float_str(value)
    if kind is type and value in _TYPE_NAMES:
        return f"<type '{_TYPE_NAMES[value]}'>"
    return str(value)


def jy_repr(value: Any) -> str:
    """``repr(x)`` (and backticks) with Python 2's exception and type text."""
    if isinstance(value, BaseException) and _default_repr(type(value)):
        return type(value).__name__ + repr(value.args)
    if type(value) is type and value in _TYPE_NAMES:
        return f"<type '{_TYPE_NAMES[value]}'>"
    return repr(value)


def _default_repr(kind: type) -> bool:
    """Whether an exception class keeps BaseException's own ``repr``."""
    return all("__repr__" not in vars(k) for k in kind.__mro__[:-2])


def jy_print(printer: Any, file: Any, *items: Any) -> None:
    """The ``print`` statement: items, spaces, newline and ``softspace``.

    ``print x,`` ends with a pending space that the next print writes before
    its first item, unless the last text written ended a line.
    """
    soft = bool(items) and items[-1] is SOFT
    if soft:
        items = items[:-1]
    key = id(printer if file is None else file)
    with _SOFT_LOCK:
        space = _softspace.pop(key, False)
    parts: list[str] = []
    for item in items:
        text = item if type(item) is str else jy_str(item)
        if space:
            parts.append(" ")
        parts.append(text)
        space = not (text and text[-1].isspace() and text[-1] != " ")
    if soft:
        if space:
            with _SOFT_LOCK:
                _softspace[key] = True
    else:
        parts.append("\n")
    text = "".join(parts)
    if file is None:
        printer(text, end="")
    else:
        file.write(text)


def jy_div(left: Any, right: Any) -> Any:
    """``/`` without ``from __future__ import division``: ints floor."""
    if isinstance(left, int) and isinstance(right, int):
        return left // right
    return left / right


def jy_mod(left: Any, right: Any) -> Any:
    """``%``: string formatting with Python 2's ``%s`` of floats."""
    if isinstance(left, str):
        kind = type(right)
        if kind is float:
            right = Py2Float(right)
        elif kind is tuple:
            right = tuple(Py2Float(v) if type(v) is float else v for v in right)
        elif isinstance(right, Mapping) and not isinstance(right, str):
            right = _FloatStrMap(right)
    return left % right


class _FloatStrMap(Mapping[Any, Any]):
    """A mapping whose float values format as Python 2 (``'%(x)s' % d``)."""

    def __init__(self, data: Mapping[Any, Any]) -> None:
        self._data = data

    def __getitem__(self, key: Any) -> Any:
        value = self._data[key]
        return Py2Float(value) if type(value) is float else value

    def __iter__(self) -> Any:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


def jy_raise(kind: Any, value: Any = None, trace: Any = None) -> BaseException:
    """The exception of ``raise E, V[, T]``."""
    if isinstance(kind, BaseException):
        if value is not None:
            raise TypeError("instance exception may not have a separate value")
        exc = kind
    elif isinstance(kind, type) and issubclass(kind, BaseException):
        if isinstance(value, kind):
            exc = value
        elif value is None:
            exc = kind()
        elif isinstance(value, tuple):
            exc = kind(*value)
        else:
            exc = kind(value)
    else:
        raise TypeError(
            "exceptions must be old-style classes or derived from "
            f"BaseException, not {type(kind).__name__}"
        )
    return exc.with_traceback(trace) if trace is not None else exc


# -- attributes whose Python 2 meaning differs (``_jy_attr``) ---------------------

_DICT_METHODS: dict[str, Any] = {
    "keys": lambda d: list(d.keys()),
    "values": lambda d: list(d.values()),
    "items": lambda d: list(d.items()),
    "has_key": lambda d, key: key in d,
    "iteritems": lambda d: iter(d.items()),
    "iterkeys": lambda d: iter(d.keys()),
    "itervalues": lambda d: iter(d.values()),
    "viewitems": lambda d: d.items(),
    "viewkeys": lambda d: d.keys(),
    "viewvalues": lambda d: d.values(),
}
_VIEWS = (KeysView, ValuesView, ItemsView)


def _listed(method: Any) -> Any:
    @functools.wraps(method)
    def call(*args: Any, **kwargs: Any) -> Any:
        result = method(*args, **kwargs)
        return list(result) if isinstance(result, _VIEWS) else result

    return call


def _list_sort(items: list[Any], *args: Any, **kwargs: Any) -> None:
    cmp = kwargs.pop("cmp", None)
    if args:
        cmp, *rest = args
        if rest:
            kwargs.setdefault("key", rest[0])
        if len(rest) > 1:
            kwargs.setdefault("reverse", rest[1])
    if cmp is not None:
        key = kwargs.get("key")
        wrapped = functools.cmp_to_key(cmp)
        kwargs["key"] = wrapped if key is None else (lambda x: wrapped(key(x)))
    items.sort(**kwargs)


def _fallback(obj: Any, name: str) -> Any:
    if name == "next" and hasattr(obj, "__next__"):
        return obj.__next__
    if name == "isAlive" and hasattr(obj, "is_alive"):
        return obj.is_alive
    if name == "message" and isinstance(obj, BaseException):
        return obj.args[0] if len(obj.args) == 1 else ""
    if name == "decode" and isinstance(obj, str):
        return lambda *args, **kwargs: obj
    if name in _DICT_METHODS and isinstance(obj, Mapping):
        return MethodType(_DICT_METHODS[name], obj)
    raise AttributeError(f"'{type(obj).__name__}' object has no attribute '{name}'")


def jy_attr(obj: Any, name: str) -> Any:
    """``obj.name`` for names whose Python 2 meaning differs (dicts, ``next``...)."""
    if type(obj) is dict or isinstance(obj, dict):
        method = _DICT_METHODS.get(name)
        if method is not None:
            return MethodType(method, obj)
    elif name == "sort" and isinstance(obj, list):
        return MethodType(_list_sort, obj)
    try:
        found = getattr(obj, name)
    except AttributeError:
        return _fallback(obj, name)
    if name in ("keys", "values", "items") and callable(found):
        return _listed(found)
    return found


# -- classes: Python 2 special methods and old-style classes ----------------------


class ClassicClass(type):
    """Old-style classes (``class A:``), which Jython prints as ``__main__.A``."""

    def __repr__(cls) -> str:
        return f"{cls.__module__}.{cls.__qualname__}"


def _classic_repr(self: object) -> str:
    cls = type(self)
    return f"<{cls.__module__}.{cls.__qualname__} instance at {id(self):#x}>"


def _from_cmp(op: Any) -> Any:
    def compare(self: Any, other: Any) -> Any:
        result = self.__cmp__(other)
        return result if result is NotImplemented else op(result, 0)

    return compare


_CMP_OPS = {
    "__eq__": lambda r, z: r == z,
    "__ne__": lambda r, z: r != z,
    "__lt__": lambda r, z: r < z,
    "__le__": lambda r, z: r <= z,
    "__gt__": lambda r, z: r > z,
    "__ge__": lambda r, z: r >= z,
}
_ALIASES = (
    ("__nonzero__", "__bool__"),
    ("next", "__next__"),
    ("__unicode__", "__str__"),
    ("__div__", "__truediv__"),
    ("__rdiv__", "__rtruediv__"),
    ("__idiv__", "__itruediv__"),
)


def _python2_specials(namespace: dict[str, Any], bases: tuple[type, ...]) -> None:
    for old, new in _ALIASES:
        if old in namespace and new not in namespace:
            namespace[new] = namespace[old]
    if "__cmp__" in namespace:
        for name, op in _CMP_OPS.items():
            namespace.setdefault(name, _from_cmp(op))
    if "__eq__" in namespace and "__hash__" not in namespace:
        inherited = [b.__hash__ for b in bases if b.__hash__ is not None]
        namespace["__hash__"] = inherited[0] if inherited else object.__hash__


def jy_meta(name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> type:
    """Every translated ``class`` statement's metaclass (a function).

    Applies ``__metaclass__``, gives Python 2 special methods their Python 3
    names and makes a class without bases old-style, as Jython prints them.
    """
    meta: Any = namespace.pop("__metaclass__", None)
    _python2_specials(namespace, bases)
    if meta is None:
        if not bases:
            meta = ClassicClass
            namespace.setdefault("__repr__", _classic_repr)
        else:
            meta = type
            for base in bases:
                if issubclass(type(base), meta):
                    meta = type(base)
    return meta(name, bases, namespace)  # type: ignore[no-any-return]


def caller_namespaces(depth: int) -> tuple[dict[str, Any], Any]:
    """The globals and locals of the frame ``depth`` calls up."""
    frame = sys._getframe(depth + 1)
    return frame.f_globals, frame.f_locals
