"""The state machine behind ``sendRequestAsync``'s Request handle.

A :class:`PendingRequest` completes exactly once — with the handler's value,
an error, a timeout or a cancel, whichever comes first; later completions are
discarded (and traced). Callbacks run through the *caller's* scope: the GUI
dispatcher in client scope, a gateway thread in gateway scope. A callback
registered after completion still runs, deferred. Blocking waits (``get``,
``block``, ``getError``) wait in the calling thread on a lock-based flag, and
the timeout lives on the runtime's timer thread, so neither depends on the
GUI event loop: ``get()`` on a blocked GUI thread still times out.

An error that reached ``onError``, ``get``, ``block`` or ``getError`` is
*observed*; one nobody observed is handed to ``on_unobserved`` (the runner
counts it as uncaught). ``_lock`` protects the state, the callbacks and the
observed flag; it is one lock for all requests (its sections are a few
attribute writes), and the flag a blocking wait needs is made by the first
wait: objects made per request are garbage-collector work while thousands
are pending (bench/requests.py).
"""

from __future__ import annotations

import enum
import itertools
import threading
import time
from typing import TYPE_CHECKING

from visionsim.runtime.context import Flag
from visionsim.runtime.jython.java.errors import CancellationException, TimeoutException

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime.activity import Activity
    from visionsim.runtime.trace import Tracer
    from visionsim.runtime.workers import TimerHandle

    #: Runs ``callback(argument)`` on the right thread for the caller's scope.
    CallbackRunner = Callable[[Callable[[object], object], object, str], None]

_ids = itertools.count(1)
_LOCK = threading.Lock()


class RequestState(enum.Enum):
    """Where a request is in its life."""

    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


