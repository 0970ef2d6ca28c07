"""The simulation: one GUI thread, a gateway, client sessions and the instruments.

:class:`Simulation` is the composition root of the runtime. It is created on
the GUI thread (the Qt main thread, standing in for Swing's EDT, named
``AWT-EventQueue-0``) and owns the activity counter, the timeline, the error
and output sinks, the stall monitor, the thread guard, the GUI dispatcher and
the timer thread. It knows when everything is idle and shuts down within a
bounded time.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QMetaMethod, QObject, Qt, QTimer, Signal, Slot

from visionsim.runtime import context
from visionsim.runtime.activity import Activity
from visionsim.runtime.client import ClientSession
from visionsim.runtime.dispatch import GuiDispatcher
from visionsim.runtime.errors import ErrorSink
from visionsim.runtime.gateway import Gateway
from visionsim.runtime.messaging import MessageBus
from visionsim.runtime.network import GatewayNetwork
from visionsim.runtime.output import OutputSink
from visionsim.runtime.stall import StallMonitor, StallThresholds
from visionsim.runtime.thread_guard import Penalty, ThreadGuard
from visionsim.runtime.trace import Tracer
from visionsim.runtime.workers import TimerThread, start_daemon_thread

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime.project import Project

GUI_LANE = 1
LOCAL_GATEWAY = "local"
DEFAULT_REQUEST_TIMEOUT_S = 60.0


class Simulation(QObject):
    """Everything a simulated Vision client and gateway share.

    Create on the GUI thread after the Q(Core)Application exists.

    Parameters
    ----------
    thresholds
        Stall thresholds (defaults 50 / 500 / 5000 ms).
    penalty
        Thread-guard penalties.
    sample_stalls
        Start the stall sampler thread (stacks and GIL attribution).
    tracer
        Record into this tracer (a reloaded project keeps its timeline).
    """

    idle_reached = Signal()  # () -- emitted on the GUI thread

    def __init__(
        self,
        thresholds: StallThresholds | None = None,
        penalty: Penalty = Penalty.LOG | Penalty.CALLBACK,
        *,
        sample_stalls: bool = True,
        tracer: Tracer | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        context.bind(
            context.ExecContext(GUI_LANE, context.GUI_THREAD_NAME, context.CLIENT)
        )
        self.activity = Activity()
        self.tracer = tracer or Tracer()
        self.tracer.name_lane(GUI_LANE, "Vision client", context.GUI_THREAD_NAME)
        self.errors = ErrorSink()
        self.output = OutputSink()
        self.stall = StallMonitor(self.tracer, GUI_LANE, thresholds)
        self.guard = ThreadGuard(self.tracer, penalty)
        self.dispatcher = GuiDispatcher(
            self.activity, self.errors, self.tracer, self.stall, parent=self
        )
        self.timers = TimerThread()
        self.network = GatewayNetwork()
        self.bus = MessageBus(self)
        #: Default ``timeoutSec`` of sendRequest/sendRequestAsync (seconds).
        self.request_timeout_s = DEFAULT_REQUEST_TIMEOUT_S
        self.gateways: dict[str, Gateway] = {}
        #: Called with each new client before it starts (windows, dialogs).
        self.client_setup: Callable[[ClientSession], None] | None = None
        self.clients: list[ClientSession] = []
        self._wait_loops: list[QEventLoop] = []
        self._wait_interrupted = False
        self._idle_method = QMetaMethod.fromSignal(self.idle_reached)
        self.activity.on_idle(self._on_activity_idle)
        self._idle_relay.connect(self._on_idle_relay)
        if sample_stalls:
            self.stall.start_sampler(start_daemon_thread)

    _idle_relay = Signal()  # () -- from any thread to the GUI thread

    @property
    def gateway(self) -> Gateway:
        """The local gateway (created on first use)."""
        if LOCAL_GATEWAY not in self.gateways:
            self.gateways[LOCAL_GATEWAY] = Gateway(self, LOCAL_GATEWAY)
        return self.gateways[LOCAL_GATEWAY]

    def add_gateway(self, name: str) -> Gateway:
        """The remote gateway called ``name``, created and linked if new."""
        if name == LOCAL_GATEWAY:
            return self.gateway
        if name not in self.gateways:
            self.gateways[name] = Gateway(self, name)
            self.network.add(name)
        return self.gateways[name]

    def add_remote(self, name: str, project: Project) -> Gateway:
        """A remote gateway hosting ``project``, started (``--remote NAME=DIR``)."""
        gateway = self.add_gateway(name)
        gateway.add_project(project)
        gateway.start()
        return gateway

    def open_project(
        self, project: Project, startup_wait: float = 5.0, **identity: object
    ) -> ClientSession:
        """Host ``project`` on the local gateway, start it, and start one client.

        Runs the gateway startup script on a gateway thread and waits for it
        (at most ``startup_wait`` s: a gateway is up before clients connect),
        then runs the client startup script here, on the GUI thread.

        Thread: GUI only.
        """
        gateway = self.gateway
        gateway.add_project(project)
        deadline = time.monotonic() + startup_wait
        for task in gateway.start():
            task.wait_done(max(0.0, deadline - time.monotonic()))
        return self.add_client(project, **identity)

    def add_client(self, project: Project, **identity: object) -> ClientSession:
        """Start another client session of ``project``. Thread: GUI only.

        :attr:`client_setup` (set by the upper layers) plugs windows and
        dialogs into the client before its startup scripts run.
        """
        client = ClientSession(self, project, self.gateway, **identity)  # type: ignore[arg-type]
        self.clients.append(client)
        if self.client_setup is not None:
            self.client_setup(client)
        client.start()
        return client

    def is_idle(self) -> bool:
        """No queued/delayed calls, running tasks or pending requests. Thread: any."""
        return self.activity.is_idle

    def wait_idle(self, timeout: float) -> bool:
        """Run the event loop until idle or ``timeout`` seconds pass.

        Returns whether the simulation became idle. Thread: GUI only.
        """
        if self.is_idle():
            return True
        loop = QEventLoop()
        self._wait_loops.append(loop)
        self.idle_reached.connect(loop.quit)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(loop.quit)
        deadline = time.monotonic() + timeout
        try:
            while not self.is_idle() and not self._wait_interrupted:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                # Re-armed each turn: a timer that fired a hair early must not
                # leave the next exec() running with nothing to end it.
                timer.start(math.ceil(left * 1000))
                loop.exec()
        finally:
            self.idle_reached.disconnect(loop.quit)
            self._wait_loops.remove(loop)
            timer.stop()
            self._wait_interrupted = False  # an interrupt ends one wait
        return self.is_idle()

    def interrupt_wait(self) -> None:
        """Make the running :meth:`wait_idle` return now (Ctrl+C), or the next one.

        An interrupt that comes just before the wait starts is not lost: the
        wait returns at once. Thread: GUI only.
        """
        self._wait_interrupted = True
        for loop in self._wait_loops:
            loop.quit()
            # exec() forgets a quit() made just before it starts; a queued one
            # also ends a loop this interrupt landed just before.
            QTimer.singleShot(0, loop, loop.quit)

    def shutdown(self, timeout: float = 2.0) -> bool:
        """Cancel every task cooperatively and wait at most ``timeout`` s in all.

        Returns whether every thread ended in time. Thread: GUI only.
        """
        deadline = time.monotonic() + timeout
        for client in self.clients:  # no event script may run after this
            if client.vision.windows is not None:
                client.vision.windows.close_all()
        for gateway in self.gateways.values():
            gateway.stop_timers()
        everyone = [c.workers for c in self.clients] + [
            g.workers for g in self.gateways.values()
        ]
        for workers in everyone:  # interrupt all first, then wait
            workers.shutdown(0)
        ended = True
        parts: list[ClientSession | Gateway] = [*self.clients, *self.gateways.values()]
        for part in parts:
            left = max(0.0, deadline - time.monotonic())
            ended = part.shutdown(left) and ended
        self.stall.stop_sampler()
        self.timers.stop()
        self.dispatcher.stop()
        return ended

    def stop(self, timeout: float = 2.0) -> bool:
        """Close like a user would: shutdown scripts, then :meth:`shutdown`.

        Thread: GUI only.
        """
        deadline = time.monotonic() + timeout
        for client in self.clients:
            script = client.project.client_events.shutdown
            if script.strip():
                client.run_script(
                    script, f"{client.project.name}/client-events/shutdown"
                )
        for gateway in self.gateways.values():
            gateway.run_shutdown_scripts(max(0.0, (deadline - time.monotonic()) / 2))
        return self.shutdown(max(0.0, deadline - time.monotonic()))

    def _on_activity_idle(self) -> None:
        # Called on whichever thread finished the last work item. On the GUI
        # thread (a drain ending, the common case) announce it directly: a
        # relayed emit would cost microseconds on every round trip. Nobody
        # listening (no wait_idle running): nothing to say, and an emit would
        # hand the GIL to a worker thread at every idle moment.
        if not self.isSignalConnected(self._idle_method):
            return
        if self.dispatcher.is_gui_thread():
            self._on_idle_relay()
        else:
            self._idle_relay.emit()

    @Slot()
    def _on_idle_relay(self) -> None:
        if self.is_idle():
            self.idle_reached.emit()
