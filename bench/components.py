"""Benchmark: Vision windows and component properties against raw PySide6.

Measures, in one process, with the runtime's tracing, thread guard and stall
monitor ON (as users run), the GUI thread's CPU time (``time.thread_time``;
judged) and wall time (information) per operation, for a
client whose windows come from :class:`visionsim.widgets.WindowManager` (as in
``tests/widgets/conftest.py``) and a temporary project with one window,
``Big``: 200 components (Labels, Buttons with an ``actionPerformed`` script,
TextFields, CheckBoxes, ProgressBars, NumericTextFields, and 4 Containers
holding 40 of them), each with a few properties set.

(a) open the window: ``system.nav.openWindow("Big")`` then one
    ``QApplication.processEvents()``, timed from the call until that returns;
    the window is then closed (``system.nav.closeWindow``) and its widgets
    deleted, untimed. Baseline: the same 200 plain Qt widgets (QLabel,
    QPushButton with a ``clicked`` slot, QLineEdit, QCheckBox, QProgressBar,
    QFrame; same texts, geometry, parents, tooltips, colours) created directly
    in a top-level QWidget, shown, then one ``processEvents()``. Median of
    OPENS opens per repetition, after warm-up. Target: CPU <= 3x. Info: the
    very first open, which also compiles the window's event scripts.
(b) a property write from a script on the GUI thread,
    ``label.text = "v%d" % i`` through the component facade, where the Label
    has a ``propertyChange`` script (``pass``): the thread guard, the change
    check, the widget update and the event script. Baseline:
    ``QLabel.setText("v%d" % i)`` on a label in a shown window plus a bare
    Python call (the script's counterpart). Target: CPU <= 4x. Info: the same
    write on a Label without a ``propertyChange`` script (against
    ``setText`` alone), and a guarded read (``label.text``) against
    ``QLabel.text()``.

Every measurement runs ``--reps`` times (default 5), raw and visionsim
interleaved in rotating order; cells show the median and the spread. Between
timed operations (untimed) closed windows are deleted, pending events are
processed and the garbage collector runs, for raw and visionsim alike.

Usage: ``.venv/bin/python bench/components.py [--check] [--reps N] [--smoke]``
(``--check``: exit 1 if a target fails; ``--smoke``: tiny sizes, no
judgement, for CI).
"""

from __future__ import annotations

import gc
import json
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import _common as bc  # first: puts the repository on sys.path
import yaml
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from visionsim.runtime import Simulation, load_project
from visionsim.widgets import VisionComponent, WindowManager

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime import ClientSession
    from visionsim.runtime.project import ComponentSpec, WindowSpec

PROJECT = "Bench"
WINDOW = "Big"
WINDOW_SIZE = (1400, 900)
COMPONENTS = 200
CONTAINERS, PER_CONTAINER = 4, 10
CYCLE = ("Label", "Button", "TextField", "CheckBox", "ProgressBar", "NumericTextField")
WATCHED, PLAIN = "Status", "Plain"  # the Labels of (b): with / without a script
BUTTON_SCRIPT = """\
window = system.gui.getParentWindow(event)
status = window.rootContainer.getComponent("Status")
status.text = "Clicked %s" % event.source.text
"""
FIELD_SCRIPT = """\
value = event.source.text.strip()
if value:
    print("entered", value)
"""
CHANGE_SCRIPT = "pass\n"
OPENS, OPEN_WARMUP = 20, 3
WRITES, READS, ACCESS_WARMUP = 20_000, 100_000, 2_000


def use_smoke_sizes() -> None:
    """Tiny sizes: the whole benchmark in a few seconds (``--smoke``)."""
    global OPENS, OPEN_WARMUP, WRITES, READS, ACCESS_WARMUP
    OPENS, OPEN_WARMUP = 1, 0
    WRITES, READS, ACCESS_WARMUP = 200, 1_000, 20


# -- the project ---------------------------------------------------------------


