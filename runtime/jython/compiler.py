"""The one way every script is compiled: by dialect, with translations cached.

Every compile point (event and component scripts, message handlers, the
project library, the Script Console, ``run SCRIPT.py``, the load-time
checks) calls :func:`compile_script` with the project's dialect
(``visionsim.yaml``'s ``scriptDialect``). Jython 2.7 source is translated
first (:mod:`.translate`). The compiled code is cached by a hash of the
source (and the script's name), in memory and on disk
(:mod:`.code_cache`) under the user's cache folder, never in the project: a
second start neither translates nor compiles.
"""

from __future__ import annotations

import ast
import hashlib
import threading
from typing import TYPE_CHECKING, cast

from visionsim.runtime import sources
from visionsim.runtime.jython import code_cache

if TYPE_CHECKING:
    from types import CodeType

JYTHON = "jython2.7"
PYTHON3 = "python3"
DIALECTS = (JYTHON, PYTHON3)
_MEMORY_LIMIT = 8192
_PERSON = b"vsjython"
#: Bumped whenever the translation (:mod:`.translate`, :mod:`.fast`) of some
#: source changes: it keys the cache. Here, not there: a start that finds
#: everything cached never imports the translators (fissix costs ~15 ms).
VERSION = "5"
_lock = threading.Lock()
_memory: dict[str, CodeType] = {}
_texts: dict[str, str] = {}


def compile_script(
    source: str,
    name: str,
    dialect: str = JYTHON,
    *,
    mode: str = "exec",
    line_offset: int = 0,
    register: bool = True,
) -> CodeType:
    """Compile a script under ``name`` as ``dialect``; raises SyntaxError.

    ``source`` is registered for stack lines (unless ``register`` is
    false). ``line_offset`` shifts every line number (a handler body
    wrapped in its ``def`` line uses -1). A syntax error names ``name``
    and the line of the original source. Jython code is cached (memory and
    disk, keyed by a hash of the source, name and mode). Thread: any.
    """
    if dialect not in DIALECTS:
        raise ValueError(f"unknown script dialect {dialect!r} (one of {DIALECTS})")
    if register:
        sources.register(name, source)
    if dialect == PYTHON3:
        return _compile(source, source, name, mode, line_offset)
    key = _key(source, name, mode, line_offset)
    code = _memory.get(key)
    if code is None:
        code = code_cache.load(key)
        if code is None:
            code = _compile_fast(source, name, mode, line_offset)
            if code is None:  # fissix: slower, and the better error messages
                text = _translated_text(source, name)
                code = _compile(text, source, name, mode, line_offset)
            code_cache.store(key, code)
        with _lock:
            if len(_memory) >= _MEMORY_LIMIT:
                _memory.clear()
            _memory[key] = code
    return code


def _compile_fast(
    source: str, name: str, mode: str, line_offset: int
) -> CodeType | None:
    """Code by the fast translation (:mod:`.fast`), or None when it declines."""
    from visionsim.runtime.jython.fast import translate_tree

    tree = translate_tree(source, name, mode)
    if tree is None:
        return None
    if line_offset:
        ast.increment_lineno(tree, line_offset)
    try:
        code: CodeType = compile(cast("ast.Module", tree), name, mode, 0, True)
    except SyntaxError:  # e.g. 'return' outside function: fissix reports it
        return None
    return code


def _compile(
    text: str, source: str, name: str, mode: str, line_offset: int
) -> CodeType:
    try:
        if line_offset:
            tree = ast.parse(text, name, mode)
            ast.increment_lineno(tree, line_offset)
            code: CodeType = compile(cast("ast.Module", tree), name, mode, 0, True)
            return code
        return compile(text, name, mode, dont_inherit=True)
    except SyntaxError as exc:
        _show_original(exc, source, text, line_offset)
        raise


def _show_original(exc: SyntaxError, source: str, text: str, offset: int) -> None:
    """Point a SyntaxError from translated text at the original line."""
    if exc.lineno is None:
        return
    index = exc.lineno - 1
    original = source.splitlines()
    changed = text.splitlines()
    if source is not text and 0 <= index < len(original):
        if index >= len(changed) or changed[index] != original[index]:
            exc.offset = None
        exc.text = original[index]
    exc.lineno += offset


def _translated_text(source: str, name: str) -> str:
    """The translation of ``source``, once per process for any name.

    The same text compiled under two names (a load-time check and the run)
    is translated once.
    """
    from visionsim.runtime.jython.translate import translate

    key = hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16)
    digest = key.hexdigest()
    text = _texts.get(digest)
    if text is None:
        text = translate(source, name)
        with _lock:
            if len(_texts) >= _MEMORY_LIMIT:
                _texts.clear()
            _texts[digest] = text
    return text


def translated(source: str, name: str) -> str:
    """The Python 3 text of Jython ``source`` (uncached; for tools and tests)."""
    from visionsim.runtime.jython.translate import translate

    return translate(source, name)


def _key(source: str, name: str, mode: str, line_offset: int) -> str:
    digest = hashlib.blake2b(digest_size=16, person=_PERSON + VERSION.encode())
    digest.update(f"{name}\0{mode}\0{line_offset}\0".encode("utf-8", "surrogatepass"))
    digest.update(source.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def clear_memory_cache() -> None:
    """Forget the in-memory compiled scripts (tests and benchmarks)."""
    with _lock:
        _memory.clear()
        _texts.clear()
