# Lesson 4, headless: 20 steps on a worker, each shown through invokeLater.
#   python main.py run sample_projects/ThreadingBasics/scenarios/progress.py --strict
window = system.nav.openWindow("Lessons/Progress", {"stepMs": 20})
root = window.rootContainer
bar = root.getComponent("Progress")
root.getComponent("Start").doClick()
print("started; Start enabled: %s, Cancel enabled: %s" % (
    root.getComponent("Start").enabled, root.getComponent("Cancel").enabled))


def report():
    text = root.getComponent("Status").text
    if not text.startswith("Done"):
        system.util.invokeLater(report, 50)
        return
    print("finished: %s; the bar shows %d of %d" % (text, bar.value, bar.maximum))
    print("Start enabled: %s, Cancel enabled: %s" % (
        root.getComponent("Start").enabled, root.getComponent("Cancel").enabled))


system.util.invokeLater(report, 50)
