# Lesson 4: a worker feeds a ProgressBar through invokeLater; Cancel interrupts it.
#
# The Progress window's buttons call these functions by path, without an
# import: lessons.progress.start(event.source.parent), lessons.progress.cancel().
# The module remembers the running worker between clicks (custom properties
# hold only str/int/float/bool/dataset values, not a Thread).
from java.lang import InterruptedException, Thread

STEPS = 20
_worker = None  # the running worker's Thread; None when nothing runs


def start(rootContainer):
    """Start the worker. GUI thread (the Start button)."""
    global _worker
    if _worker is not None:
        return  # already running
    # Read and set what the worker needs here, on the GUI thread.
    bar = rootContainer.getComponent("Progress")
    status = rootContainer.getComponent("Status")
    stepMs = rootContainer.stepMs
    bar.maximum = STEPS
    bar.value = 0
    status.text = "Working..."
    _enable(rootContainer, running=True)

    def work():  # the worker thread: never touches a component itself
        for step in range(1, STEPS + 1):
            try:
                Thread.sleep(stepMs)  # one slow step; raises when interrupted
            except InterruptedException:

                def cancelled(done=step - 1):  # the GUI thread
                    finish("Cancelled after %d of %d steps" % (done, STEPS))

                system.util.invokeLater(cancelled)
                return

            def show(step=step):  # the GUI thread
                if _worker is thread:  # not after leave(): the window is gone
                    bar.value = step
                    status.text = "Step %d of %d" % (step, STEPS)

            system.util.invokeLater(show)

        def done():  # the GUI thread
            finish("Done: %d of %d steps" % (STEPS, STEPS))

        system.util.invokeLater(done)

    def finish(text):  # the GUI thread
        global _worker
        if _worker is thread:
            _worker = None
            status.text = text
            _enable(rootContainer, running=False)

    thread = system.util.invokeAsynchronous(work, description="progress worker")
    _worker = thread


def cancel():
    """Ask the worker to stop. GUI thread (the Cancel button)."""
    if _worker is not None:
        _worker.interrupt()  # cooperative: its Thread.sleep raises


def leave():
    """Stop the worker and drop its updates: the window is closing (Back)."""
    global _worker
    if _worker is not None:
        _worker.interrupt()
        _worker = None


def _enable(rootContainer, running):
    rootContainer.getComponent("Start").enabled = not running
    rootContainer.getComponent("Cancel").enabled = running