def component(kind: str, n: int, bounds: list[int]) -> dict[str, Any]:
    """One window.yaml component of type ``kind`` (the n-th overall)."""
    data: dict[str, Any] = {"type": kind, "name": f"{kind}{n}", "bounds": bounds}
    props: dict[str, Any] = {"toolTipText": f"{kind} number {n}"}
    events: dict[str, str] = {}
    if kind == "Label":
        props["text"] = f"Label {n}:"
        if n % 4 == 0:
            props["foreground"] = "#1d4ed8"
    elif kind == "Button":
        props["text"] = f"Run {n}"
        events["actionPerformed"] = BUTTON_SCRIPT
    elif kind == "TextField":
        props["text"] = f"value {n}"
        props["editable"] = n % 3 != 0
        if n % 4 == 0:
            events["actionPerformed"] = FIELD_SCRIPT
    elif kind == "CheckBox":
        props["text"] = f"Option {n}"
        props["selected"] = n % 2 == 0
    elif kind == "ProgressBar":
        props["value"] = n % 100
    elif kind == "NumericTextField":
        props["doubleValue"] = n * 1.5
    data["props"] = props
    if events:
        data["events"] = events
    return data


def window_yaml() -> str:
    """The ``Big`` window: COMPONENTS components, CONTAINERS of them containers."""
    loose = COMPONENTS - CONTAINERS * (PER_CONTAINER + 1) - 2
    root: list[dict[str, Any]] = [
        {
            "type": "Label",
            "name": WATCHED,
            "bounds": [10, 10, 300, 24],
            "props": {"text": "Idle", "toolTipText": "status"},
            "events": {"propertyChange": CHANGE_SCRIPT},
        },
        {
            "type": "Label",
            "name": PLAIN,
            "bounds": [320, 10, 300, 24],
            "props": {"text": "Idle", "toolTipText": "plain"},
        },
    ]
    for n in range(loose):
        row, col = divmod(n, 6)
        bounds = [10 + col * 160, 40 + row * 30, 150, 26]
        root.append(component(CYCLE[n % len(CYCLE)], n, bounds))
    for g in range(CONTAINERS):
        children = []
        for k in range(PER_CONTAINER):
            n = loose + g * PER_CONTAINER + k
            row, col = divmod(k, 2)
            children.append(
                component(
                    CYCLE[k % len(CYCLE)], n, [5 + col * 195, 5 + row * 32, 190, 28]
                )
            )
        root.append(
            {
                "type": "Container",
                "name": f"Group{g}",
                "bounds": [980, 10 + g * 215, 400, 200],
                "props": {"toolTipText": f"group {g}"},
                "components": children,
            }
        )
    window = {
        "title": "Big window",
        "size": list(WINDOW_SIZE),
        "rootContainer": {"components": root},
    }
    return yaml.safe_dump(window, sort_keys=False, width=88)


def write_project(root: Path) -> Path:
    """A project with the one ``Big`` window; returns its folder."""
    folder = root / PROJECT
    window = folder / "com.inductiveautomation.vision" / "windows" / WINDOW
    window.mkdir(parents=True)
    (folder / "project.json").write_text(
        json.dumps({"title": "Component benchmark", "description": "", "parent": None}),
        encoding="utf-8",
    )
    (window / "window.yaml").write_text(window_yaml(), encoding="utf-8")
    return folder


def walk(spec: ComponentSpec) -> list[ComponentSpec]:
    """Every component under ``spec`` (not ``spec`` itself), parents first."""
    out = []
    for child in spec.components:
        out.append(child)
        out += walk(child)
    return out


# -- the raw baseline ----------------------------------------------------------


def on_clicked() -> None:
    """The raw buttons' slot (the counterpart of an actionPerformed script)."""


def number_text(value: float) -> str:
    """A NumericTextField's text for ``value`` (as the component shows it)."""
    return str(int(value)) if value.is_integer() else str(value)


def raw_widget(spec: ComponentSpec, parent: QWidget) -> QWidget:
    """One plain Qt widget for ``spec``, in ``parent``, with its properties."""
    kind = spec.type
    widget: Any
    if kind == "Container":
        widget = QFrame(parent)
    elif kind == "Label":
        widget = QLabel(parent)
    elif kind == "Button":
        widget = QPushButton(parent)
        widget.clicked.connect(on_clicked)
    elif kind == "TextField":
        widget = QLineEdit(parent)
    elif kind == "NumericTextField":
        widget = QLineEdit("0", parent)
        widget.setValidator(QDoubleValidator(widget))
    elif kind == "CheckBox":
        widget = QCheckBox(parent)
    elif kind == "ProgressBar":
        widget = QProgressBar(parent)
        widget.setRange(0, 100)
    else:
        raise ValueError(f"no raw widget for {kind}")
    widget.setGeometry(*spec.bounds)
    for name, value in spec.props.items():
        if name == "text":
            widget.setText(value)
        elif name == "toolTipText":
            widget.setToolTip(value)
        elif name == "foreground":
            widget.setStyleSheet(f"color: {value};")
        elif name == "editable":
            widget.setReadOnly(not value)
        elif name == "selected":
            widget.setChecked(value)
        elif name == "value":
            widget.setValue(value)
        elif name == "doubleValue":
            widget.setText(number_text(value))
        else:
            raise ValueError(f"no raw setter for {kind}.{name}")
    return widget


