"""Python syntax highlighting for the Script Console's editor.

:class:`PythonHighlighter` colours keywords, builtins (and Ignition's
``system``), numbers, decorators, strings and comments. Strings and comments
are found by one left-to-right scan, so a ``#`` inside a string or a quote
inside a comment is not mistaken for the other; a triple-quoted string that
does not close on its line carries on into the next blocks through the block
state (:data:`IN_SINGLE_TRIPLE` / :data:`IN_DOUBLE_TRIPLE`).
"""

from __future__ import annotations

import builtins
import keyword
import re
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

NORMAL = 0
IN_SINGLE_TRIPLE = 1  # inside '''...
IN_DOUBLE_TRIPLE = 2  # inside """...
_TRIPLE_FOR_STATE = {IN_SINGLE_TRIPLE: "'''", IN_DOUBLE_TRIPLE: '"""'}

_KEYWORDS = frozenset(keyword.kwlist)
_PUBLIC_BUILTINS = [name for name in dir(builtins) if not name.startswith("_")]
_BUILTINS = frozenset([*_PUBLIC_BUILTINS, "system", "self"])
# Words are classified by set lookup: one alternation of every keyword and
# builtin took 5 ms to compile, a cost paid at every start-up.
_WORD = re.compile(r"\b[^\W\d]\w*")
_NUMBER = re.compile(
    r"\b(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+"
    r"|\d[\d_]*(?:\.[\d_]*)?(?:[eE][+-]?\d+)?)[jJlL]?\b"
)
_DECORATOR = re.compile(r"^\s*@[\w.]+", re.MULTILINE)
# Earliest of: a triple quote opening, a one-line string, a comment.
_STRING_OR_COMMENT = re.compile(
    r"(?P<triple>[rRbBuUfF]{0,2}(?:'''|\"\"\"))"
    r"|(?P<string>[rRbBuUfF]{0,2}(?:'(?:[^'\\\n]|\\.)*'?|\"(?:[^\"\\\n]|\\.)*\"?))"
    r"|(?P<comment>#.*)"
)
_TRIPLE_END = {
    "'''": re.compile(r"(?:\\.|[^\\])*?'''", re.DOTALL),
    '"""': re.compile(r'(?:\\.|[^\\])*?"""', re.DOTALL),
}


def _format(color: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


class PythonHighlighter(QSyntaxHighlighter):
    """Highlights Python source in ``document``.

    :attr:`formats` maps each token kind (``"keyword"``, ``"builtin"``,
    ``"number"``, ``"decorator"``, ``"string"``, ``"comment"``) to its format.
    """

    def __init__(self, document: QTextDocument) -> None:
        self.formats = {
            "keyword": _format("#0033b3", bold=True),
            "builtin": _format("#7a3e9d"),
            "number": _format("#1750eb"),
            "decorator": _format("#9e6a00"),
            "string": _format("#067d17"),
            "comment": _format("#8c8c8c", italic=True),
        }
        super().__init__(document)

    def highlightBlock(self, text: str) -> None:
        """Format one block (line); Qt calls it whenever the line changes."""
        start = 0
        state = self.previousBlockState()
        if state in _TRIPLE_FOR_STATE:
            start = self._continue_triple(text, state)
            if start < 0:
                return
        for match in _WORD.finditer(text, start):
            word = match.group()
            if word in _KEYWORDS:
                self._apply(match.start(), match.end(), "keyword")
            elif word in _BUILTINS:
                self._apply(match.start(), match.end(), "builtin")
        for match in _NUMBER.finditer(text, start):
            self._apply(match.start(), match.end(), "number")
        for match in _DECORATOR.finditer(text, start):
            self._apply(match.start(), match.end(), "decorator")
        self.setCurrentBlockState(self._strings_and_comments(text, start))

    def _continue_triple(self, text: str, state: int) -> int:
        """Format the rest of a triple-quoted string; where code resumes, or -1."""
        end = _TRIPLE_END[_TRIPLE_FOR_STATE[state]].match(text)
        if end is None:
            self._apply(0, len(text), "string")
            self.setCurrentBlockState(state)
            return -1
        self._apply(0, end.end(), "string")
        return end.end()

    def _strings_and_comments(self, text: str, pos: int) -> int:
        """Scan left to right from ``pos``; returns the block's end state."""
        while (match := _STRING_OR_COMMENT.search(text, pos)) is not None:
            kind = match.lastgroup
            if kind == "triple":
                quote = match.group()[-3:]
                end = _TRIPLE_END[quote].match(text, match.end())
                if end is None:
                    self._apply(match.start(), len(text), "string")
                    return IN_SINGLE_TRIPLE if quote == "'''" else IN_DOUBLE_TRIPLE
                self._apply(match.start(), end.end(), "string")
                pos = end.end()
            else:
                self._apply(match.start(), match.end(), kind or "string")
                pos = match.end()
        return NORMAL

    def _apply(self, start: int, end: int, kind: str) -> None:
        self.setFormat(start, end - start, self.formats[kind])
