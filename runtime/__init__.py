"""visionsim's runtime: gateway, client sessions, scripting and the instruments.

Pure QtCore and standard library (docs/DESIGN.md section 1): nothing here imports
QtWidgets, QtGui, qasync, ``widgets`` or ``app``.
"""

from __future__ import annotations

from visionsim.runtime.activity import Activity
from visionsim.runtime.client import ClientSession
from visionsim.runtime.context import GUI_THREAD_NAME, ExecContext
from visionsim.runtime.dispatch import GuiDispatcher
from visionsim.runtime.errors import ErrorReport, ErrorSink
from visionsim.runtime.gateway import Gateway
from visionsim.runtime.output import OutputLine, OutputSink
from visionsim.runtime.project import Project, ProjectError, load_project
from visionsim.runtime.simulation import GUI_LANE, Simulation
from visionsim.runtime.stall import StallMonitor, StallReport, StallThresholds
from visionsim.runtime.thread_guard import (
    Penalty,
    ThreadGuard,
    ThreadViolationError,
    Violation,
)
from visionsim.runtime.trace import Tracer
from visionsim.runtime.workers import Task, TimerHandle, TimerThread, Workers

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