class RawWindow:
    """The baseline window: plain Qt widgets built from the same window spec."""

    def __init__(self, spec: WindowSpec) -> None:
        self.widget = QWidget()
        self.widget.setWindowTitle(spec.title)
        self.widget.resize(*spec.size)
        self.by_name: dict[str, QWidget] = {}
        self._add(spec.root, self.widget)

    def _add(self, spec: ComponentSpec, parent: QWidget) -> None:
        for child in spec.components:
            widget = raw_widget(child, parent)
            self.by_name[child.name] = widget
            self._add(child, widget)

    def close(self) -> None:
        """Close and delete the window (deleteLater, as the window manager)."""
        self.widget.close()
        self.widget.deleteLater()


def settle() -> None:
    """Delete what was deleteLater'd, run pending events, collect garbage."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    gc.collect()


# -- measurements ----------------------------------------------------------------


class Bench:
    """The simulation's client with windows, the window spec, the raw windows."""

    def __init__(self, sim: Simulation, project: Path) -> None:
        self.sim = sim

        def setup(client: ClientSession) -> None:
            client.vision.windows = WindowManager(client)

        sim.client_setup = setup
        self.client = sim.open_project(load_project(project))
        self.nav = self.client.scope.system.nav
        self.spec: WindowSpec = self.client.project.windows[WINDOW]
        specs = walk(self.spec.root)
        if len(specs) != COMPONENTS:
            raise RuntimeError(f"the window has {len(specs)} components")
        self.scripts = sum(len(s.events) for s in specs)
        self.kinds = {kind: sum(s.type == kind for s in specs) for kind in CYCLE}
        self.kinds["Container"] = CONTAINERS
        #: Components visible once open, (visionsim, raw): set by (a).
        self.shown = (COMPONENTS, COMPONENTS)

    # -- (a) ---------------------------------------------------------------------

    def open_ours(self) -> bc.Cost:
        """Cost to open ``Big`` through system.nav and process events once."""
        meter = bc.Meter(thread=True)
        window = self.nav.openWindow(WINDOW)
        QApplication.processEvents()
        elapsed = meter.stop(1)
        if len(window.components) != COMPONENTS + 1:  # + the root container
            raise RuntimeError("the window was not built completely")
        self.nav.closeWindow(WINDOW)
        settle()
        return elapsed

    def open_raw(self) -> bc.Cost:
        """Cost to build the raw window, show it and process events once."""
        meter = bc.Meter(thread=True)
        raw = RawWindow(self.spec)
        raw.widget.show()
        QApplication.processEvents()
        elapsed = meter.stop(1)
        raw.close()
        settle()
        return elapsed

    def visible(self) -> tuple[int, int]:
        """How many components are visible once open: (visionsim, raw)."""
        window = self.nav.openWindow(WINDOW)
        QApplication.processEvents()
        root = window.rootContainer
        ours = sum(
            c.widget.isVisible() for c in window.components.values() if c is not root
        )
        self.nav.closeWindow(WINDOW)
        settle()
        raw = RawWindow(self.spec)
        raw.widget.show()
        QApplication.processEvents()
        theirs = sum(w.isVisible() for w in raw.by_name.values())
        raw.close()
        settle()
        return ours, theirs

    # -- (b) ---------------------------------------------------------------------

    def open_both(self) -> tuple[dict[str, VisionComponent], RawWindow]:
        """Open ``Big`` and a raw window, both shown; the labels of (b)."""
        window = self.nav.openWindow(WINDOW)
        root = window.rootContainer
        labels = {name: root.getComponent(name) for name in (WATCHED, PLAIN)}
        raw = RawWindow(self.spec)
        raw.widget.show()
        settle()
        return labels, raw  # type: ignore[return-value]


