# Lesson 4, headless: Cancel interrupts the worker part way through.
#   python main.py run sample_projects/ThreadingBasics/scenarios/progress_cancel.py --strict
window = system.nav.openWindow("Lessons/Progress", {"stepMs": 50})
root = window.rootContainer
bar = root.getComponent("Progress")
root.getComponent("Start").doClick()


def cancel():
    print("Cancel clicked at step %d" % bar.value)
    root.getComponent("Cancel").doClick()
    report()


def report():
    text = root.getComponent("Status").text
    if not text.startswith("Cancelled"):
        system.util.invokeLater(report, 50)
        return
    print("%s; the bar stopped at %d" % (text, bar.value))


system.util.invokeLater(cancel, 300)
