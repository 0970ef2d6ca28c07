"""Tag paths: ``[provider]Folder/Tag.Property``, relative ``[.]`` paths, TagPath.

Provider names and path elements are case-insensitive, as in Ignition; a
missing property means ``Value`` (reference/ignition-tags-db.md section 6).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TagPath", "TagPathError", "join_relative", "parse_path"]


class TagPathError(ValueError):
    """A tag path that cannot be parsed."""


@dataclass(frozen=True, slots=True)
class ParsedPath:
    """A parsed path: provider (``None`` if omitted), elements and property."""

    provider: str | None
    parts: tuple[str, ...]
    prop: str = "Value"

    @property
    def key(self) -> tuple[str, ...]:
        """The elements in lower case: how a provider looks the node up."""
        return tuple(p.lower() for p in self.parts)

    def full(self, provider: str | None = None) -> str:
        """``[provider]a/b`` (the property is left out when it is Value)."""
        text = f"[{provider or self.provider or ''}]" + "/".join(self.parts)
        return text if self.prop.lower() == "value" else f"{text}.{self.prop}"


def parse_path(text: object) -> ParsedPath:
    """Parse a tag path; raises :class:`TagPathError` for a malformed one."""
    if not isinstance(text, str):
        raise TagPathError(f"a tag path must be a string, not {text!r}")
    path = text.strip()
    provider: str | None = None
    if path.startswith("["):
        end = path.find("]")
        if end < 0:
            raise TagPathError(f"tag path {text!r}: no ']' closes the provider")
        provider = path[1:end].strip()
        path = path[end + 1 :]
        if not provider or provider == ".":
            raise TagPathError(f"tag path {text!r}: empty or relative provider")
    path = path.strip("/")
    parts = [p.strip() for p in path.split("/")] if path else []
    prop = "Value"
    if parts and "." in parts[-1]:
        name, _, prop = parts[-1].partition(".")
        parts[-1] = name
        if not prop:
            raise TagPathError(f"tag path {text!r}: empty property after '.'")
    if any(not p for p in parts):
        raise TagPathError(f"tag path {text!r}: empty element")
    return ParsedPath(provider, tuple(parts), prop)


def join_relative(base_folder: str, relative: str) -> str:
    """Resolve ``[.]Sub/Tag`` or ``[.]../Tag`` against ``base_folder``.

    ``base_folder`` is a full path (``[default]Line1``); a path that is not
    relative comes back unchanged.
    """
    if not relative.startswith("[.]"):
        return relative
    provider, _, folder = base_folder.partition("]")
    parts = [p for p in folder.split("/") if p]
    for part in relative[3:].split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part and part != ".":
            parts.append(part)
    return f"{provider}]" + "/".join(parts)


class TagPath:
    """The TagPath object of a gateway Tag Change event (``event.tagPath``).

    ``str()`` is the full path; ``itemName`` the last element;
    ``parentPath`` the folder's TagPath; ``source`` the provider.
    """

    __slots__ = ("_parsed",)

    def __init__(self, path: str) -> None:
        self._parsed = parse_path(path)

    @property
    def itemName(self) -> str:
        """The last element (the tag's name)."""
        parts = self._parsed.parts
        return parts[-1] if parts else ""

    @property
    def source(self) -> str:
        """The provider's name."""
        return self._parsed.provider or ""

    @property
    def parentPath(self) -> TagPath:
        """The folder holding the tag."""
        parsed = self._parsed
        return TagPath(f"[{parsed.provider or ''}]" + "/".join(parsed.parts[:-1]))

    @property
    def property(self) -> str:
        """The property named in the path (``Value`` by default)."""
        return self._parsed.prop

    def getItemName(self) -> str:
        """Same as :attr:`itemName`."""
        return self.itemName

    def getSource(self) -> str:
        """Same as :attr:`source`."""
        return self.source

    def getParentPath(self) -> TagPath:
        """Same as :attr:`parentPath`."""
        return self.parentPath

    def toStringFull(self) -> str:
        """The full path with its provider."""
        return str(self)

    def __str__(self) -> str:
        return self._parsed.full()

    def __repr__(self) -> str:
        return str(self)

    def __eq__(self, other: object) -> bool:
        return str(self).lower() == str(other).lower()

    def __hash__(self) -> int:
        return hash(str(self).lower())
