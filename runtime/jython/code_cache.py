"""The on-disk cache of compiled Jython scripts: one SQLite file per Python.

A file per script cost more than the translation it saved on a first start
(creating 300 small files took a third of a cold start of 300 scripts on this
machine); one SQLite database takes each script as a row, in its own
transaction, so a reader never sees a partial entry and several processes
(pytest-xdist workers, two apps) share it safely. Write-ahead logging without
``fsync``: losing the last entries in a power cut only costs a translation.
Code is stored with :mod:`marshal` (as in ``.pyc`` files), whose format is the
interpreter's own, hence one file per interpreter version. ``_lock``
protects the one connection this process shares between its threads. Any
error (a read-only or full disk, a locked or damaged file) makes the cache a
miss, never a failure.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sqlite3
import sys
import threading
import types
from pathlib import Path

_lock = threading.Lock()
_connection: sqlite3.Connection | None = None
_connected_to: Path | None = None
_connected_env: str | None = None  # XDG_CACHE_HOME when it was opened
FILE_NAME = f"code-{sys.implementation.cache_tag}.sqlite3"


def cache_dir() -> Path:
    """Where compiled scripts are kept: ``$XDG_CACHE_HOME/visionsim/jython``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(
        os.path.expanduser("~"), ".cache"
    )
    return Path(base) / "visionsim" / "jython"


def load(key: str) -> types.CodeType | None:
    """The code stored under ``key``, or None. Thread: any."""
    with _lock:
        db = _database()
        if db is None:
            return None
        try:
            row = db.execute("SELECT data FROM code WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
    if row is None:
        return None
    try:
        code = marshal.loads(row[0])
    except (EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, types.CodeType) else None


def store(key: str, code: types.CodeType) -> None:
    """Keep ``code`` under ``key`` (one transaction). Thread: any."""
    data = marshal.dumps(code)
    with _lock:
        db = _database()
        if db is None:
            return
        # locked for longer than the timeout, or read-only: a miss next time
        with contextlib.suppress(sqlite3.Error):
            db.execute("INSERT OR REPLACE INTO code VALUES (?, ?)", (key, data))


def _database() -> sqlite3.Connection | None:
    """The connection to this interpreter's cache file (opened on first use)."""
    global _connection, _connected_to, _connected_env
    env = os.environ.get("XDG_CACHE_HOME")
    if _connection is not None and _connected_env == env:
        return _connection  # the common case: no path to build
    path = cache_dir() / FILE_NAME
    if _connection is not None and _connected_to == path:
        _connected_env = env
        return _connection
    if _connection is not None:
        _connection.close()
        _connection = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(
            path, timeout=2.0, isolation_level=None, check_same_thread=False
        )
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("CREATE TABLE IF NOT EXISTS code (key TEXT PRIMARY KEY, data BLOB)")
    except (OSError, sqlite3.Error):
        return None
    _connection, _connected_to, _connected_env = db, path, env
    return db
