"""The built-in demo script: the manual's invokeAsynchronous example.

It is what the first window's button runs, and what ``python main.py`` runs
headless on the default project when there is no display (another project
gets :data:`PROJECT_SCRIPT`). A plain object stands in for the root container
until the Vision components exist.
"""

from __future__ import annotations

DEMO_NAME = "Demo/Root Container/Start.actionPerformed"

DEMO_SCRIPT = """\
# The manual's example: long work on a worker, results back on the GUI thread.
class RootContainer(object):
    text = "Idle"

root = RootContainer()

def longProcess(rootContainer=root):
    import system
    from java.lang import Thread
    print("longProcess runs on %s" % Thread.currentThread().getName())
    total = 0
    for i in range(5):
        total += i
        Thread.sleep(100)           # stands for slow work: a query, a file...
    results = "sum = %d" % total

    def sendBack(results=results, rootContainer=rootContainer):
        rootContainer.text = results
        print("sendBack runs on %s: %s" % (Thread.currentThread().getName(),
                                            rootContainer.text))

    system.util.invokeLater(sendBack)

system.util.invokeAsynchronous(longProcess, description="Demo: longProcess")
print("actionPerformed returned at once; the GUI stays responsive")
"""

#: Run headless on a project given with ``--project`` when there is no display:
#: its gateway and client have started (startup scripts ran); say what is open.
PROJECT_SCRIPT = """\
opened = system.gui.getOpenedWindowNames()
print("open windows: %s" % (", ".join(opened) or "none"))
"""
