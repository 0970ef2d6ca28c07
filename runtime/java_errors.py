"""Java exception classes that scripts catch by their Java names.

Ignition scripts run on Jython and catch Java exceptions by name
(``except java.lang.Exception``). Here each is a Python class named like the
Java one and deriving from Python's :class:`Exception`, so both
``except java.lang.Exception`` and ``except Exception`` catch it. (In Jython a
Java exception is *not* a Python ``Exception``: code that relies on
``except Exception`` missing it behaves differently here.)
"""

from __future__ import annotations


class Throwable(Exception):
    """``java.lang.Throwable``."""

    java_name = "java.lang.Throwable"

    def getMessage(self) -> str | None:
        """The message, as Java's ``getMessage()``."""
        return str(self) if self.args else None

    def getCause(self) -> BaseException | None:
        """The cause, as Java's ``getCause()``."""
        return self.__cause__


class JavaException(Throwable):
    """``java.lang.Exception``."""

    java_name = "java.lang.Exception"


class JavaRuntimeException(JavaException):
    """``java.lang.RuntimeException``."""

    java_name = "java.lang.RuntimeException"


class InterruptedException(JavaException):
    """``java.lang.InterruptedException``: a sleep, join or wait was interrupted."""

    java_name = "java.lang.InterruptedException"


class IllegalStateException(JavaRuntimeException):
    """``java.lang.IllegalStateException``."""

    java_name = "java.lang.IllegalStateException"


class CancellationException(IllegalStateException):
    """``java.util.concurrent.CancellationException``: a cancelled request."""

    java_name = "java.util.concurrent.CancellationException"


class TimeoutException(JavaException):
    """``java.util.concurrent.TimeoutException``: a request ran out of time."""

    java_name = "java.util.concurrent.TimeoutException"


class MessageHandlerException(JavaException):
    """Ignition's ``MessageHandlerException``: no such project or handler.

    Full name ``com.inductiveautomation.ignition.common.script.message.
    MessageHandlerException``.
    """

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


def _java_modules() -> None:
    """Name each class's module after its Java package.

    Tracebacks then read ``java.util.concurrent.TimeoutException: ...`` as
    in Ignition, not ``runtime.java_errors.TimeoutException``.
    """
    for cls in (
        Throwable,
        JavaException,
        JavaRuntimeException,
        InterruptedException,
        IllegalStateException,
        CancellationException,
        TimeoutException,
        MessageHandlerException,
        GatewayNetworkException,
        HandlerError,
    ):
        package, _, name = cls.java_name.rpartition(".")
        cls.__module__ = package
        cls.__qualname__ = name


_java_modules()
