"""``java.net``: ``URL`` (parsing only), ``URLEncoder`` and ``URLDecoder``.

``URLEncoder`` is Java's form encoding: space becomes ``+``, only letters,
digits and ``.-*_`` stay as they are, everything else is ``%XX`` of UTF-8.
A ``URL`` here parses and prints; it does not connect.
"""

from __future__ import annotations

import urllib.parse

from visionsim.runtime.jython.java.errors import (
    IllegalArgumentException,
    MalformedURLException,
    UnsupportedOperationException,
)

_DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21}


class URLEncoder:
    """``java.net.URLEncoder``."""

    @staticmethod
    def encode(text: str, charset: str = "UTF-8") -> str:
        """Form-encode ``text``."""
        return urllib.parse.quote_plus(str(text), safe="*", encoding=charset).replace(
            "~", "%7E"
        )


class URLDecoder:
    """``java.net.URLDecoder``."""

    @staticmethod
    def decode(text: str, charset: str = "UTF-8") -> str:
        """Undo form encoding (``+`` is a space)."""
        value = str(text)
        if "%" in value and not _valid_escapes(value):
            raise IllegalArgumentException(
                "URLDecoder: Illegal hex characters in escape (%) pattern"
            )
        return urllib.parse.unquote_plus(value, encoding=charset)


def _valid_escapes(text: str) -> bool:
    parts = text.split("%")[1:]
    return all(
        len(p) >= 2 and all(c in "0123456789abcdefABCDEF" for c in p[:2]) for p in parts
    )


class URL:
    """``java.net.URL``: the parts of an address (no connection is made)."""

    def __init__(self, spec: str) -> None:
        parts = urllib.parse.urlsplit(str(spec))
        if not parts.scheme:
            raise MalformedURLException(f"no protocol: {spec}")
        if parts.scheme not in ("http", "https", "ftp", "file", "jar"):
            raise MalformedURLException(f"unknown protocol: {parts.scheme}")
        self._spec = str(spec)
        self._parts = parts

    def getProtocol(self) -> str:
        """``http``, ``https``..."""
        return self._parts.scheme

    def getHost(self) -> str:
        """The host name."""
        return self._parts.hostname or ""

    def getPort(self) -> int:
        """The port, or -1 when the address has none."""
        return self._parts.port or -1

    def getDefaultPort(self) -> int:
        """The protocol's default port."""
        return _DEFAULT_PORTS.get(self._parts.scheme, -1)

    def getPath(self) -> str:
        """The path."""
        return self._parts.path

    def getQuery(self) -> str | None:
        """The query (after ``?``), or None."""
        return self._parts.query or None

    def getFile(self) -> str:
        """Path and query."""
        query = self._parts.query
        return self._parts.path + (f"?{query}" if query else "")

    def getRef(self) -> str | None:
        """The fragment (after ``#``), or None."""
        return self._parts.fragment or None

    def getAuthority(self) -> str:
        """``host:port``."""
        return self._parts.netloc

    def toExternalForm(self) -> str:
        """The address."""
        return self._spec

    def openStream(self) -> None:
        """Not simulated: visionsim makes no network connections for scripts."""
        raise UnsupportedOperationException(
            "visionsim does not open URLs (use system.net.httpGet)"
        )

    openConnection = openStream
    toString = toExternalForm
    __str__ = toExternalForm
    __repr__ = toExternalForm

    def __eq__(self, other: object) -> bool:
        return isinstance(other, URL) and other._spec == self._spec

    def __hash__(self) -> int:
        return hash(self._spec)

    protocol = property(getProtocol)
    host = property(getHost)
    port = property(getPort)
    path = property(getPath)
    query = property(getQuery)
