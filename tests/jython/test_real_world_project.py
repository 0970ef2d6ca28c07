"""A Vision project written the way Ignition projects are: Jython 2.7, Java classes.

Print statements, ``except E, e``, integer division, ``dict.keys()[0]``,
``java.util.Date`` and ``SimpleDateFormat``, ``SwingUtilities.invokeLater``, a
Java exception caught with ``except java.lang.Exception, e`` and one that
``except Exception`` lets through, a project library module: headless through
``main.py run`` and in the desktop app, unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt

from tests.conftest import run_main, write_project
from visionsim.app.main_window import MainWindow
from visionsim.runtime.windows import WINDOWS

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

LIBRARY = """\
from java.util import Date
from java.text import SimpleDateFormat
from java.lang import Integer, NumberFormatException


def stamp(millis):
    return SimpleDateFormat("yyyy-MM-dd HH:mm").format(Date(millis))


def parse_qty(text):
    try:
        return Integer.parseInt(text)
    except NumberFormatException, e:
        print "bad quantity:", e.getMessage()
        return -1
"""

WINDOW = """\
title: Orders
openOnStartup: true
rootContainer:
  components:
    - type: Label
      name: Status
      bounds: [10, 10, 300, 24]
      props: {text: Idle}
    - type: Button
      name: Load
      bounds: [10, 40, 120, 30]
      props: {text: Load}
      events:
        actionPerformed: |
          from javax.swing import SwingUtilities
          import java.lang
          root = event.source.parent
          def work():
              totals = {"orders": 7}
              half = totals["orders"] / 2          # Jython: 3
              first = totals.keys()[0]
              qty = orders.util.parse_qty("12x")
              try:
                  raise java.lang.IllegalStateException("line stopped")
              except java.lang.Exception, e:
                  print "caught", e.getMessage()
              try:
                  try:
                      java.lang.Integer.parseInt("x")
                  except Exception, e:
                      print "never: Exception does not catch Java's"
              except java.lang.NumberFormatException, e:
                  print "Java exception passed except Exception"
              text = "%s %d qty=%d at %s" % (first, half, qty,
                                              orders.util.stamp(2 * 86400000))
              def show():
                  root.getComponent("Status").text = text
                  print "shown on", java.lang.Thread.currentThread().getName()
              SwingUtilities.invokeLater(show)
          system.util.invokeAsynchronous(work, description="load orders")
"""

CLICK = """\
window = system.nav.openWindow("Orders")
window.rootContainer.getComponent("Load").doClick()
def report(tries=[0]):
    label = window.rootContainer.getComponent("Status")
    if label.text == "Idle" and tries[0] < 200:
        tries[0] += 1
        system.util.invokeLater(report, 20)
        return
    print "status:", label.text
system.util.invokeLater(report)
"""


def _project(tmp_path: Path) -> Path:
    root = write_project(tmp_path, "Orders")
    module = root / "ignition/script-python/orders/util/code.py"
    module.parent.mkdir(parents=True)
    module.write_text(LIBRARY)
    window = root / WINDOWS / "Orders" / "window.yaml"
    window.parent.mkdir(parents=True)
    window.write_text(WINDOW)
    (root / "visionsim.yaml").write_text("scriptDialect: jython2.7\n")
    return root


EXPECTED = "orders 3 qty=-1 at 1970-01-03"  # in any time zone


def test_the_project_runs_headless_unchanged(tmp_path: Path) -> None:
    project = _project(tmp_path)
    script = tmp_path / "click.py"
    script.write_text(CLICK)
    code, out, err = run_main(
        "run", str(script), "--project", str(project), "--strict", timeout=60
    )
    assert (code, err) == (0, "")
    assert 'bad quantity: For input string: "12x"' in out
    assert "caught line stopped" in out
    assert "Java exception passed except Exception" in out
    assert "never" not in out
    assert "shown on AWT-EventQueue-0" in out
    assert f"status: {EXPECTED}" in out


def test_the_project_runs_in_the_app_unchanged(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    app = MainWindow(_project(tmp_path), settings=settings)
    qtbot.addWidget(app)
    client = app.current_client()
    assert client is not None
    assert client.vision.windows is not None
    [window] = client.vision.windows.opened_windows()
    button = window.components["Root Container/Load"]
    qtbot.mouseClick(button.widget, Qt.MouseButton.LeftButton)
    label = window.component("Status")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: label.text != "Idle", timeout=10_000)
    assert label.text.startswith(EXPECTED)
    assert app.sim.guard.violations() == []
    assert app.sim.errors.reports() == []
    app.close()