def median_of(n: int, fn: Callable[[], bc.Cost]) -> bc.Cost:
    """The median wall and CPU cost of ``n`` calls of ``fn``."""
    costs = [fn() for _ in range(n)]
    return bc.Cost(
        bc.median([c.wall_ns for c in costs]), bc.median([c.cpu_ns for c in costs])
    )


class Counter:
    """A running start index, so every write really changes the text."""

    def __init__(self) -> None:
        self.next = 0

    def take(self, n: int) -> int:
        """The first of ``n`` fresh indices."""
        start = self.next
        self.next += n
        return start


def script(_event: object) -> None:
    """The bare Python call of the baseline (the propertyChange script: pass)."""


def writes_ours(label: Any, n: int, start: int) -> bc.Cost:
    """Cost per ``label.text = "v%d" % i`` through the facade."""
    meter = bc.Meter(thread=True)
    for i in range(start, start + n):
        label.text = "v%d" % i  # noqa: UP031
    cost = meter.stop(n)
    settle()
    return cost


def writes_raw(label: QLabel, n: int, start: int) -> bc.Cost:
    """Cost per ``QLabel.setText("v%d" % i)`` plus a bare Python call."""
    meter = bc.Meter(thread=True)
    for i in range(start, start + n):
        label.setText("v%d" % i)  # noqa: UP031
        script(label)
    cost = meter.stop(n)
    settle()
    return cost


def writes_raw_plain(label: QLabel, n: int, start: int) -> bc.Cost:
    """Cost per ``QLabel.setText("v%d" % i)``."""
    meter = bc.Meter(thread=True)
    for i in range(start, start + n):
        label.setText("v%d" % i)  # noqa: UP031
    cost = meter.stop(n)
    settle()
    return cost


def reads_ours(label: Any, n: int) -> bc.Cost:
    """Cost per guarded ``label.text`` read."""
    meter = bc.Meter(thread=True)
    for _ in range(n):
        label.text  # noqa: B018
    return meter.stop(n)


def reads_raw(label: QLabel, n: int) -> bc.Cost:
    """Cost per ``QLabel.text()``."""
    meter = bc.Meter(thread=True)
    for _ in range(n):
        label.text()
    return meter.stop(n)


def measure_open(b: Bench, reps: int) -> list[bc.Row]:
    """(a) rows: opening the 200-component window, and (info) the first open."""
    b.open_raw()  # Qt's styles, fonts and platform windows warm up here
    first = b.open_ours()  # compiles the event scripts
    for _ in range(OPEN_WARMUP):
        b.open_raw()
        b.open_ours()
    res = bc.interleaved(
        reps,
        {
            "raw": lambda: median_of(OPENS, b.open_raw),
            "ours": lambda: median_of(OPENS, b.open_ours),
        },
    )
    shown = b.shown = b.visible()
    kinds = ", ".join(f"{n} {k}" for k, n in b.kinds.items())
    label = (
        f"(a) open a {COMPONENTS}-component window ({kinds}) + processEvents, "
        f"median of {OPENS}, vs raw"
    )
    raw_cpu = bc.median([c.cpu_ns for c in res["raw"]])
    return [
        *bc.cpu_rows(label, res["ours"], res["raw"], 3, baseline="raw", fmt=bc.fmt_ms),
        bc.info_row(
            f"(a) first open (also compiles {b.scripts} event scripts): GUI-thread "
            "CPU, against the raw median",
            first.cpu_ns,
            raw_cpu,
            bc.fmt_ms,
        ),
        bc.Row(
            "(a) check: components visible (`isVisible()`) once the window is open",
            f"{shown[0]} of {COMPONENTS}",
            f"{shown[1]} of {COMPONENTS}",
            None,
            "info",
            None,
        ),
    ]


