"""``system.util.getLogger``: Ignition's ``LoggerEx`` and the scope's log levels.

A client's loggers print to the Output Console's client pane, a gateway's
to its wrapper.log pane (stderr in headless runs), one line each:
``INFO  [MyLogger] message``. Levels are per JVM in Ignition, so here per
client session and per gateway (:class:`ScopeState`); a logger without a
level takes its nearest dotted parent's (``A.B`` from ``A``), else INFO.
"""

from __future__ import annotations

import re
import threading
import traceback
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from visionsim.runtime.jython.java._names import name_as_java
from visionsim.runtime.jython.java.errors import JavaRuntimeException

if TYPE_CHECKING:
    from visionsim.runtime.output import OutputSink

LEVELS = {"TRACE": 0, "DEBUG": 1, "INFO": 2, "WARN": 3, "ERROR": 4}
DEFAULT_LEVEL = "INFO"
_SPEC = re.compile(r"%(\d+\$)?([-#+ 0,(]*)(\d+)?(\.\d+)?([a-zA-Z%])")


class FormatException(JavaRuntimeException):
    """``java.util.IllegalFormatException``: a bad ``%`` or a missing argument."""

    java_name = "java.util.IllegalFormatException"


@dataclass(slots=True)
class ScopeState:
    """What one JVM shares between its scripts: globals and log levels.

    One per client session, one per gateway (all its projects).
    """

    globals: dict[str, object] = field(default_factory=dict)
    levels: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def level_of(self, name: str) -> str:
        """The effective level of logger ``name``. Thread: any."""
        probe = name
        while True:
            level = self.levels.get(probe)
            if level is not None:
                return level
            if "." not in probe:
                return self.levels.get("", DEFAULT_LEVEL)
            probe = probe.rpartition(".")[0]

    def set_level(self, name: str, level: str) -> None:
        """Set logger ``name``'s level (TRACE..ERROR). Thread: any."""
        key = str(level).upper()
        if key not in LEVELS:
            raise ValueError(
                f"'{level}' is not a logging level (trace, debug, info, warn or error)"
            )
        with self.lock:
            self.levels[str(name)] = key


