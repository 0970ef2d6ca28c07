"""Regenerate the app screenshot docs/app.png, or write it to ``sys.argv[1]``.

Run under Xvfb (see the README): ``xvfb-run -a -s "-screen 0 1600x1000x24"``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from visionsim.app.main_window import MainWindow  # noqa: E402


def settle(app: QApplication, ms: int) -> None:
    """Let the event loop run for ``ms`` (repaint, timers, panel refresh)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shot_size() -> tuple[int, int]:
    """The window size: ``VISIONSIM_SHOT_SIZE=WxH`` (default 1280x1024)."""
    width, height = os.environ.get("VISIONSIM_SHOT_SIZE", "1280x1024").split("x")
    return int(width), int(height)


def main_window(out: Path) -> None:
    """The app on the default project after the right and the wrong button."""
    app = QApplication.instance() or QApplication(sys.argv)
    ini = Path(tempfile.mkdtemp()) / "settings.ini"
    window = MainWindow(
        ROOT / "sample_projects" / "ThreadingBasics",
        settings=QSettings(str(ini), QSettings.Format.IniFormat),
    )
    window.resize(*shot_size())
    window.show()
    settle(app, 200)
    client = window.current_client()
    assert client is not None
    assert client.vision.windows is not None
    main = client.vision.windows.opened_windows()[0]
    main.component("Start").doClick()  # type: ignore[attr-defined]
    window.sim.wait_idle(5)
    main.component("StartUnsafe").doClick()  # type: ignore[attr-defined]
    window.sim.wait_idle(5)
    main.component("Start").doClick()  # type: ignore[attr-defined]
    settle(app, 700)
    if window.error_popup.box is not None:
        window.error_popup.box.close()
    shot = window.grab()
    shot.save(str(out))
    if out.parent == ROOT / "docs":  # the README's panel pictures too
        panels(app, window, out.parent)
    window.close()
    sys.stdout.write(f"wrote {out} ({shot.width()}x{shot.height()})\n")


#: Panel screenshots the README links to, by dock title.
PANELS = {
    "Diagnostics": "diagnostics.png",
    "Gateway": "gateway-panel.png",
    "Thread Timeline": "timeline.png",
    "Output Console": "output-console.png",
    "Script Console": "script-console.png",
}


def panels(app: QApplication, window: MainWindow, folder: Path) -> None:
    """Each panel of :data:`PANELS` raised in its dock and saved on its own."""
    for title, name in PANELS.items():
        dock = window.docks[title]
        dock.show()
        dock.raise_()
        settle(app, 300)
        dock.grab().save(str(folder / name))


if __name__ == "__main__":
    main_window(Path(sys.argv[1]) if sys.argv[1:] else ROOT / "docs" / "app.png")
