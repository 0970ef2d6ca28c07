"""The Tags panel: browse providers, watch live values and qualities, write a value.

The tree shows the tags the current client sees (the gateway's providers,
its own ``[client]`` and ``[System]``). It never listens to tag changes: a
timer reads the current values of the rows that are on show, four times a
second while the panel is visible, and repaints only the cells that changed,
so a fast simulated tag costs the GUI thread one cheap pass per refresh
instead of a signal per change.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from visionsim.runtime.tags import AtomicTag, Folder

if TYPE_CHECKING:
    from collections.abc import Callable

    from visionsim.runtime.tags import Node, QualifiedValue, TagAccess

TAGS_REFRESH_MS = 250
_NODE_ROLE = Qt.ItemDataRole.UserRole
_COLUMNS = ("Tag", "Value", "Quality", "Data type", "Timestamp")
_VALUE, _QUALITY, _TYPE, _TIME = 1, 2, 3, 4
_BAD = QBrush(QColor("#b3261e"))
_UNCERTAIN = QBrush(QColor("#8a6d00"))
_PLACEHOLDER = "…"


class TagsPanel(QWidget):
    """Live tags of the client ``tags_of()`` returns (re-read on each refresh).

    Parameters
    ----------
    tags_of
        The tag access to show: the current client's (its ``[client]`` and
        ``[System]`` tags too).
    """

    def __init__(
        self, tags_of: Callable[[], TagAccess], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._tags_of = tags_of
        self._tags: TagAccess | None = None
        #: Rows with a live value: item -> (tag, the QualifiedValue shown).
        self._live: dict[QTreeWidgetItem, tuple[AtomicTag, QualifiedValue | None]] = {}
        #: Folder rows already filled in, to notice tags added later.
        self._filled: dict[QTreeWidgetItem, Folder] = {}
        self._setup_ui()
        self._connect_signals()
        self.refresh()

    def _setup_ui(self) -> None:
        self.setWindowTitle("Tags")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(list(_COLUMNS))
        self.tree.setColumnWidth(0, 220)
        self.tree.setColumnWidth(_VALUE, 110)
        self.tree.setUniformRowHeights(True)  # cheap repaints of many rows
        self.path_label = QLabel("Select a tag to write it")
        self.value_edit = QLineEdit()
        self.value_edit.setPlaceholderText("new value")
        self.write_button = QPushButton("Write")
        self.result_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.value_edit, 1)
        row.addWidget(self.write_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.path_label)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        self._timer = QTimer(self)
        self._timer.setInterval(TAGS_REFRESH_MS)

    def _connect_signals(self) -> None:
        self.tree.itemExpanded.connect(self._on_tree_item_expanded)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        self.write_button.clicked.connect(self._on_write_button_clicked)
        self.value_edit.returnPressed.connect(self._on_write_button_clicked)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    # -- building the tree -----------------------------------------------------

    def refresh(self) -> None:
        """Rebuild for a new client, else update the values shown. GUI only."""
        tags = self._tags_of()
        if tags is not self._tags:
            self._tags = tags
            self._rebuild()
        for item, folder in list(self._filled.items()):
            if item.childCount() != len(folder.children):
                self._fill(item)  # configure() added or replaced tags
        self._update_values()

    def _rebuild(self) -> None:
        self.tree.clear()
        self._live.clear()
        self._filled.clear()
        if self._tags is None:
            return
        for name, root in sorted(self._tags.providers().items()):
            item = QTreeWidgetItem([f"[{name}]"])
            item.setData(0, _NODE_ROLE, root)
            self.tree.addTopLevelItem(item)
            self._add_placeholder(item, root)

    def _add_placeholder(self, item: QTreeWidgetItem, folder: Folder) -> None:
        if folder.children:  # filled in when first expanded
            item.addChild(QTreeWidgetItem([_PLACEHOLDER]))

    def _fill(self, item: QTreeWidgetItem) -> None:
        folder = item.data(0, _NODE_ROLE)
        if not isinstance(folder, Folder):
            return
        for index in reversed(range(item.childCount())):
            self._forget(item.child(index))
        item.takeChildren()
        for node in folder.children.values():
            item.addChild(self._item_for(node))
        self._filled[item] = folder

    def _item_for(self, node: Node) -> QTreeWidgetItem:
        child = QTreeWidgetItem([node.name])
        child.setData(0, _NODE_ROLE, node)
        child.setToolTip(0, node.full_path)
        if isinstance(node, AtomicTag):
            child.setText(_TYPE, node.data_type)
            self._live[child] = (node, None)
        elif isinstance(node, Folder):
            child.setText(_TYPE, node.tag_type)
            self._add_placeholder(child, node)
        return child

    def _forget(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        self._live.pop(item, None)
        self._filled.pop(item, None)
        for index in range(item.childCount()):
            self._forget(item.child(index))

    # -- live values -----------------------------------------------------------

    def _update_values(self) -> None:
        """Repaint the value cells whose QualifiedValue changed (one pass)."""
        for item, (tag, shown) in self._live.items():
            qv = tag.qv
            if qv is shown:
                continue
            self._live[item] = (tag, qv)
            item.setText(_VALUE, _text(qv.value))
            item.setText(_QUALITY, str(qv.quality))
            item.setText(
                _TIME, time.strftime("%H:%M:%S", time.localtime(qv.millis / 1000))
            )
            brush = (
                _BAD
                if qv.quality.isBadOrError()
                else _UNCERTAIN
                if qv.quality.isUncertain()
                else QBrush()
            )
            item.setForeground(_QUALITY, brush)

    def _selected_tag(self) -> AtomicTag | None:
        item = self.tree.currentItem()
        node = item.data(0, _NODE_ROLE) if item is not None else None
        return node if isinstance(node, AtomicTag) else None

    def write_selected(self, text: str) -> str:
        """Write ``text`` to the selected tag (converted to its type); the result."""
        tag = self._selected_tag()
        if tag is None or self._tags is None:
            return "Select a tag first"
        code = self._tags.write(tag.full_path, text)
        self._update_values()
        return f"{tag.full_path} ← {text!r}: {code}"

    # -- slots -----------------------------------------------------------------

    @Slot(QTreeWidgetItem)
    def _on_tree_item_expanded(self, item: QTreeWidgetItem) -> None:
        first = item.child(0) if item.childCount() == 1 else None
        if first is not None and first.text(0) == _PLACEHOLDER:
            self._fill(item)
            self._update_values()

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_tree_current_item_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        tag = self._selected_tag()
        if tag is None:
            self.path_label.setText("Select a tag to write it")
            return
        self.path_label.setText(tag.full_path)
        self.value_edit.setText(_text(tag.qv.value))

    @Slot()
    def _on_write_button_clicked(self) -> None:
        self.result_label.setText(self.write_selected(self.value_edit.text()))

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self.isVisible():
            self.refresh()


def _text(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)