class PendingRequest:
    """One request to a gateway message handler.

    Parameters
    ----------
    label
        ``project/handler`` (for traces and reports).
    run_callback
        Delivers a callback on the caller scope's thread.
    activity
        Counts the request as outstanding work until it completes.
    tracer, lane
        The timeline and the caller's lane.
    on_unobserved
        Called with the request when it failed and nobody looked.
    on_success, on_error
        The callbacks, if known when sending (set before anyone else can
        see the request, so without the lock).
    """

    def __init__(
        self,
        label: str,
        run_callback: CallbackRunner,
        activity: Activity,
        tracer: Tracer,
        lane: int,
        on_unobserved: Callable[[PendingRequest], None],
        on_success: Callable[[object], object] | None = None,
        on_error: Callable[[object], object] | None = None,
    ) -> None:
        self.id = next(_ids)
        self.label = label
        self.sent_at = time.perf_counter_ns()
        #: When it completed (``perf_counter_ns``), or None while pending.
        self.completed_at: int | None = None
        self._run_callback = run_callback
        self._activity = activity
        self._tracer = tracer
        self._lane = lane
        self._on_unobserved = on_unobserved
        self._lock = _LOCK
        self._finished = False  # set once completion is final (callbacks queued)
        self._done: Flag | None = None  # made by the first wait()
        self._state = RequestState.PENDING
        self._value: object = None
        self._error: BaseException | None = None
        self._on_success = on_success
        self._on_error = on_error
        self._observed = False
        self._timeout: TimerHandle | None = None
        activity.add()
        tracer.record("i", lane, "request", "sent " + label)

    # -- state ---------------------------------------------------------------

    @property
    def state(self) -> RequestState:
        """The current state. Thread: any."""
        return self._state

    @property
    def is_done(self) -> bool:
        """Whether the request completed (any way). Thread: any."""
        return self._finished

    def set_timeout(self, handle: TimerHandle) -> None:
        """Remember the timeout timer so completion can cancel it."""
        self._timeout = handle
        if self._finished:
            handle.cancel()

    # -- completion (first one wins) -----------------------------------------

    def succeed(self, value: object) -> bool:
        """Complete with the handler's value; False if already complete."""
        return self._complete(RequestState.SUCCEEDED, value, None, "result")

    def fail(self, error: BaseException) -> bool:
        """Complete with an error; False if already complete."""
        return self._complete(RequestState.FAILED, None, error, "error")

    def reply(self, value: object, error: BaseException | None) -> None:
        """Complete with the handler's outcome: ``error`` or else ``value``."""
        if error is None:
            self._complete(RequestState.SUCCEEDED, value, None, "result")
        else:
            self._complete(RequestState.FAILED, None, error, "error")

    def time_out(self, seconds: float) -> bool:
        """Complete with a TimeoutException (the timer thread calls this)."""
        error = TimeoutException(
            f"Request to {self.label} timed out after {seconds:g} s"
        )
        return self._complete(RequestState.FAILED, None, error, "timeout")

    def cancel(self) -> bool:
        """Complete with a CancellationException; False if already complete.

        A cancel is deliberate, so its error counts as observed.
        """
        error = CancellationException(f"Request to {self.label} was cancelled")
        with self._lock:
            if self._state is RequestState.PENDING:
                self._observed = True
        return self._complete(RequestState.CANCELLED, None, error, "cancel")

    def _complete(
        self,
        state: RequestState,
        value: object,
        error: BaseException | None,
        how: str,
    ) -> bool:
        with self._lock:
            if self._state is not RequestState.PENDING:
                late = True
            else:
                late = False
                self._state, self._value, self._error = state, value, error
                self.completed_at = time.perf_counter_ns()
                callback = self._on_error if error is not None else self._on_success
                if error is not None and callback is not None:
                    self._observed = True
        if late:
            self._tracer.record(
                "i",
                self._lane,
                "request",
                f"discarded late {how} for {self.label}",
                args={"id": self.id},
            )
            return False
        # Written before ``_done`` is read, as wait() makes it before it reads
        # ``_finished``: one of the two sees the other (the GIL orders them).
        self._finished = True
        done = self._done
        if done is not None:
            done.set()
        if self._timeout is not None:
            self._timeout.cancel()
            self._timeout = None
        # One span from send to completion on the caller's lane.
        now = time.perf_counter_ns()
        self._tracer.record(
            "X",
            self._lane,
            "request",
            f"{self.label} ({state._value_})",  # not .value: a slow descriptor
            ts=self.sent_at,
            duration=now - self.sent_at,
        )
        if callback is not None:
            self._deliver(callback, value if error is None else error, error)
        self._activity.done()  # after the callback is queued: no idle gap
        if error is not None and not self._observed:
            self._on_unobserved(self)
        return True

    def _deliver(
        self,
        callback: Callable[[object], object],
        argument: object,
        error: BaseException | None,
    ) -> None:
        self._run_callback(callback, argument, "onError" if error else "onSuccess")

    # -- callbacks -----------------------------------------------------------

    def on_success(self, fn: Callable[[object], object] | None) -> None:
        """Set or replace the success callback; after success it runs (deferred)."""
        with self._lock:
            self._on_success = fn
            run_now = self._state is RequestState.SUCCEEDED
        if run_now and fn is not None:
            self._deliver(fn, self._value, None)

    def on_error(self, fn: Callable[[object], object] | None) -> None:
        """Set or replace the error callback; after an error it runs (deferred)."""
        with self._lock:
            self._on_error = fn
            run_now = self._error is not None
            if run_now and fn is not None:
                self._observed = True
        if run_now and fn is not None:
            self._deliver(fn, self._error, self._error)

    # -- blocking waits ------------------------------------------------------

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for completion in the calling thread; returns whether done."""
        if self._finished:
            return True
        with self._lock:
            if self._done is None:
                self._done = Flag()
            done = self._done
        if self._finished:
            return True
        return done.wait(timeout)

    def outcome(self) -> tuple[object, BaseException | None]:
        """``(value, error)`` of a completed request; marks an error observed."""
        with self._lock:
            self._observed = True
            return self._value, self._error

    @property
    def is_observed(self) -> bool:
        """Whether someone saw the outcome. Thread: any."""
        return self._observed

    @property
    def error(self) -> BaseException | None:
        """The error, if it failed (without marking it observed)."""
        return self._error
