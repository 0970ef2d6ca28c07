"""Builds the ``java``, ``javax``, ``jarray`` and ``com`` module trees for one scope.

Scripts import Java packages (``import java.util``, ``from java.lang import
Thread``); :func:`build_java_modules` returns the top-level virtual modules,
each with its subpackages as attributes, which the scripting scope's
``__import__`` resolves. Classes that reach the simulation (``Thread``,
``Executors``, ``SwingUtilities``, ``JOptionPane``) are made per scope.
"""

from __future__ import annotations

import types
from typing import TYPE_CHECKING

from visionsim.runtime.jython.java import (
    awt,
    concurrent,
    dates,
    errors,
    events,
    executors,
    geometry,
    ignition,
    io,
    jarray,
    lang,
    lists,
    maps,
    net,
    numbers,
    strings,
    swing,
    text,
    util,
)
from visionsim.runtime.jython.java.thread import thread_class

if TYPE_CHECKING:
    from visionsim.runtime.ignition.services import ScopeServices

_IGNITION = "com.inductiveautomation.ignition.common"


def _lang(svc: ScopeServices) -> dict[str, object]:
    names: dict[str, object] = {
        "Thread": thread_class(svc),
        "StringBuffer": strings.StringBuilder,
        "Exception": errors.JavaException,
        "Error": errors.JavaError,
        "RuntimeException": errors.JavaRuntimeException,
    }
    for name in ("Object", "Runnable", "System"):
        names[name] = getattr(lang, name)
    names["String"] = strings.String
    names["StringBuilder"] = strings.StringBuilder
    names.update(_public(numbers))
    names.update(_errors_in("java.lang"))
    return names


def _public(module: types.ModuleType) -> dict[str, object]:
    """The classes a module defines (not the ones it imports)."""
    return {
        name: value
        for name, value in vars(module).items()
        if isinstance(value, type)
        and not name.startswith("_")
        and value.__module__ == module.__name__
    }


def _errors_in(package: str) -> dict[str, object]:
    """The exception classes whose Java package is ``package``."""
    return {
        cls.__qualname__: cls
        for cls in vars(errors).values()
        if isinstance(cls, type)
        and issubclass(cls, errors.Throwable)
        and cls.__module__ == package
    }


def _util() -> dict[str, object]:
    names: dict[str, object] = {
        "ArrayList": lists.JavaList,
        "Vector": lists.JavaList,
        "LinkedList": lists.LinkedList,
        "HashSet": lists.HashSet,
        "LinkedHashSet": lists.LinkedHashSet,
        "Iterator": lists.JavaIterator,
        "Comparator": lang.Comparator,
        "HashMap": maps.HashMap,
        "LinkedHashMap": maps.LinkedHashMap,
        "TreeMap": maps.TreeMap,
        "Date": dates.Date,
        "Calendar": dates.Calendar,
        "GregorianCalendar": dates.GregorianCalendar,
        "TimeZone": dates.TimeZone,
    }
    names.update(_public(util))
    names.update(_errors_in("java.util"))
    return names


def _concurrent(svc: ScopeServices) -> dict[str, object]:
    return {
        "TimeUnit": concurrent.TimeUnit,
        "ConcurrentHashMap": concurrent.ConcurrentHashMap,
        "Executors": executors.Executors(svc),
        "ExecutorService": executors.ExecutorService,
        "Future": executors.Future,
        "CountDownLatch": executors.latch_class(svc),
        **_errors_in("java.util.concurrent"),
    }


def _atomic() -> dict[str, object]:
    return {
        name: getattr(concurrent, name)
        for name in ("AtomicInteger", "AtomicLong", "AtomicBoolean", "AtomicReference")
    }


def build_java_modules(svc: ScopeServices) -> dict[str, types.ModuleType]:
    """The ``java``, ``jarray`` and ``com`` (and, in a client, ``javax``) trees."""
    packages: dict[str, dict[str, object]] = {
        "java.lang": _lang(svc),
        "java.util": _util(),
        "java.util.concurrent": _concurrent(svc),
        "java.util.concurrent.atomic": _atomic(),
        "java.lang.reflect": _errors_in("java.lang.reflect"),
        "java.text": {
            "DecimalFormat": text.DecimalFormat,
            "NumberFormat": text.NumberFormat,
            "SimpleDateFormat": dates.SimpleDateFormat,
            **_errors_in("java.text"),
        },
        "java.io": {**_public(io), **_errors_in("java.io")},
        "java.net": {**_public(net), **_errors_in("java.net")},
        "java.awt": {**_public(awt), **_public(geometry)},
        "java.awt.event": {**_public(events), **events.LISTENERS},
        "java.beans": {"PropertyChangeListener": events.PropertyChangeListener},
        "jarray": {"array": jarray.array, "zeros": jarray.zeros},
        _IGNITION: {"BasicDataset": ignition.BasicDataset},
        f"{_IGNITION}.script.message": {
            "MessageHandlerException": errors.MessageHandlerException
        },
    }
    if svc.dispatcher is not None:
        packages["javax.swing"] = swing.swing_classes(svc)
    return _tree(packages)


def _tree(packages: dict[str, dict[str, object]]) -> dict[str, types.ModuleType]:
    """Modules for each dotted name and its parents, children as attributes."""
    made: dict[str, types.ModuleType] = {}

    def module(name: str) -> types.ModuleType:
        if name not in made:
            made[name] = types.ModuleType(name)
            parent, _, leaf = name.rpartition(".")
            if parent:
                setattr(module(parent), leaf, made[name])
        return made[name]

    for name, contents in packages.items():
        module(name).__dict__.update(contents)
    return {name: mod for name, mod in made.items() if "." not in name}
