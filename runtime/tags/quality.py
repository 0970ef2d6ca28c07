"""Ignition's ``QualityCode`` and ``QualifiedValue`` (value, quality, timestamp).

Names follow ``com.inductiveautomation.ignition.common.model.values``
(reference/ignition-tags-db.md section 5). A code's level sits in its top two
bits as in Ignition 8 (00 Good, 01 Uncertain, 10 Bad, 11 Error); the exact
numbers are not documented, so only the level and the name are relied on.
The timestamp is kept as epoch milliseconds and turned into a
``java.util.Date`` when a script reads it (:func:`date_from_millis`).
"""

from __future__ import annotations

import time
from typing import Any, ClassVar

from visionsim.runtime.jython.java.dates import Date

__all__ = ["MillisDate", "QualifiedValue", "QualityCode", "date_from_millis"]

_LEVELS = ("Good", "Uncertain", "Bad", "Error")
_NAMES = {
    "Good": (
        "Good",
        "Good_Backfill",
        "Good_Initial",
        "Good_Overload",
        "Good_Provisional",
        "Good_Unspecified",
        "Good_WritePending",
    ),
    "Uncertain": (
        "Uncertain",
        "Uncertain_LastKnownValue",
        "Uncertain_InitialValue",
        "Uncertain_DataSubNormal",
        "Uncertain_EngineeringUnitsExceeded",
        "Uncertain_IncompleteOperation",
    ),
    "Bad": (
        "Bad",
        "Bad_AccessDenied",
        "Bad_AggregateNotFound",
        "Bad_DatabaseNotConnected",
        "Bad_Disabled",
        "Bad_Failure",
        "Bad_GatewayCommOff",
        "Bad_LicenseExceeded",
        "Bad_NotConnected",
        "Bad_NotFound",
        "Bad_OutOfRange",
        "Bad_ReadOnly",
        "Bad_Stale",
        "Bad_ReferenceNotFound",
        "Bad_TrialExpired",
        "Bad_Unauthorized",
        "Bad_Unsupported",
    ),
    "Error": (
        "Error",
        "Error_Configuration",
        "Error_CycleDetected",
        "Error_DatabaseQuery",
        "Error_Exception",
        "Error_ExpressionEval",
        "Error_Formatting",
        "Error_InvalidPathSyntax",
        "Error_IO",
        "Error_ScriptEval",
        "Error_TagExecution",
        "Error_TimeoutExpired",
        "Error_TypeConversion",
    ),
}


class QualityCode:
    """A quality: ``Good``, ``Bad_NotFound``…, with an optional diagnostic.

    ``str()`` gives the name; equality compares the code only (a derived
    code with a diagnostic message equals its base).
    """

    __slots__ = ("_code", "_diagnostic", "_level", "_name")
    _BY_NAME: ClassVar[dict[str, QualityCode]] = {}
    # The constants (Good, Bad_NotFound…) are set on the class below.
    Good: ClassVar[QualityCode]
    Bad: ClassVar[QualityCode]
    Bad_NotFound: ClassVar[QualityCode]
    Bad_ReadOnly: ClassVar[QualityCode]
    Bad_Unsupported: ClassVar[QualityCode]
    Bad_DatabaseNotConnected: ClassVar[QualityCode]
    Bad_ReferenceNotFound: ClassVar[QualityCode]
    Bad_AccessDenied: ClassVar[QualityCode]
    Error_DatabaseQuery: ClassVar[QualityCode]
    Error_TypeConversion: ClassVar[QualityCode]
    Error_InvalidPathSyntax: ClassVar[QualityCode]
    Error_Configuration: ClassVar[QualityCode]
    Error_CycleDetected: ClassVar[QualityCode]
    Error_TimeoutExpired: ClassVar[QualityCode]
    Uncertain_InitialValue: ClassVar[QualityCode]

    def __init__(self, name: str, code: int, diagnostic: str | None = None) -> None:
        self._name = name
        self._code = code
        self._level = (code >> 30) & 3
        self._diagnostic = diagnostic

    def isGood(self) -> bool:
        """The level is Good."""
        return self._level == 0

    def isUncertain(self) -> bool:
        """The level is Uncertain."""
        return self._level == 1

    def isBad(self) -> bool:
        """The level is Bad."""
        return self._level == 2

    def isError(self) -> bool:
        """The level is Error."""
        return self._level == 3

    def isNotGood(self) -> bool:
        """Anything but Good."""
        return self._level != 0

    def isBadOrError(self) -> bool:
        """Bad or Error."""
        return self._level >= 2

    def getName(self) -> str:
        """The name, e.g. ``"Bad_NotFound"``."""
        return self._name

    def getCode(self) -> int:
        """The numeric code (level in the top two bits), as a Java int."""
        code = self._code
        return code - (1 << 32) if code >= 1 << 31 else code

    def getLevel(self) -> str:
        """``"Good"``, ``"Uncertain"``, ``"Bad"`` or ``"Error"``."""
        return _LEVELS[self._level]

    def getDiagnosticMessage(self) -> str | None:
        """The diagnostic message, if any."""
        return self._diagnostic

    def derive(self, diagnostic: str) -> QualityCode:
        """The same code with a diagnostic message."""
        return QualityCode(self._name, self._code, diagnostic)

    @staticmethod
    def getCodeName(code: int) -> str:
        """The name of a numeric code (``"Unknown"`` when there is none)."""
        code &= 0xFFFFFFFF
        for quality in QualityCode._BY_NAME.values():
            if quality._code == code:
                return quality._name
        return "Unknown"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, QualityCode) and other._code == self._code

    def __hash__(self) -> int:
        return self._code

    def __str__(self) -> str:
        if self._diagnostic:
            return f"{self._name}({self._diagnostic})"
        return self._name

    def __repr__(self) -> str:
        return str(self)


