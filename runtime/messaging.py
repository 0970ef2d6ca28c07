"""Message handlers and the message bus behind sendMessage and sendRequest.

A :class:`HandlerSet` holds one project's compiled handlers in one scope, each
with the executor its ``threading`` names: a gateway's Shared pool, a
Dedicated thread of its own, a client's shared background thread, or the GUI
thread (client ``EDT``). A handler never runs on the caller's thread. The
:class:`MessageBus` routes messages and requests to gateways (local, or
remote over a :class:`~visionsim.runtime.network.Link` with its latency and faults) and
to client sessions through the sendMessage filters. The bus's lock protects
the list of failed requests nobody has looked at yet.
"""

from __future__ import annotations

import ast
import copy
import textwrap
import threading
import time
import traceback
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from visionsim.runtime import context, sources
from visionsim.runtime.jython.java.errors import (
    GatewayNetworkException,
    HandlerError,
    InterruptedException,
    MessageHandlerException,
)
from visionsim.runtime.network import UnknownGatewayError
from visionsim.runtime.project import ProjectError
from visionsim.runtime.requests import PendingRequest

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from visionsim.runtime.client import ClientSession
    from visionsim.runtime.errors import ErrorReport
    from visionsim.runtime.gateway import Gateway
    from visionsim.runtime.network import Link
    from visionsim.runtime.project import HandlerSpec
    from visionsim.runtime.requests import CallbackRunner
    from visionsim.runtime.scripting import ScriptScope
    from visionsim.runtime.simulation import Simulation

    Reply = Callable[[object, BaseException | None], None]

SCOPE_LETTERS = "CGS"


class Executor(Protocol):
    """Where a handler runs: ``submit(job)`` queues it (FifoPool, GUI)."""

    def submit(self, job: Callable[[], object], source: str = ...) -> None:
        """Queue ``job()`` to run on this executor's thread(s)."""


class HandlerSet:
    """One project's message handlers in one scope, compiled, with executors.

    Raises :class:`ProjectError` (naming the YAML file and line) when a
    handler's script does not compile.
    """

    def __init__(
        self,
        sim: Simulation,
        scope: ScriptScope,
        specs: dict[str, HandlerSpec],
        *,
        label: str,
        yaml_path: Path | None,
        executor_for: Callable[[HandlerSpec], Executor],
    ) -> None:
        self.label = label
        self._sim = sim
        self.specs = dict(specs)
        # name -> (function, executor, script name, error source), built once
        self._handlers = {
            name: (
                _compile_handler(
                    scope, spec, f"{label}/messageHandlers/{name}", yaml_path
                ),
                executor_for(spec),
                f"{label}/messageHandlers/{name}",
                f"message handler {label}/messageHandlers/{name}",
            )
            for name, spec in specs.items()
        }
        self._run_job = self._run  # bound once, not per message

    def deliver(
        self, name: str, payload: dict[str, Any], reply: Reply | None = None
    ) -> bool:
        """Queue handler ``name`` with ``payload``; False if there is none.

        ``reply(value, error)`` receives the outcome (requests); without it, an
        error is reported to the error sink (a message nobody waits for).
        """
        entry = self._handlers.get(name)
        if entry is None:
            return False
        fn, executor, label, source = entry
        queued_at = time.perf_counter_ns()
        job = partial(self._run_job, label, fn, payload, reply, queued_at)
        executor.submit(job, source)
        return True

    def _run(
        self,
        label: str,
        fn: Callable[[dict[str, Any]], object],
        payload: dict[str, Any],
        reply: Reply | None,
        queued_at: int,
    ) -> None:
        tracer = self._sim.tracer
        ctx = context.current()
        lane = ctx.lane
        queued_ms = round((time.perf_counter_ns() - queued_at) / 1e6, 3)
        tracer.record("B", lane, "handler", label, args={"queued_ms": queued_ms})
        try:
            value = fn(payload)
        except BaseException as exc:  # the caller gets it, whatever it is
            if ctx.terminated and isinstance(exc, InterruptedException):
                return  # the simulation is stopping this thread
            if reply is None:
                self._sim.errors.report_exception(exc, f"message handler {label}")
            else:
                reply(None, _handler_error(label, exc))
        else:
            if reply is not None:
                reply(value, None)
        finally:
            tracer.record("E", lane, "handler", label)


