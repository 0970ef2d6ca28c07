"""SQL Query and Named Query bindings: poll off the GUI thread, apply on it.

A Vision query binding runs its query in the background and sets the
component property on the EDT (reference/ignition-tags-db.md section 9), so
``propertyChange`` fires there. Here the query runs on a worker pool thread,
the result is posted through the GUI dispatcher to ``apply``, and the next
poll is scheduled ``pollMs`` after that delivery (a fixed delay, so a slow
query or a busy GUI never piles polls up). :func:`start_query_binding` is
what the binding engine calls for a ``query`` or ``namedQuery``
:class:`~visionsim.runtime.windows.BindingSpec`.

``_lock`` protects the poll timer and the stopped flag.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, cast

from visionsim.runtime.dataset import from_driver
from visionsim.runtime.jython.java.errors import Throwable

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from visionsim.runtime.client import ClientSession
    from visionsim.runtime.db.service import Databases
    from visionsim.runtime.dispatch import GuiDispatcher
    from visionsim.runtime.errors import ErrorSink
    from visionsim.runtime.windows import BindingSpec
    from visionsim.runtime.workers import FifoPool, TimerHandle, TimerThread

__all__ = ["QueryBinding", "start_client_query_binding", "start_query_binding"]


class QueryBinding:
    """One polling query binding on one component property.

    Parameters
    ----------
    spec
        The binding: ``kind`` ``query`` (``source`` is SQL) or ``namedQuery``
        (``source`` is its path, ``params`` its parameters); ``poll_ms``
        (None or 0: run once) and ``database``.
    apply
        Sets the property; called on the GUI thread with a Dataset (or, with
        ``scalar``, the first value of the first row).
    databases, project
        Where the query runs, and the project whose defaults it uses.
    pool, timers, dispatcher, errors
        The worker pool the query runs on, the timer thread that schedules
        polls, the GUI dispatcher and the error sink for a failing query.
    scalar
        Apply the first value (a Label's text) instead of the dataset.

    Thread: any (every public method).
    """

    def __init__(
        self,
        spec: BindingSpec,
        apply: Callable[[object], None],
        *,
        databases: Databases,
        project: str,
        pool: FifoPool,
        timers: TimerThread,
        dispatcher: GuiDispatcher,
        errors: ErrorSink,
        scalar: bool = False,
    ) -> None:
        if spec.kind not in ("query", "namedQuery"):
            raise ValueError(f"not a query binding: {spec.kind!r}")
        self.spec = spec
        self._apply = apply
        self._dbs = databases
        self._project = project
        self._pool = pool
        self._timers = timers
        self._dispatcher = dispatcher
        self._errors = errors
        self._scalar = scalar
        self._params: Mapping[str, object] = dict(spec.params)
        self._lock = threading.Lock()
        self._timer: TimerHandle | None = None
        self._stopped = False
        self._last_error: str | None = None
        #: How many times the query ran, and how many results were applied.
        self.polls = 0
        self.applied = 0

    @property
    def name(self) -> str:
        """``"<target> <- <query>"`` for error reports and the timeline."""
        return f"{self.spec.target} binding ({self.spec.kind}: {self.spec.source})"

    def start(self) -> None:
        """Run the query now (the window opened); polling follows."""
        self.refresh()

    def refresh(self, params: Mapping[str, object] | None = None) -> None:
        """Run the query again now (``system.db.refresh``), with new parameters."""
        with self._lock:
            if self._stopped:
                return
            if params is not None:
                self._params = dict(params)
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        self._pool.submit(self._poll, self.name)

    def stop(self) -> None:
        """No more polls (the window closed); a result in flight is dropped."""
        with self._lock:
            self._stopped = True
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

    @property
    def is_stopped(self) -> bool:
        """Whether :meth:`stop` was called."""
        return self._stopped

    def _poll(self) -> None:
        """On a pool thread: run the query, post the result to the GUI thread."""
        self.polls += 1
        try:
            value = self._query()
        except (Exception, Throwable) as exc:
            self._report(exc)
            self._schedule()
            return
        self._last_error = None
        self._dispatcher.post(lambda: self._deliver(value), 0, None, "query binding")

    def _query(self) -> object:
        spec = self.spec
        if spec.kind == "query":
            result = self._dbs.run(
                spec.source, (), "query", database=spec.database, project=self._project
            )
        else:
            named = self._dbs.named_query(self._project, spec.source)
            sql, args = named.bind(self._params)
            mode = "query" if named.kind != "UpdateQuery" else "update"
            result = self._dbs.run(
                sql, args, mode, database=named.database, project=self._project
            )
            if isinstance(result, int):
                return result
        columns, rows = cast("tuple[list[str], list[tuple[object, ...]]]", result)
        data = from_driver(columns, rows)
        if self._scalar:
            return data.getValueAt(0, 0) if data.getRowCount() else _NO_ROWS
        return data

    def _deliver(self, value: object) -> None:
        """On the GUI thread: set the property (propertyChange fires), re-arm."""
        if self._stopped:
            return
        if value is not _NO_ROWS:
            self.applied += 1
            self._apply(value)
        self._schedule()

    def _schedule(self) -> None:
        poll_ms = self.spec.poll_ms
        if not poll_ms or poll_ms <= 0:
            return
        with self._lock:
            if self._stopped:
                return
            self._timer = self._timers.call_later(
                poll_ms / 1000.0, lambda: self._pool.submit(self._poll, self.name)
            )

    def _report(self, exc: BaseException) -> None:
        # A polling binding that keeps failing reports once, not every poll.
        text = f"{type(exc).__name__}: {exc}"
        if text == self._last_error:
            return
        self._last_error = text
        self._errors.report_exception(exc, self.name, handled=True)


_NO_ROWS = object()


def start_query_binding(
    spec: BindingSpec,
    apply: Callable[[object], None],
    *,
    databases: Databases,
    project: str,
    pool: FifoPool,
    timers: TimerThread,
    dispatcher: GuiDispatcher,
    errors: ErrorSink,
    scalar: bool = False,
) -> QueryBinding:
    """Start a ``query``/``namedQuery`` binding; :meth:`QueryBinding.stop` ends it.

    Thread: any (``apply`` always runs on the GUI thread).
    """
    binding = QueryBinding(
        spec,
        apply,
        databases=databases,
        project=project,
        pool=pool,
        timers=timers,
        dispatcher=dispatcher,
        errors=errors,
        scalar=scalar,
    )
    binding.start()
    return binding


def start_client_query_binding(
    client: ClientSession,
    spec: BindingSpec,
    apply: Callable[[object], None],
    *,
    scalar: bool = False,
) -> QueryBinding:
    """:func:`start_query_binding` for a component of ``client``'s windows.

    The query runs on the client's binding thread against its gateway's
    datasources, with its project's defaults. Thread: GUI only.
    """
    sim = client.sim
    return start_query_binding(
        spec,
        apply,
        databases=client.gateway.databases,
        project=client.project_name,
        pool=client.binding_pool,
        timers=sim.timers,
        dispatcher=sim.dispatcher,
        errors=sim.errors,
        scalar=scalar,
    )
