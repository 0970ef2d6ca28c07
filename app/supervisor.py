"""A deadline for headless runs that holds even when a script starves Python.

The runner's own watchdog lives on a thread of the same interpreter, so it
needs the GIL to fire: a script that calls ``sys.setswitchinterval(1e6)`` and
spins, or one whose million-frame traceback takes a minute to format, keeps it
from ever running. :func:`supervise` forks before anything starts: the child
goes on and does the run; the parent, a small process that imports nothing,
waits for it and kills it if it outlives the deadline, then exits 3 as the
contract says for a run still busy at its timeout (docs/DESIGN.md section 4).

Signals: Ctrl+C in a terminal reaches both processes (one process group), so
the parent forwards only signals sent to it alone (``kill PID``: SIGINT and
SIGTERM), and ends with the child's exit status.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

EXIT_BUSY = 3
#: The child's own watchdog fires 2 s after the timeout and shutdown takes up
#: to 2 s more; the parent steps in only after that.
DEADLINE_SLACK_S = 5.0
_FORWARDED = (signal.SIGINT, signal.SIGTERM)
_WATCHED = {*_FORWARDED, signal.SIGCHLD}
_SI_USER = 0  # siginfo si_code of a signal sent with kill(2)


def supervise(deadline_s: float) -> None:
    """Fork; return in the child, which does the run. The parent never returns.

    Does nothing (returns at once, no fork) where fork is not available, when
    threads already run (forking them is unsafe), or when the environment
    sets ``VISIONSIM_NO_SUPERVISOR=1``.
    """
    if (
        not hasattr(os, "fork")
        or not hasattr(signal, "sigtimedwait")
        or threading.active_count() != 1
        or os.environ.get("VISIONSIM_NO_SUPERVISOR") == "1"
    ):
        return
    sys.stdout.flush()
    sys.stderr.flush()
    signal.pthread_sigmask(signal.SIG_BLOCK, _WATCHED)
    pid = os.fork()
    if pid == 0:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _WATCHED)
        return
    os._exit(_wait_for(pid, deadline_s))


def _wait_for(pid: int, deadline_s: float) -> int:
    """Wait for the child until the deadline; returns the exit code to use."""
    end = time.monotonic() + deadline_s
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            code = os.waitstatus_to_exitcode(status)
            return code if code >= 0 else 128 - code
        left = end - time.monotonic()
        if left <= 0:
            _kill(pid)
            return EXIT_BUSY
        info = signal.sigtimedwait(_WATCHED, min(left, 1.0))
        # Sent to us alone (kill PID, not the terminal's Ctrl+C): pass it on.
        if info and info.si_signo in _FORWARDED and info.si_code == _SI_USER:
            os.kill(pid, info.si_signo)


def _kill(pid: int) -> None:
    os.write(
        2,
        b"visionsim: the run is still going after its timeout and its own "
        b"watchdog could not stop it (a script keeps the interpreter busy); "
        b"killed\n",
    )
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
