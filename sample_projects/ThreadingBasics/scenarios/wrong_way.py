# Lesson 3, headless: the worker writes the Label itself. Under --strict this
# run exits 2; stderr names the script and line, with both stacks.
#   python main.py run sample_projects/ThreadingBasics/scenarios/wrong_way.py --strict
window = system.nav.openWindow("Lessons/WrongWay", {"workMs": 300})
root = window.rootContainer
root.getComponent("Start").doClick()


def report():
    text = root.getComponent("Status").text
    if text == "Working...":
        system.util.invokeLater(report, 50)
    else:
        print("after the worker: %s" % text)


system.util.invokeLater(report, 50)
