"""The Java ``Throwable`` hierarchy, as Jython scripts catch and print it.

In Jython a Java exception is *not* a Python ``Exception``: ``except
Exception`` lets it through, ``except java.lang.Exception`` or ``except
Throwable`` catch it, and ``except java.lang.Exception`` does not catch a
Python ``ValueError`` (DESIGN.md section 9). So :class:`Throwable` derives
from :class:`BaseException`, and code that runs user scripts catches
:data:`SCRIPT_ERRORS` rather than ``Exception``. ``str(e)`` is Java's
``toString()`` (``java.lang.IllegalArgumentException: bad``), as Jython
prints it; each class's ``__module__`` is its Java package, so tracebacks
read as in Ignition.
"""

from __future__ import annotations

import traceback
from typing import Any

from visionsim.runtime.jython.java.values import print_for_caller


class JavaClass:
    """What ``obj.getClass()`` (or ``obj.class``) returns: the names."""

    def __init__(self, name: str) -> None:
        self._name = name

    def getName(self) -> str:
        """The fully qualified name, ``java.lang.Exception``."""
        return self._name

    def getSimpleName(self) -> str:
        """The name without its package."""
        return self._name.rpartition(".")[2]

    def __str__(self) -> str:
        return f"<type '{self._name}'>"

    __repr__ = __str__
    name = property(getName)
    simpleName = property(getSimpleName)


class _JavaType(type):
    """Prints a Java class as Jython does: ``<type 'java.lang.Exception'>``."""

    def __repr__(cls) -> str:
        return f"<type '{getattr(cls, 'java_name', cls.__name__)}'>"


class Throwable(BaseException, metaclass=_JavaType):
    """``java.lang.Throwable``: ``(message)``, ``(message, cause)`` or ``(cause)``."""

    java_name = "java.lang.Throwable"

    def __init__(self, *args: Any) -> None:
        message: object = None
        cause: BaseException | None = None
        if args and isinstance(args[-1], BaseException):
            cause = args[-1]
            args = args[:-1]
            message = args[0] if args else _describe(cause)
        elif args:
            message = args[0]
        super().__init__(*([] if message is None else [message]))
        self._message = None if message is None else str(message)
        if cause is not None:
            self.__cause__ = cause

    def getMessage(self) -> str | None:
        """The message, or None (Java's ``getMessage()``)."""
        return self._message

    def getLocalizedMessage(self) -> str | None:
        """The message (no localisation here)."""
        return self._message

    def getCause(self) -> BaseException | None:
        """The cause (Java's ``getCause()``)."""
        return self.__cause__

    def initCause(self, cause: BaseException) -> Throwable:
        """Set the cause once, as Java allows."""
        self.__cause__ = cause
        return self

    def getClass(self) -> JavaClass:
        """The Java class: ``getName()``, ``getSimpleName()``."""
        return JavaClass(type(self).java_name)

    def getStackTrace(self) -> list[object]:
        """Java stack frames: none exist in the simulation."""
        return []

    def printStackTrace(self) -> None:
        """Print ``toString()`` and Java-style ``at`` lines to the script's console."""
        frames = reversed(traceback.extract_tb(self.__traceback__))
        lines = [self.toString()]
        lines += [f"\tat {f.name}({f.filename}:{f.lineno})" for f in frames]
        print_for_caller("\n".join(lines), depth=2)

    def toString(self) -> str:
        """``name: message``, or the bare class name without a message."""
        name = type(self).java_name
        return name if self._message is None else f"{name}: {self._message}"

    def __str__(self) -> str:
        return self.toString()

    def __repr__(self) -> str:
        return self.toString()

    message = property(getMessage)
    localizedMessage = property(getLocalizedMessage)
    cause = property(getCause)
    stackTrace = property(getStackTrace)


def _describe(cause: BaseException) -> str:
    if isinstance(cause, Throwable):
        return cause.toString()
    return f"{type(cause).__name__}: {cause}"


class JavaError(Throwable):
    """``java.lang.Error``."""

    java_name = "java.lang.Error"


class JavaException(Throwable):
    """``java.lang.Exception``."""

    java_name = "java.lang.Exception"


class JavaRuntimeException(JavaException):
    """``java.lang.RuntimeException``."""

    java_name = "java.lang.RuntimeException"


class InterruptedException(JavaException):
    """``java.lang.InterruptedException``: a sleep, join or wait was interrupted."""

    java_name = "java.lang.InterruptedException"


class IllegalArgumentException(JavaRuntimeException):
    """``java.lang.IllegalArgumentException``."""

    java_name = "java.lang.IllegalArgumentException"


