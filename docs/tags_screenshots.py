"""Regenerate docs/tags-panel.png: the Tags dock on live tags (run under Xvfb)."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docs.screenshots import settle  # noqa: E402
from visionsim.app.main_window import MainWindow  # noqa: E402

TAGS = [
    {
        "name": "Line1",
        "tagType": "Folder",
        "tags": [
            {"name": "Speed", "valueSource": "memory", "dataType": "Int4", "value": 42},
            {
                "name": "Running",
                "valueSource": "memory",
                "dataType": "Boolean",
                "value": True,
            },
            {
                "name": "Sine",
                "valueSource": "opc",
                "dataType": "Float8",
                "opcItemPath": "ns=1;s=[Simulator]Sine/Sine0",
            },
            {
                "name": "Ramp",
                "valueSource": "opc",
                "dataType": "Float8",
                "opcItemPath": "ns=1;s=[Simulator]Ramp/Ramp1",
            },
            {
                "name": "Level",
                "valueSource": "opc",
                "dataType": "Float8",
                "opcItemPath": "ns=1;s=[Simulator]Realistic/Realistic0",
            },
            {
                "name": "Average",
                "valueSource": "expr",
                "dataType": "Float8",
                "expression": "({[.]Sine} + {[.]Ramp}) / 2",
            },
        ],
    }
]

WINDOW = """
title: Line 1
openOnStartup: true
size: [360, 160]
rootContainer:
  components:
    - type: Label
      name: SineLabel
      bounds: [10, 10, 120, 24]
      props: {text: Sine}
    - type: Label
      name: Sine
      bounds: [140, 10, 200, 24]
      bindings:
        text: {tag: "[default]Line1/Sine"}
    - type: Label
      name: SpeedLabel
      bounds: [10, 44, 120, 24]
      props: {text: Speed}
    - type: NumericTextField
      name: Speed
      bounds: [140, 44, 120, 24]
      bindings:
        intValue: {tag: "[default]Line1/Speed", bidirectional: true}
"""


def project(folder: Path) -> Path:
    """A small project whose window is bound to simulated tags."""
    (folder / "tags").mkdir(parents=True)
    (folder / "project.json").write_text('{"title": "Tags demo"}')
    (folder / "tags" / "default.json").write_text(json.dumps(TAGS))
    (folder / "visionsim.yaml").write_text("tags: {default: tags/default.json}\n")
    window = folder / "com.inductiveautomation.vision/windows/Line1/window.yaml"
    window.parent.mkdir(parents=True)
    window.write_text(WINDOW)
    return folder


def tags_panel(out: Path) -> None:
    """The app with the Tags dock showing and [default]Line1 expanded."""
    app = QApplication.instance() or QApplication(sys.argv)
    tmp = Path(tempfile.mkdtemp())
    window = MainWindow(
        project(tmp / "TagsDemo"),
        settings=QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat),
    )
    window.resize(1400, 800)
    window.show()
    settle(app, 200)
    window.docks["Tags"].raise_()
    window.resizeDocks([window.docks["Tags"]], [560], Qt.Orientation.Horizontal)
    panel = window.panels["Tags"]
    tree = panel.tree  # type: ignore[attr-defined]
    for index in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(index)
        if item.text(0) == "[default]":
            item.setExpanded(True)
            item.child(0).setExpanded(True)
            tree.setCurrentItem(item.child(0).child(0))
    settle(app, 1500)
    shot = window.grab()
    shot.save(str(out))
    window.close()
    sys.stdout.write(f"wrote {out} ({shot.width()}x{shot.height()})\n")


if __name__ == "__main__":
    tags_panel(ROOT / "docs" / "tags-panel.png")
