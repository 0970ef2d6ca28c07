# The manual's example from the real button in the Main window:
#   python main.py run sample_projects/ThreadingBasics/scenarios/manual_example_button.py --strict
window = system.nav.openWindow("Main")
root = window.rootContainer
root.getComponent("Start").doClick()
print("clicked; the label says: %s" % root.getComponent("Status").text)


def report():
    print("after the worker: %s" % root.getComponent("Status").text)


# Ask again once the worker has handed its result back (a second later).
system.util.invokeLater(report, 1000)