def measure_access(b: Bench, reps: int) -> list[bc.Row]:
    """(b) rows: a property write with a propertyChange script; (info) others."""
    labels, raw = b.open_both()
    watched, plain = labels[WATCHED], labels[PLAIN]
    raw_watched = raw.by_name[WATCHED]
    raw_plain = raw.by_name[PLAIN]
    if not isinstance(raw_watched, QLabel) or not isinstance(raw_plain, QLabel):
        raise RuntimeError("the raw window's labels are missing")
    count = Counter()
    errors_before = len(b.client.scope.errors.reports())
    try:
        for fn, label in ((writes_raw, raw_watched), (writes_ours, watched)):
            fn(label, ACCESS_WARMUP, count.take(ACCESS_WARMUP))  # type: ignore[operator]
        res = bc.interleaved(
            reps,
            {
                "raw": lambda: writes_raw(raw_watched, WRITES, count.take(WRITES)),
                "ours": lambda: writes_ours(watched, WRITES, count.take(WRITES)),
                "raw plain": lambda: writes_raw_plain(
                    raw_plain, WRITES, count.take(WRITES)
                ),
                "ours plain": lambda: writes_ours(plain, WRITES, count.take(WRITES)),
                "raw read": lambda: reads_raw(raw_watched, READS),
                "ours read": lambda: reads_ours(watched, READS),
            },
        )
        for label in (watched, plain):  # the writes reached the widgets
            if label.text != label.widget.text() or not label.text.startswith("v"):
                raise RuntimeError(f"{label!r} does not show its text")
        if len(b.client.scope.errors.reports()) != errors_before:
            raise RuntimeError("the propertyChange script failed")
    finally:
        b.nav.closeWindow(WINDOW)
        raw.close()
        settle()
    return [
        *bc.cpu_rows(
            f'(b) `label.text = "v%d" % i` with a propertyChange script, {WRITES:,}, '
            "vs `QLabel.setText` + a bare Python call",
            res["ours"],
            res["raw"],
            4,
            baseline="raw",
        ),
        *bc.cpu_rows(
            f"(b) same, Label without a propertyChange script, {WRITES:,}, "
            "vs `QLabel.setText`",
            res["ours plain"],
            res["raw plain"],
            None,
            baseline="raw",
        )[:1],
        *bc.cpu_rows(
            f"(b) guarded read `label.text` vs `QLabel.text()`, {READS:,}",
            res["ours read"],
            res["raw read"],
            None,
            baseline="raw",
        )[:1],
    ]


NOTES = """
ratio = visionsim / raw (times: lower is better). CPU is the GUI thread's CPU
time (user + system); only CPU rows are judged. Baselines: (a) the same
plain Qt widgets built directly in a top-level QWidget from the same window
spec, with a Python `clicked` slot per button and a QDoubleValidator per
number field, shown, then one `processEvents()`; (b) `QLabel.setText` /
`QLabel.text()` on the same label of a shown raw window, the judged write
with a call of an empty Python function after each `setText`. The write loops
include the `"v%d" % i` formatting and loop overhead on both sides. Tracing
is on. Median (spread) of {reps} interleaved repetitions."""
HIDDEN_NOTE = """
Note: {hidden} of the visionsim window's {total} components are not visible
once it is open (each widget is shown while it has no parent, so Qt makes it
a window of its own and hides it again when it is reparented into a shown
container). Its open therefore creates {total} native windows but skips
painting those widgets, and the Labels of (b) are hidden."""


def main() -> int:
    """Run every measurement, print the table; see the module docstring."""
    args = bc.parse_args(__doc__.splitlines()[0] if __doc__ else "", reps=5)
    if args.smoke:
        use_smoke_sizes()
    bc.qt_app()
    rows: list[bc.Row] = []
    hidden = 0
    with tempfile.TemporaryDirectory(prefix="visionsim-bench-") as tmp:
        sim = Simulation()
        try:
            bench = Bench(sim, write_project(Path(tmp)))
            for step in (measure_open, measure_access):
                print(f"running {step.__name__} ...", file=sys.stderr, flush=True)
                rows += step(bench, args.reps)
            hidden = COMPONENTS - bench.shown[0]
        finally:
            windows = sim.clients[0].vision.windows if sim.clients else None
            if isinstance(windows, WindowManager):
                windows.close_all()
            settle()
            sim.shutdown(2.0)
    print(bc.header("visionsim component benchmark (bench/components.py)"))
    print()
    print(bc.table(rows))
    print(NOTES.format(reps=args.reps))
    if hidden:
        print(HIDDEN_NOTE.format(hidden=hidden, total=COMPONENTS))
    return bc.exit_code(rows, args.check)


if __name__ == "__main__":
    sys.exit(main())