class GuiExecutor:
    """Runs handler jobs on the GUI thread (client ``EDT`` threading)."""

    def __init__(self, sim: Simulation) -> None:
        self._dispatcher = sim.dispatcher

    def submit(self, job: Callable[[], object], source: str = "handler") -> None:
        """Post ``job`` to the GUI thread (deferred, FIFO)."""
        self._dispatcher.post(job, source=source)


class MessageBus:
    """Routes messages and requests between scopes, gateways and clients."""

    def __init__(self, sim: Simulation) -> None:
        self._sim = sim
        self._lock = threading.Lock()
        self._failed: list[PendingRequest] = []
        self._on_failed = self._remember_failed  # bound once, not per request
        #: Report a failed request nobody observed this many seconds after it
        #: failed (the app sets it); None keeps them for :meth:`flush_unobserved`
        #: (the headless runner flushes at the end of the run).
        self.unobserved_grace_s: float | None = None

    # -- sendRequest / sendRequestAsync --------------------------------------

    def send_request(
        self,
        origin: Gateway,
        project: str,
        handler: str,
        payload: dict[str, Any],
        remote_server: str | None,
        timeout_s: float,
        run_callback: CallbackRunner,
        on_success: Callable[[object], object] | None = None,
        on_error: Callable[[object], object] | None = None,
    ) -> PendingRequest:
        """Send a request to a gateway handler; returns the pending request.

        The callbacks are set before the request can complete (no lock taken
        against the handler's thread for each request).

        A ``remote_server`` nobody has fails the request with
        :class:`~visionsim.runtime.network.UnknownGatewayError`, through
        onError / get() as any error the gateway answers with: a client cannot
        know the Gateway Network, its gateway finds out. Thread: any.
        """
        unknown: UnknownGatewayError | None = None
        try:
            target, link = self._route(origin, remote_server)
        except UnknownGatewayError as exc:
            target, link, unknown = origin, None, exc
        sim = self._sim
        request = PendingRequest(
            f"{project}/{handler}",
            run_callback,
            sim.activity,
            sim.tracer,
            context.current().lane,
            self._on_failed,
            on_success,
            on_error,
        )
        # Bound methods and partials, not closures, on the local path: each
        # closure is several objects for the garbage collector to scan while
        # the request is pending, and a pipelined burst keeps thousands.
        request.set_timeout(
            sim.timers.call_later(timeout_s, partial(request.time_out, timeout_s))
        )
        if unknown is not None:
            request.fail(unknown)
            return request
        if link is None:
            self._deliver(target, project, handler, payload, request, request.reply)
            return request

        def reply(value: object, error: BaseException | None) -> None:
            if error is None:
                self._over_link(link, lambda: request.succeed(value))
            else:
                self._over_link(link, lambda: request.fail(error))

        def deliver() -> None:
            self._deliver(target, project, handler, payload, request, reply)

        def fault() -> None:
            request.fail(_unreachable(link))

        self._over_link(link, deliver, fault)
        return request

    @staticmethod
    def _deliver(
        target: Gateway,
        project: str,
        handler: str,
        payload: dict[str, Any],
        request: PendingRequest,
        reply: Reply,
    ) -> None:
        handlers = target.handlers.get(project)
        if handlers is None:
            request.fail(
                MessageHandlerException(
                    f'Project "{project}" is not running on gateway "{target.name}"'
                )
            )
        elif not handlers.deliver(handler, payload, reply):
            request.fail(MessageHandlerException(_missing(handler, target)))

    # -- sendMessage ----------------------------------------------------------

    def send_message(
        self,
        origin: Gateway,
        project: str,
        handler: str,
        payload: dict[str, Any],
        scope: str,
        filters: dict[str, str | None],
        remote_servers: list[str] | None,
    ) -> list[str]:
        """Deliver to every selected gateway and client; one status per target.

        Thread: any.
        """
        names = [None] if remote_servers is None else list(remote_servers)
        routes = [self._route(origin, name) for name in names]  # fail fast
        statuses: list[str] = []
        for gateway, link in routes:
            if link is not None and not link.is_connected:
                statuses.append(
                    f"type=Gateway,gateway={gateway.name},sendStatus=ERROR,"
                    f"error=link faulted"
                )
                continue
            if "G" in scope:
                statuses.append(
                    f"type=Gateway,gateway={gateway.name},project={project},"
                    f"messageHandler={handler},sendStatus=SENT"
                )
                self._over_link(
                    link,
                    self._deliver_later(
                        self._to_gateway, gateway, project, handler, payload
                    ),
                )
            if "C" in scope:
                for client in self._clients(gateway, project, filters):
                    statuses.append(
                        f"type=Client,sessionId={client.client_id},"
                        f"clientHostName={client.host_name},"
                        f"clientProject={project},sendStatus=SENT"
                    )
                    self._over_link(
                        link,
                        self._deliver_later(self._to_client, client, handler, payload),
                    )
        return statuses

    @staticmethod
    def _deliver_later(fn: Callable[..., None], *args: object) -> Callable[[], None]:
        def deliver() -> None:
            fn(*args)

        return deliver

    def _clients(
        self, gateway: Gateway, project: str, filters: dict[str, str | None]
    ) -> list[ClientSession]:
        def matches(client: ClientSession) -> bool:
            want = filters
            return (
                client.gateway is gateway
                and client.project.name == project
                and want.get("clientSessionId") in (None, client.client_id)
                and want.get("user") in (None, client.user_name)
                and (want.get("hasRole") is None or want["hasRole"] in client.roles)
                and want.get("hostName") in (None, client.host_name)
            )

        return [c for c in self._sim.clients if matches(c)]

    def _to_gateway(
        self, gateway: Gateway, project: str, handler: str, payload: dict[str, Any]
    ) -> None:
        handlers = gateway.handlers.get(project)
        if handlers is None or not handlers.deliver(handler, _copy(payload)):
            self._log_missing(f"gateway {gateway.name}", _missing(handler, gateway))

    def _to_client(
        self, client: ClientSession, handler: str, payload: dict[str, Any]
    ) -> None:
        if not client.handlers.deliver(handler, _copy(payload)):
            self._log_missing(
                f"client {client.client_id}",
                f'The client message handler "{handler}" could not be found in '
                f'project "{client.project.name}"',
            )

    def _log_missing(self, where: str, text: str) -> None:
        self._sim.output.write(
            f"MessageHandlerException ({where}): {text}\n", is_error=True
        )

    # -- links ----------------------------------------------------------------

    def _route(self, origin: Gateway, name: str | None) -> tuple[Gateway, Link | None]:
        if name is None or name == origin.name:
            return origin, None
        sim = self._sim
        local = sim.gateway
        if name == local.name:  # a remote gateway answering back
            return local, sim.network.link(origin.name)
        link = sim.network.link(name)
        return sim.gateways[name], link

    def _over_link(
        self,
        link: Link | None,
        fn: Callable[[], object],
        on_fault: Callable[[], object] | None = None,
    ) -> None:
        """Run ``fn`` after the link's latency (now if local or no latency)."""
        if link is None:
            fn()
            return
        timers = self._sim.timers
        if not link.is_connected:
            if on_fault is not None:
                timers.call_later(link.connect_timeout_s, on_fault)
            return
        if link.latency_ms <= 0:
            fn()
            return
        activity = self._sim.activity
        activity.add()  # in flight on the link

        def arrive() -> None:
            try:
                fn()
            finally:
                activity.done()

        timers.call_later(link.latency_ms / 1000.0, arrive)

    # -- errors nobody looked at ----------------------------------------------

    def _remember_failed(self, request: PendingRequest) -> None:
        with self._lock:
            if len(self._failed) > 1000:
                self._failed = [r for r in self._failed if not r.is_observed]
            self._failed.append(request)
        grace = self.unobserved_grace_s
        if grace is not None:
            self._sim.timers.call_later(grace, lambda: self.flush_unobserved(grace))

    def flush_unobserved(self, older_than_s: float = 0.0) -> list[ErrorReport]:
        """Report every failed request whose error nobody observed.

        ``older_than_s``: only those that failed at least that long ago; the
        others wait for a later flush (a script may still call ``get()``).
        Each request is reported at most once. Thread: any.
        """
        cutoff = time.perf_counter_ns() - int(older_than_s * 1e9)
        with self._lock:
            failed = [r for r in self._failed if (r.completed_at or 0) <= cutoff]
            self._failed = [r for r in self._failed if (r.completed_at or 0) > cutoff]
        reports = []
        for request in failed:
            error = request.error
            if error is not None and not request.is_observed:
                reports.append(
                    self._sim.errors.report_exception(
                        error, f"sendRequestAsync to {request.label} (unobserved)"
                    )
                )
        return reports