class LoggerEx:
    """Ignition's ``LoggerEx``: trace/debug/info/warn/error and the f-forms.

    ``error(message, throwable)`` adds the exception's traceback; the
    ``f`` forms take a Java ``String.format`` pattern (``%s``, ``%d``...).
    Thread: any.
    """

    def __init__(
        self, name: str, state: ScopeState, output: OutputSink | None, scope: str
    ) -> None:
        self._name = str(name)
        self._state = state
        self._output = output
        self._scope = scope

    def getName(self) -> str:
        """The logger's name."""
        return self._name

    name = property(getName)

    def _enabled(self, level: str) -> bool:
        return LEVELS[level] >= LEVELS[self._state.level_of(self._name)]

    def _log(self, level: str, message: object, throwable: object = None) -> None:
        if not self._enabled(level):
            return
        text = f"{level:<5} [{self._name}] {message}\n"
        if isinstance(throwable, BaseException):
            text += "".join(traceback.format_exception(throwable))
        elif throwable is not None:
            text += f"{throwable}\n"
        if self._output is None:
            return
        self._output.write(
            text, is_error=level == "ERROR", scope=self._scope, is_log=True
        )

    def _logf(self, level: str, pattern: object, args: tuple[object, ...]) -> None:
        if self._enabled(level):
            self._log(level, java_format(str(pattern), args))

    def trace(self, message: object, throwable: object = None) -> None:
        """Log at TRACE."""
        self._log("TRACE", message, throwable)

    def debug(self, message: object, throwable: object = None) -> None:
        """Log at DEBUG."""
        self._log("DEBUG", message, throwable)

    def info(self, message: object, throwable: object = None) -> None:
        """Log at INFO."""
        self._log("INFO", message, throwable)

    def warn(self, message: object, throwable: object = None) -> None:
        """Log at WARN."""
        self._log("WARN", message, throwable)

    def error(self, message: object, throwable: object = None) -> None:
        """Log at ERROR (with the throwable's traceback, if given)."""
        self._log("ERROR", message, throwable)

    def tracef(self, format: str, *args: object) -> None:
        """Log ``String.format(format, args)`` at TRACE."""
        self._logf("TRACE", format, args)

    def debugf(self, format: str, *args: object) -> None:
        """Log ``String.format(format, args)`` at DEBUG."""
        self._logf("DEBUG", format, args)

    def infof(self, format: str, *args: object) -> None:
        """Log ``String.format(format, args)`` at INFO."""
        self._logf("INFO", format, args)

    def warnf(self, format: str, *args: object) -> None:
        """Log ``String.format(format, args)`` at WARN."""
        self._logf("WARN", format, args)

    def errorf(self, format: str, *args: object) -> None:
        """Log ``String.format(format, args)`` at ERROR."""
        self._logf("ERROR", format, args)

    def isTraceEnabled(self) -> bool:
        """Whether TRACE messages are logged."""
        return self._enabled("TRACE")

    def isDebugEnabled(self) -> bool:
        """Whether DEBUG messages are logged."""
        return self._enabled("DEBUG")

    def isInfoEnabled(self) -> bool:
        """Whether INFO messages are logged (by default, yes)."""
        return self._enabled("INFO")

    def isWarnEnabled(self) -> bool:
        """Whether WARN messages are logged."""
        return self._enabled("WARN")

    def isErrorEnabled(self) -> bool:
        """Whether ERROR messages are logged."""
        return self._enabled("ERROR")

    def __repr__(self) -> str:
        return f"LoggerEx[{self._name}]"


def java_format(pattern: str, args: tuple[object, ...]) -> str:
    """Java's ``String.format`` for the conversions scripts use.

    ``%s %S %d %f %e %g %x %X %o %c %b %n %%``, flags ``-+ 0,#(``, width,
    precision and ``%1$s`` argument indexes.
    """
    position = 0

    def convert(match: re.Match[str]) -> str:
        nonlocal position
        index, flags, width, precision, kind = match.groups()
        if kind == "%":
            return "%"
        if kind == "n":
            return "\n"
        if index:
            at = int(index[:-1]) - 1
        else:
            at, position = position, position + 1
        if at >= len(args):
            raise FormatException(f"Format specifier '{match.group(0)}'")
        return _convert(args[at], flags, width, precision, kind, match.group(0))

    return _SPEC.sub(convert, pattern)


def _convert(
    value: object,
    flags: str,
    width: str | None,
    precision: str | None,
    kind: str,
    spec: str,
) -> str:
    align = "<" if "-" in flags else ">"
    if kind in "sS":
        text = "null" if value is None else str(value)
        text = text[: int(precision[1:])] if precision else text
        text = text.upper() if kind == "S" else text
        return f"{text:{align}{width or ''}}"
    if kind in "bB":
        text = "false" if value is None or value is False else "true"
        return f"{text:{align}{width or ''}}"
    if kind == "c":
        return chr(value) if isinstance(value, int) else str(value)[:1]
    sign = "+" if "+" in flags else (" " if " " in flags else "")
    zero = "0" if "0" in flags and "-" not in flags else ""
    python = (
        f"{'<' if '-' in flags else ''}{sign}{'#' if '#' in flags else ''}"
        f"{zero}{width or ''}{',' if ',' in flags else ''}"
    )
    try:
        if kind in "dxXo":
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError
            return format(value, python + kind)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError
        return format(value, python + (precision or ".6") + kind)
    except (TypeError, ValueError):
        raise FormatException(
            f"{spec} != {type(value).__name__} (IllegalFormatConversionException)"
        ) from None


name_as_java(FormatException)