class NumberFormatException(IllegalArgumentException):
    """``java.lang.NumberFormatException``: text that is not a number."""

    java_name = "java.lang.NumberFormatException"


class IllegalStateException(JavaRuntimeException):
    """``java.lang.IllegalStateException``."""

    java_name = "java.lang.IllegalStateException"


class IndexOutOfBoundsException(JavaRuntimeException):
    """``java.lang.IndexOutOfBoundsException``."""

    java_name = "java.lang.IndexOutOfBoundsException"


class ArrayIndexOutOfBoundsException(IndexOutOfBoundsException):
    """``java.lang.ArrayIndexOutOfBoundsException``."""

    java_name = "java.lang.ArrayIndexOutOfBoundsException"


class StringIndexOutOfBoundsException(IndexOutOfBoundsException):
    """``java.lang.StringIndexOutOfBoundsException``."""

    java_name = "java.lang.StringIndexOutOfBoundsException"


class UnsupportedOperationException(JavaRuntimeException):
    """``java.lang.UnsupportedOperationException``: e.g. a read-only list."""

    java_name = "java.lang.UnsupportedOperationException"


class NullPointerException(JavaRuntimeException):
    """``java.lang.NullPointerException``."""

    java_name = "java.lang.NullPointerException"


class ArithmeticException(JavaRuntimeException):
    """``java.lang.ArithmeticException``."""

    java_name = "java.lang.ArithmeticException"


class ClassCastException(JavaRuntimeException):
    """``java.lang.ClassCastException``."""

    java_name = "java.lang.ClassCastException"


class NoSuchElementException(JavaRuntimeException):
    """``java.util.NoSuchElementException``: next() past the end."""

    java_name = "java.util.NoSuchElementException"


class InvocationTargetException(JavaException):
    """``java.lang.reflect.InvocationTargetException``: the call raised (the cause)."""

    java_name = "java.lang.reflect.InvocationTargetException"


class CancellationException(IllegalStateException):
    """``java.util.concurrent.CancellationException``: a cancelled request."""

    java_name = "java.util.concurrent.CancellationException"


class TimeoutException(JavaException):
    """``java.util.concurrent.TimeoutException``: a request ran out of time."""

    java_name = "java.util.concurrent.TimeoutException"


class ExecutionException(JavaException):
    """``java.util.concurrent.ExecutionException``: a task raised; see the cause."""

    java_name = "java.util.concurrent.ExecutionException"


class RejectedExecutionException(JavaRuntimeException):
    """``java.util.concurrent.RejectedExecutionException``: executor shut down."""

    java_name = "java.util.concurrent.RejectedExecutionException"


class ParseException(JavaException):
    """``java.text.ParseException``: text a format cannot read."""

    java_name = "java.text.ParseException"


class IOException(JavaException):
    """``java.io.IOException``."""

    java_name = "java.io.IOException"


class FileNotFoundException(IOException):
    """``java.io.FileNotFoundException``."""

    java_name = "java.io.FileNotFoundException"


class UnsupportedEncodingException(IOException):
    """``java.io.UnsupportedEncodingException``."""

    java_name = "java.io.UnsupportedEncodingException"


class MalformedURLException(IOException):
    """``java.net.MalformedURLException``."""

    java_name = "java.net.MalformedURLException"


class MessageHandlerException(JavaException):
    """Ignition's ``MessageHandlerException``: no such project or handler."""

    java_name = (
        "com.inductiveautomation.ignition.common.script.message.MessageHandlerException"
    )


class GatewayNetworkException(JavaException):
    """A remote gateway could not be reached (faulted link)."""

    java_name = "com.inductiveautomation.metro.api.GatewayNetworkException"


class HandlerError(JavaException):
    """A message handler raised: carries the handler's name and traceback.

    The original exception is the ``__cause__``.
    """

    java_name = "com.inductiveautomation.ignition.common.script.message.HandlerError"

    def __init__(self, message: str, handler_traceback: str = "") -> None:
        super().__init__(message)
        self.handler_traceback = handler_traceback


#: What code that runs a user's script catches and reports: Python errors,
#: ``sys.exit()`` and Java exceptions (which are not ``Exception`` here).
SCRIPT_ERRORS: tuple[type[BaseException], ...] = (Exception, SystemExit, Throwable)


def _java_modules() -> None:
    """Name each class's module after its Java package (for tracebacks)."""
    for cls in list(globals().values()):
        if isinstance(cls, type) and issubclass(cls, Throwable):
            package, _, name = cls.java_name.rpartition(".")
            cls.__module__ = package
            cls.__qualname__ = name


_java_modules()