def copy_payload(payload: object) -> dict[str, Any]:
    """The handler's own copy of a payload (``{}`` when none was sent).

    Raises TypeError for a payload that is not a dict, as Ignition does.
    """
    if payload is None:
        return {}
    if not isinstance(payload, dict):
        raise TypeError(f"payload must be a dict, not {type(payload).__name__}")
    return _copy(payload)


_SIMPLE = frozenset((str, int, float, bool, type(None)))


def _copy(payload: dict[str, Any]) -> dict[str, Any]:
    # Messages cross a process (or network) boundary in Ignition: the handler
    # never shares the sender's objects. Flat payloads need no deep copy.
    for value in payload.values():  # a loop, not all(): no generator per send
        if type(value) not in _SIMPLE:
            break
    else:
        return dict(payload)
    try:
        return copy.deepcopy(payload)
    except Exception:  # an object that cannot be copied still goes through
        return dict(payload)


def _compile_handler(
    scope: ScriptScope, spec: HandlerSpec, name: str, yaml_path: Path | None
) -> Callable[[dict[str, Any]], object]:
    body = spec.script if spec.script.strip() else "pass"
    text = "def handleMessage(payload):\n" + textwrap.indent(body, "    ")
    try:
        tree = ast.parse(text, name)
    except SyntaxError as exc:
        line = (exc.lineno or 1) - 1
        raise ProjectError(
            yaml_path or name,
            f"message handler {spec.name!r}: {exc.msg} (script line {line})",
            spec.line,
        ) from None
    ast.increment_lineno(tree, -1)  # the body's own line numbers
    sources.register(name, body)
    namespace = scope.namespace()
    exec(compile(tree, name, "exec", dont_inherit=True), namespace)
    handler: Callable[[dict[str, Any]], object] = namespace["handleMessage"]
    return handler


