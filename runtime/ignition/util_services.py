"""``system.util`` services beyond threading: logging, JSON, globals, flags.

:class:`UtilServices` holds what both scopes have; :class:`ClientServices`
adds the Vision-only ones (``getGatewayAddress``, ``getSystemFlags``,
``getEdition`` and the flag constants); :class:`ProjectFunctions` is
``system.project``.
"""

from __future__ import annotations

import getpass
import os
import platform
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from visionsim.runtime.ignition.json_codec import json_decode, json_encode
from visionsim.runtime.ignition.logger import LoggerEx

if TYPE_CHECKING:
    from visionsim.runtime.ignition.services import ScopeServices

GATEWAY_ADDRESS = "http://localhost:8088/"


class UtilServices:
    """Logging, JSON and the legacy globals, in every scope. Thread: any."""

    _svc: ScopeServices

    def getLogger(self, name: str) -> LoggerEx:
        """A ``LoggerEx`` called ``name``; prints to this scope's console."""
        svc = self._svc
        return LoggerEx(str(name), svc.state, svc.output, svc.kind)

    def setLoggingLevel(self, loggerName: str, loggerLevel: str) -> None:
        """Set a logger's level: "trace", "debug", "info", "warn" or "error"."""
        self._svc.state.set_level(str(loggerName), str(loggerLevel))

    def jsonEncode(self, pyObj: object, indentFactor: int | None = None) -> str:
        """``pyObj`` as JSON text (compact, or indented by ``indentFactor``)."""
        return json_encode(pyObj, indentFactor)

    def jsonDecode(self, jsonString: str) -> object:
        """The Python data in ``jsonString`` (dicts, lists, unicode strings...)."""
        return json_decode(jsonString)

    def getGlobals(self) -> dict[str, object]:
        """The legacy global namespace: one dict per client or per gateway."""
        return self._svc.state.globals

    @property
    def globals(self) -> dict[str, object]:
        """``system.util.globals``: the same dict as :meth:`getGlobals`."""
        return self._svc.state.globals

    def getProperty(self, propertyName: str) -> str | None:
        """A Java system property (``os.name``, ``user.home``...); None if unknown."""
        return _system_properties().get(str(propertyName))

    def translate(
        self, term: str, locale: object = None, strict: bool = False
    ) -> str | None:
        """``term`` itself (None if ``strict``): no translations are configured."""
        return None if strict else term


class ClientServices:
    """The Vision-client-only ``system.util`` services. Thread: any."""

    DESIGNER_FLAG = 1
    PREVIEW_FLAG = 2
    CLIENT_FLAG = 4
    WEBSTART_FLAG = 8
    APPLET_FLAG = 16
    FULLSCREEN_FLAG = 32
    SSL_FLAG = 64
    MOBILE_FLAG = 128
    STAGING_FLAG = 256

    def getGatewayAddress(self) -> str:
        """The address of the gateway this client talks to."""
        return GATEWAY_ADDRESS

    def getSystemFlags(self) -> int:
        """The running system's flags: a windowed Vision client (``CLIENT_FLAG``)."""
        return self.CLIENT_FLAG

    def getEdition(self) -> str:
        """The Vision edition: ``"standard"``."""
        return "standard"


class ProjectFunctions:
    """``system.project``: the running project's name. Thread: any."""

    def __init__(self, svc: ScopeServices) -> None:
        self._svc = svc

    def getProjectName(self) -> str:
        """The name of the project this script belongs to."""
        return self._svc.project


#: The ``system.util`` client functions 8.3 also has as ``system.vision.*``.
VISION_ALIASES = ("getSystemFlags", "getGatewayAddress", "getEdition")


def _system_properties() -> dict[str, str]:
    """The documented Java system properties, for this machine."""
    java_os = {"Linux": "Linux", "Darwin": "Mac OS X", "Windows": "Windows"}
    machine = platform.machine().lower()
    return {
        "file.separator": os.sep,
        "line.separator": os.linesep,
        "path.separator": os.pathsep,
        "os.arch": "amd64" if machine in ("x86_64", "amd64") else machine,
        "os.name": java_os.get(platform.system(), platform.system()),
        "os.version": platform.release(),
        "user.home": str(Path.home()),
        "user.name": getpass.getuser(),
        "user.dir": os.getcwd(),
        "java.io.tmpdir": tempfile.gettempdir(),
    }
