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