def _handler_error(label: str, exc: BaseException) -> HandlerError:
    frames = sources.user_frames(exc.__traceback__)
    trace = "".join(traceback.StackSummary.from_list(frames).format())
    error = HandlerError(
        f"Message handler {label} raised {type(exc).__name__}: {exc}", trace
    )
    error.__cause__ = exc
    return error


def _missing(handler: str, gateway: Gateway) -> str:
    return (
        f'The message handler "{handler}" could not be found! Check your event '
        f'script message handlers (gateway "{gateway.name}").'
    )


def _unreachable(link: Link | None) -> GatewayNetworkException:
    name = link.name if link is not None else "?"
    return GatewayNetworkException(
        f'Gateway "{name}" is not reachable: the link is faulted '
        f"(gave up after the {link.connect_timeout_s if link else 0:g} s "
        "connect timeout)"
    )


class ScopeMessenger:
    """What one scripting scope's ``system.util`` messaging functions use.

    Parameters
    ----------
    sim
        The simulation (its bus, settings and stall monitor).
    gateway
        The gateway this scope talks to (its own, for gateway scope).
    run_callback
        Delivers request callbacks on the scope's thread: the GUI dispatcher
        in client scope, the gateway's callback thread in gateway scope.
    """

    def __init__(
        self, sim: Simulation, gateway: Gateway, run_callback: CallbackRunner
    ) -> None:
        self.sim = sim
        self.gateway = gateway
        self.run_callback = run_callback

    @property
    def default_timeout_s(self) -> float:
        """The request timeout when a script gives none (settings: 60 s)."""
        return self.sim.request_timeout_s

    def send_request(
        self,
        project: str,
        handler: str,
        payload: dict[str, Any],
        remote_server: str | None,
        timeout_s: float,
        on_success: Callable[[object], object] | None = None,
        on_error: Callable[[object], object] | None = None,
    ) -> PendingRequest:
        """Send a request from this scope (callbacks run on its thread). Thread: any."""
        return self.sim.bus.send_request(
            self.gateway,
            project,
            handler,
            payload,
            remote_server,
            timeout_s,
            self.run_callback,
            on_success,
            on_error,
        )

    def send_message(
        self,
        project: str,
        handler: str,
        payload: dict[str, Any],
        scope: str,
        filters: dict[str, str | None],
        remote_servers: list[str] | None,
    ) -> list[str]:
        """Send a message from this scope; returns the status list."""
        return self.sim.bus.send_message(
            self.gateway, project, handler, payload, scope, filters, remote_servers
        )