def _define_constants() -> None:
    for level, names in enumerate(_NAMES.values()):
        for index, name in enumerate(names):
            quality = QualityCode(name, (level << 30) | index)
            QualityCode._BY_NAME[name] = quality
            setattr(QualityCode, name, quality)


_define_constants()
_GOOD: QualityCode = QualityCode.Good


class MillisDate:
    """A stand-in ``java.util.Date`` (epoch milliseconds) until dates land.

    Used only while :class:`~visionsim.runtime.jython.java.dates.Date` cannot
    be built from milliseconds; scripts call ``getTime()`` on it.
    """

    __slots__ = ("_millis",)

    def __init__(self, millis: int) -> None:
        self._millis = millis

    def getTime(self) -> int:
        """Milliseconds since the epoch."""
        return self._millis

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MillisDate) and other._millis == self._millis

    def __hash__(self) -> int:
        return hash(self._millis)

    def __repr__(self) -> str:
        return time.strftime(
            "%a %b %d %H:%M:%S %Z %Y", time.localtime(self._millis / 1000)
        )


# Any: the placeholder Date takes no argument yet; the real one takes millis.
_DATE: Any = Date


def _date_takes_millis() -> bool:
    try:
        _DATE(0)
    except TypeError:
        return False
    return True


_DATE_FROM_MILLIS = _date_takes_millis()


def date_from_millis(millis: int) -> Any:
    """A ``java.util.Date`` for ``millis`` (a :class:`MillisDate` meanwhile)."""
    if _DATE_FROM_MILLIS:
        return _DATE(millis)
    return MillisDate(millis)


def now_millis() -> int:
    """The current time in epoch milliseconds. Thread: any."""
    return time.time_ns() // 1_000_000


class QualifiedValue:
    """A value with its quality and timestamp (Ignition's BasicQualifiedValue).

    Scripts read ``qv.value``, ``qv.quality``, ``qv.timestamp`` or the getters.
    Immutable: a tag swaps in a new one on each change.
    """

    __slots__ = ("_millis", "quality", "value")

    def __init__(
        self, value: Any, quality: QualityCode | None = None, millis: int | None = None
    ) -> None:
        self.value = value
        self.quality = _GOOD if quality is None else quality
        self._millis = time.time_ns() // 1_000_000 if millis is None else millis

    @property
    def millis(self) -> int:
        """The timestamp in epoch milliseconds."""
        return self._millis

    @property
    def timestamp(self) -> Any:
        """The timestamp as a ``java.util.Date``."""
        return date_from_millis(self._millis)

    def getValue(self) -> Any:
        """The value."""
        return self.value

    def getQuality(self) -> QualityCode:
        """The quality."""
        return self.quality

    def getTimestamp(self) -> Any:
        """The timestamp as a ``java.util.Date``."""
        return date_from_millis(self._millis)

    def __repr__(self) -> str:
        return f"[{self.value!r}, {self.quality}, {self.timestamp!r}]"
