"""visionsim's runtime: gateway, client sessions, scripting and the instruments.

Pure QtCore and standard library (DESIGN.md section 1): nothing here imports
QtWidgets, QtGui, qasync, ``widgets`` or ``app``.
"""

from __future__ import annotations

from runtime.activity import Activity
from runtime.client import ClientSession
from runtime.context import GUI_THREAD_NAME, ExecContext
from runtime.dispatch import GuiDispatcher
from runtime.errors import ErrorReport, ErrorSink
from runtime.gateway import Gateway
from runtime.output import OutputLine, OutputSink
from runtime.project import Project, ProjectError, load_project
from runtime.simulation import GUI_LANE, Simulation
from runtime.stall import StallMonitor, StallReport, StallThresholds
from runtime.thread_guard import Penalty, ThreadGuard, ThreadViolationError, Violation
from runtime.trace import Tracer
from runtime.workers import Task, TimerHandle, TimerThread, Workers

__all__ = [
    "GUI_LANE",
    "GUI_THREAD_NAME",
    "Activity",
    "ClientSession",
    "ErrorReport",
    "ErrorSink",
    "ExecContext",
    "Gateway",
    "GuiDispatcher",
    "OutputLine",
    "OutputSink",
    "Penalty",
    "Project",
    "ProjectError",
    "Simulation",
    "StallMonitor",
    "StallReport",
    "StallThresholds",
    "Task",
    "ThreadGuard",
    "ThreadViolationError",
    "TimerHandle",
    "TimerThread",
    "Tracer",
    "Violation",
    "Workers",
    "load_project",
]
