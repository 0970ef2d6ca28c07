"""The one way every script is compiled: by dialect, with translations cached.

Every compile point (event and component scripts, message handlers, the
project library, the Script Console, ``run SCRIPT.py``, the load-time
checks) calls :func:`compile_script` with the project's dialect
(``visionsim.yaml``'s ``scriptDialect``). Jython 2.7 source is translated
first (:mod:`.translate`); translations are cached by a hash of the source,
in memory and on disk under the user's cache folder (never in the project),
so a second start translates nothing.
"""

from __future__ import annotations

import ast
import hashlib
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, cast

from visionsim.runtime import sources

if TYPE_CHECKING:
    from types import CodeType

JYTHON = "jython2.7"
PYTHON3 = "python3"
DIALECTS = (JYTHON, PYTHON3)
_MEMORY_LIMIT = 8192
_PERSON = b"vsjython"
_lock = threading.Lock()
_memory: dict[str, str] = {}


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
    and the line of the original source.
    """
    if dialect not in DIALECTS:
        raise ValueError(f"unknown script dialect {dialect!r} (one of {DIALECTS})")
    if register:
        sources.register(name, source)
    text = source if dialect == PYTHON3 else translated(source, name)
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
    if exc.lineno is None or source is text:
        return
    index = exc.lineno - 1
    original = source.splitlines()
    changed = text.splitlines()
    if 0 <= index < len(original):
        if index >= len(changed) or changed[index] != original[index]:
            exc.offset = None
        exc.text = original[index]
    exc.lineno += offset


def translated(source: str, name: str) -> str:
    """The Python 3 text of Jython ``source``, from the cache when it can be.

    Thread: any.
    """
    from visionsim.runtime.jython.translate import VERSION

    data = source.encode("utf-8", "surrogatepass")
    digest = hashlib.blake2b(data, digest_size=16, person=_PERSON + VERSION.encode())
    key = digest.hexdigest()
    found = _memory.get(key)
    if found is not None:
        return found
    path = _cache_file(key, VERSION)
    found = _read(path)
    if found is None:
        from visionsim.runtime.jython.translate import translate

        found = translate(source, name)
        _write(path, found)
    with _lock:
        if len(_memory) >= _MEMORY_LIMIT:
            _memory.clear()
        _memory[key] = found
    return found


def cache_dir() -> Path:
    """Where translations are kept: ``$XDG_CACHE_HOME/visionsim/jython``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(
        os.path.expanduser("~"), ".cache"
    )
    return Path(base) / "visionsim" / "jython"


def clear_memory_cache() -> None:
    """Forget the in-memory translations (tests and benchmarks)."""
    with _lock:
        _memory.clear()


def _cache_file(key: str, version: str) -> Path:
    return cache_dir() / f"v{version}" / key[:2] / f"{key}.py"


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _write(path: Path, text: str) -> None:
    """Write atomically: a partial file is never seen (xdist workers race)."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)
    except OSError:  # a read-only or full disk: translate again next time
        temp.unlink(missing_ok=True)
