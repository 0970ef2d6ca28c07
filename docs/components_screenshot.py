"""Regenerate docs/components.png: a window of Ignition's simulated components.

Run under Xvfb (``python3 dev.py setup --xvfb`` installs it): ``xvfb-run -a
-s "-screen 0 1600x1000x24" .venv/bin/python docs/components_screenshot.py``.
The window is written to a temporary project, opened in the app, and only the
window itself is grabbed.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docs.screenshots import settle  # noqa: E402
from visionsim.app.main_window import MainWindow  # noqa: E402

WINDOW = """
title: Components
openOnStartup: true
size: [760, 470]
rootContainer:
  components:
    - {type: Label, name: Title, bounds: [10, 8, 360, 30],
       props: {text: "Line 3 - Filler", font: Dialog-BOLD-20, horizontalAlignment: 2}}
    - {type: Label, name: Html, bounds: [10, 40, 170, 44], props:
        {text: "<html><b>HTML</b> label<br>on two lines", fillBackground: true,
         background: "#e8eef6", horizontalAlignment: 2}}
    - {type: Label, name: Plain, bounds: [190, 40, 170, 44], props:
        {text: "Plain text stays on one line, clipped", fillBackground: true,
         background: "#f6efe3"}}
    - {type: NumericLabel, name: Rate, bounds: [10, 92, 170, 24],
       props: {value: 1234.5678, pattern: "#,##0.00", suffix: " bpm",
               font: Dialog-BOLD-14}}
    - {type: DigitalDisplay, name: Count, bounds: [190, 90, 170, 30],
       props: {value: 4711, pattern: "000000"}}
    - type: ComboBox
      name: Recipe
      bounds: [10, 126, 170, 26]
      props:
        data: {columns: [id, recipe], rows: [[1, Cola], [2, Lemonade], [3, Water]]}
        selectedValue: 2
    - {type: DateTimePopup, name: Since, bounds: [190, 126, 170, 26],
       props: {format: "yyyy-MM-dd HH:mm"}}
    - {type: ToggleButton, name: Auto, bounds: [10, 162, 80, 30],
       props: {text: Auto, selected: true}}
    - {type: TwoStateButton, name: Motor, bounds: [100, 162, 80, 30],
       props: {indicatorValue: 1}}
    - {type: CheckBox, name: Sim, bounds: [190, 162, 170, 30],
       props: {text: Simulate line, selected: true}}
    - {type: MultiStateButton, name: Mode, bounds: [10, 202, 170, 32],
       props: {orientation: 1, indicatorValue: 2}}
    - {type: TabStrip, name: Tabs, bounds: [190, 204, 170, 28]}
    - {type: Meter, name: Speed, bounds: [10, 244, 170, 110],
       props: {value: 72, maximum: 120, units: bpm}}
    - {type: Image, name: Logo, bounds: [190, 244, 170, 110],
       props: {path: Builtin/icons/48/factory.png}}
    - {type: Timer, name: Tick, bounds: [0, 0, 10, 10], props: {running: false}}
    - type: TemplateHolder
      name: Valve
      bounds: [10, 364, 170, 96]
      props: {templatePath: Symbols/Valve}
      customProperties:
        open: {type: bool, value: true}
    - {type: TemplateRepeater, name: Pumps, bounds: [190, 364, 170, 96],
       props: {templatePath: Symbols/Pump, repeatCount: 4}}
    - {type: Shape, name: Tank, bounds: [390, 20, 120, 160],
       props: {fillPaint: "#9cc3e6", strokePaint: "#1f4e79", strokeWidth: 2}}
    - {type: Shape, name: Level, bounds: [392, 100, 116, 78],
       props: {fillPaint: "#2e75b6", strokeWidth: 0}}
    - {type: Shape, name: Lamp, bounds: [540, 20, 60, 60],
       props: {shapeType: ellipse, fillPaint: "#70ad47", strokePaint: "#375623",
               strokeWidth: 3}}
    - {type: Shape, name: Pipe, bounds: [510, 130, 110, 50],
       props: {shapeType: line, strokePaint: "#7f7f7f", strokeWidth: 6}}
    - {type: Shape, name: Arrow, bounds: [620, 20, 120, 90],
       props: {shapeType: path, fillPaint: "#ffc000", strokePaint: "#7f6000",
               path: "M 0 30 L 70 30 L 70 0 L 120 45 L 70 90 L 70 60 L 0 60 Z"}}
    - {type: Shape, name: Wave, bounds: [390, 200, 350, 60],
       props: {shapeType: path, fillPaint: "", strokePaint: "#c00000", strokeWidth: 3,
               path: "M 0 30 C 50 -20 100 80 175 30 C 250 -20 300 80 350 30"}}
    - {type: Table, name: Batches, bounds: [390, 276, 200, 184], props:
        {data: {columns: [batch, qty],
                rows: [[B-101, 500], [B-102, 750], [B-103, 620]]}}}
    - {type: Chart, name: Trend, bounds: [600, 276, 140, 184]}
"""


def main(out: Path) -> None:
    """Open the window in the app and save a grab of it to ``out``."""
    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp()) / "Components"
    window_file = folder / "com.inductiveautomation.vision/windows/Main/window.yaml"
    window_file.parent.mkdir(parents=True)
    (folder / "project.json").write_text(json.dumps({"title": "Components"}))
    window_file.write_text(WINDOW)
    ini = Path(tempfile.mkdtemp()) / "settings.ini"
    main_window = MainWindow(
        folder, settings=QSettings(str(ini), QSettings.Format.IniFormat)
    )
    main_window.resize(1280, 900)
    main_window.show()
    settle(app, 300)
    client = main_window.current_client()
    assert client is not None
    assert client.vision.windows is not None
    [vision] = client.vision.windows.opened_windows()
    shot = vision.widget.grab()
    shot.save(str(out))
    main_window.close()
    sys.stdout.write(f"wrote {out} ({shot.width()}x{shot.height()})\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if sys.argv[1:] else ROOT / "docs" / "components.png")
