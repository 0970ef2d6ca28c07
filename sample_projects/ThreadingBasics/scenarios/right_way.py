# Lesson 2, headless: the manual's example from the lesson's Start button.
#   python main.py run sample_projects/ThreadingBasics/scenarios/right_way.py --strict
window = system.nav.openWindow("Lessons/RightWay", {"workMs": 300})
root = window.rootContainer
root.getComponent("Start").doClick()
print("clicked; the label says: %s" % root.getComponent("Status").text)


def report():
    text = root.getComponent("Status").text
    if text == "Working...":
        system.util.invokeLater(report, 50)  # not yet: look again in 50 ms
    else:
        print("after the worker: %s" % text)


system.util.invokeLater(report, 50)
