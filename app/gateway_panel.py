"""The Gateway panel: gateways, projects, handlers, pools, Running Scripts, links."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from visionsim.app.diagnostics import RunningScriptsView, make_table, set_row

if TYPE_CHECKING:
    from visionsim.runtime import Gateway, Simulation, Workers
    from visionsim.runtime.workers import FifoPool

GATEWAY_REFRESH_MS = 500
#: Narrower than this, the tree goes above the details: side by side, both
#: would be too narrow to read.
SIDE_BY_SIDE_MIN_W = 1100
MAX_LATENCY_MS = 60_000
MAX_CONNECT_TIMEOUT_S = 600.0
_GATEWAY_ROLE = Qt.ItemDataRole.UserRole
_CONNECTED, _FAULTED = "connected", "faulted"


def _pool_detail(pool: FifoPool) -> str:
    threads = "thread" if pool.size == 1 else "threads"
    return f"{pool.size} {threads}, {pool.running} running, {pool.queued} queued"


class GatewayPanel(QWidget):
    """Every gateway of ``sim``: its projects, handlers, pools and Running Scripts.

    The Network links table changes :attr:`Simulation.network` live (fault
    toggle, latency, connect timeout). Refreshes every 500 ms while shown.
    """

    def __init__(self, sim: Simulation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sim = sim
        self._gateway_name: str | None = None
        self._structure: object = None
        self._pool_items: list[tuple[QTreeWidgetItem, FifoPool]] = []
        self._gateway_items: dict[str, QTreeWidgetItem] = {}
        self._link_names: list[str] = []
        self._setup_ui()
        self._connect_signals()
        self.refresh()

    def _setup_ui(self) -> None:
        self.setWindowTitle("Gateways")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Gateway / project / handler", "Detail"])
        # The names as wide as they need, the details in the rest.
        self.tree.header().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.running_label = QLabel()
        self.running = RunningScriptsView(self._selected_workers)
        self.links = make_table(
            ("Gateway", "State", "Latency ms", "Connect timeout s"), stretch=0
        )
        right = QWidget()
        layout = QVBoxLayout(right)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.running_label)
        layout.addWidget(self.running, 3)
        layout.addWidget(QLabel("<b>Gateway Network links</b>"))
        layout.addWidget(self.links, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
        self.splitter.setSizes([420, 520])
        outer = QVBoxLayout(self)
        outer.addWidget(self.splitter)
        self._timer = QTimer(self)
        self._timer.setInterval(GATEWAY_REFRESH_MS)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Tree beside the details when wide, above them otherwise (a side dock)."""
        super().resizeEvent(event)
        tall = self.width() < SIDE_BY_SIDE_MIN_W
        want = Qt.Orientation.Vertical if tall else Qt.Orientation.Horizontal
        if self.splitter.orientation() != want:
            self.splitter.setOrientation(want)
            length = self.height() if tall else self.width()
            self.splitter.setSizes([length * 2 // 5, length * 3 // 5])

    def _connect_signals(self) -> None:
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Re-read gateways, pools, running tasks and links. Thread: GUI only."""
        if self._gateway_name not in self._sim.gateways:
            gateways = self._gateways()
            self._gateway_name = gateways[0].name if gateways else None
        self._sync_tree()
        self._sync_links()
        self.running_label.setText(
            f"<b>Running Scripts</b> — gateway {self._gateway_name or '(none)'}"
        )
        self.running.refresh()

    # -- the tree ----------------------------------------------------------------

    def _gateways(self) -> list[Gateway]:
        """The local gateway(s) first, then the remote ones as linked."""
        remote = self._sim.network.names()
        return sorted(
            self._sim.gateways.values(),
            key=lambda g: remote.index(g.name) + 1 if g.name in remote else 0,
        )

    def _sync_tree(self) -> None:
        gateways = self._gateways()
        structure = [
            (
                g.name,
                [(p, list(g.handlers[p].specs)) for p in g.projects],
                list(g.dedicated),
            )
            for g in gateways
        ]
        if structure != self._structure:
            self._structure = structure
            self._rebuild_tree(gateways)
        for item, pool in self._pool_items:
            item.setText(1, _pool_detail(pool))
        for name, item in self._gateway_items.items():
            detail = self._gateway_detail(name)
            item.setText(1, detail)
            faulted = _FAULTED in detail
            item.setForeground(1, QColor("#b00020" if faulted else "#1f2933"))

    def _rebuild_tree(self, gateways: list[Gateway]) -> None:
        self.tree.clear()
        self._pool_items.clear()
        self._gateway_items.clear()
        for gateway in gateways:
            top = self._item(None, gateway.name, f"Gateway {gateway.name}", "")
            self._gateway_items[gateway.name] = top
            self._pool_item(top, "Shared pool", gateway.shared_pool)
            for (project, handler), pool in gateway.dedicated.items():
                self._pool_item(top, f"Dedicated pool {project}/{handler}", pool)
            for name in gateway.projects:
                specs = gateway.handlers[name].specs
                plural = "" if len(specs) == 1 else "s"
                count = f"{len(specs)} message handler{plural}"
                node = self._item(top, gateway.name, f"Project {name}", count)
                for spec in specs.values():
                    leaf = self._item(node, gateway.name, spec.name, spec.threading)
                    leaf.setToolTip(0, spec.script)
        self.tree.expandAll()
        current = self._gateway_items.get(self._gateway_name or "")
        if current is not None:
            self.tree.setCurrentItem(current)

    def _item(
        self, parent: QTreeWidgetItem | None, gateway: str, label: str, detail: str
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem([label, detail])
        item.setData(0, _GATEWAY_ROLE, gateway)
        if parent is None:
            self.tree.addTopLevelItem(item)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        else:
            parent.addChild(item)
        return item

    def _pool_item(self, parent: QTreeWidgetItem, label: str, pool: FifoPool) -> None:
        gateway = parent.data(0, _GATEWAY_ROLE)
        item = self._item(parent, gateway, label, _pool_detail(pool))
        self._pool_items.append((item, pool))

    def _gateway_detail(self, name: str) -> str:
        if name not in self._sim.network.names():
            return "this gateway"
        link = self._sim.network.link(name)
        latency = f", {link.latency_ms:.0f} ms" if link.latency_ms else ""
        return f"remote, {link.state}{latency}"

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_tree_current_item_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        if current is not None:
            self.select_gateway(current.data(0, _GATEWAY_ROLE))

    def select_gateway(self, name: str) -> None:
        """Show ``name``'s Running Scripts."""
        if name != self._gateway_name:
            self._gateway_name = name
            self.refresh()

    def _selected_workers(self) -> Workers | None:
        gateway = self._sim.gateways.get(self._gateway_name or "")
        return gateway.workers if gateway else None

    def tree_text(self) -> list[str]:
        """Every tree label, depth first, as ``label`` or ``label: detail``."""
        out: list[str] = []

        def walk(item: QTreeWidgetItem | None) -> None:
            if item is None:
                return
            label, detail = item.text(0), item.text(1)
            out.append(f"{label}: {detail}" if detail else label)
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i))
        return out

    def running_rows(self) -> list[tuple[str, ...]]:
        """The selected gateway's Running Scripts rows (see RunningScriptsView)."""
        return self.running.rows()

    def terminate_row(self, row: int) -> bool:
        """Press Terminate on Running Scripts ``row``; False if already ended."""
        return self.running.terminate_row(row)

    # -- the links ---------------------------------------------------------------

    def _sync_links(self) -> None:
        network = self._sim.network
        for name in network.names():
            if name not in self._link_names:
                self._add_link_row(name)
        for row, name in enumerate(self._link_names):
            link = network.link(name)
            faulted, latency, timeout = self._link_widgets(row)
            for widget, value in (
                (faulted, link.state == _FAULTED),
                (latency, round(link.latency_ms)),
                (timeout, link.connect_timeout_s),
            ):
                _show(widget, value)

    def _add_link_row(self, name: str) -> None:
        row = len(self._link_names)
        self._link_names.append(name)
        self.links.insertRow(row)
        set_row(self.links, row, [name])
        faulted = QCheckBox("Faulted")
        faulted.toggled.connect(functools.partial(self._on_faulted_toggled, name))
        latency = QSpinBox()
        latency.setRange(0, MAX_LATENCY_MS)
        latency.setSingleStep(10)
        latency.valueChanged.connect(functools.partial(self._on_latency_changed, name))
        timeout = QDoubleSpinBox()
        timeout.setRange(0.0, MAX_CONNECT_TIMEOUT_S)
        timeout.setDecimals(1)
        timeout.setSingleStep(0.5)
        timeout.valueChanged.connect(functools.partial(self._on_timeout_changed, name))
        for col, widget in enumerate((faulted, latency, timeout), start=1):
            self.links.setCellWidget(row, col, widget)

    def _link_widgets(self, row: int) -> tuple[QCheckBox, QSpinBox, QDoubleSpinBox]:
        widgets = (self.links.cellWidget(row, col) for col in (1, 2, 3))
        faulted, latency, timeout = widgets
        assert isinstance(faulted, QCheckBox)
        assert isinstance(latency, QSpinBox)
        assert isinstance(timeout, QDoubleSpinBox)
        return faulted, latency, timeout

    def _on_faulted_toggled(self, name: str, checked: bool) -> None:
        self._sim.network.configure(name, state=_FAULTED if checked else _CONNECTED)
        self._sync_tree()

    def _on_latency_changed(self, name: str, value: int) -> None:
        self._sim.network.configure(name, latency_ms=value)
        self._sync_tree()

    def _on_timeout_changed(self, name: str, value: float) -> None:
        self._sim.network.configure(name, connect_timeout_s=value)

    def set_link_faulted(self, name: str, faulted: bool) -> None:
        """Tick or clear ``name``'s Faulted box (as a user would)."""
        self._sync_links()
        self._link_widgets(self._link_names.index(name))[0].setChecked(faulted)

    def set_link_latency(self, name: str, ms: int) -> None:
        """Enter ``ms`` in ``name``'s latency box."""
        self._sync_links()
        self._link_widgets(self._link_names.index(name))[1].setValue(ms)

    def link_rows(self) -> list[tuple[str, str, int, float]]:
        """The links as shown: (gateway, state, latency ms, connect timeout s)."""
        rows = []
        for row, name in enumerate(self._link_names):
            faulted, latency, timeout = self._link_widgets(row)
            state = _FAULTED if faulted.isChecked() else _CONNECTED
            rows.append((name, state, latency.value(), timeout.value()))
        return rows


def _show(widget: QCheckBox | QSpinBox | QDoubleSpinBox, value: float) -> None:
    """Show the network's value without echoing it back (skip while edited)."""
    if widget.hasFocus():
        return
    current = widget.isChecked() if isinstance(widget, QCheckBox) else widget.value()
    if current == value:
        return
    widget.blockSignals(True)
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    else:
        widget.setValue(value)
    widget.blockSignals(False)
