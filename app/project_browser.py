"""The Project panel: the project's windows and templates, as the Designer lists them.

A tree of window folders and windows (and, below, templates); double-click a
window (or press Enter on it) to open it in the current client's desktop, as
``system.nav.openWindow`` would. Listing decodes nothing: a binary window is
decoded when it is opened, so the panel costs nothing on a project of
hundreds of windows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from visionsim.runtime import ClientSession

_PATH_ROLE = Qt.ItemDataRole.UserRole
_KIND_ROLE = Qt.ItemDataRole.UserRole + 1


class ProjectBrowser(QWidget):
    """Windows and templates of the current client's project.

    Parameters
    ----------
    current_client
        The client whose desktop a window opens in (the tab showing).
    """

    def __init__(self, current_client: Callable[[], ClientSession | None]) -> None:
        super().__init__()
        self._current_client = current_client
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.status = QLabel("Double-click a window to open it.")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)
        layout.addWidget(self.status)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.refresh()

    def refresh(self) -> None:
        """List the current client's project again (after a reload)."""
        self.tree.clear()
        client = self._current_client()
        if client is None:
            return
        project = client.project
        windows = self._group("Windows", list(project.windows), "window")
        templates = self._group("Templates", list(project.templates), "template")
        self.tree.addTopLevelItems([windows, templates])
        windows.setExpanded(True)

    def _group(self, title: str, paths: Iterable[str], kind: str) -> QTreeWidgetItem:
        top = QTreeWidgetItem([title])
        folders: dict[str, QTreeWidgetItem] = {"": top}
        for path in sorted(paths, key=str.lower):
            parent_path, _, name = path.rpartition("/")
            parent = self._folder(folders, parent_path)
            item = QTreeWidgetItem([name])
            item.setData(0, _PATH_ROLE, path)
            item.setData(0, _KIND_ROLE, kind)
            item.setToolTip(0, path)
            parent.addChild(item)
        top.setText(0, f"{title} ({_leaves(top)})")
        return top

    def _folder(
        self, folders: dict[str, QTreeWidgetItem], path: str
    ) -> QTreeWidgetItem:
        found = folders.get(path)
        if found is None:
            parent_path, _, name = path.rpartition("/")
            found = QTreeWidgetItem([name])
            self._folder(folders, parent_path).addChild(found)
            folders[path] = found
        return found

    def window_items(self) -> list[str]:
        """Every window path listed (tests, tools)."""
        out: list[str] = []
        stack = [self.tree.invisibleRootItem()]
        while stack:
            item = stack.pop()
            if item.data(0, _KIND_ROLE) == "window":
                out.append(str(item.data(0, _PATH_ROLE)))
            stack.extend(_children(item))
        return sorted(out)

    def open_window(self, path: str) -> bool:
        """Open ``path`` in the current client; False (and why) when it fails."""
        client = self._current_client()
        windows = client.vision.windows if client is not None else None
        if windows is None:
            self.status.setText("No client to open the window in.")
            return False
        try:
            windows.open_window(path, None)
        except Exception as exc:  # a window that cannot be decoded or built
            self.status.setText(f"Cannot open {path}: {exc}")
            return False
        self.status.setText(f"Opened {path}.")
        return True

    @Slot(QTreeWidgetItem, int)
    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, _KIND_ROLE) == "window":
            self.open_window(str(item.data(0, _PATH_ROLE)))


def _leaves(top: QTreeWidgetItem) -> int:
    """How many windows (or templates) under ``top``: items with a path."""
    count = 0
    stack = [top]
    while stack:
        item = stack.pop()
        if item.data(0, _PATH_ROLE) is not None:
            count += 1
        stack.extend(_children(item))
    return count


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    found = (item.child(i) for i in range(item.childCount()))
    return [child for child in found if child is not None]
