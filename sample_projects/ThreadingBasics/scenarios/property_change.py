# Lesson 5, headless: propertyChange reads a value right away and in invokeLater.
#   python main.py run sample_projects/ThreadingBasics/scenarios/property_change.py --strict
window = system.nav.openWindow("Lessons/PropertyChange")
root = window.rootContainer
root.getComponent("AddOne").doClick()
print("after the click, quantity %d and total %d" % (root.quantity, root.total))


def report():
    print(root.getComponent("ReadNow").text)
    print(root.getComponent("ReadLater").text)


system.util.invokeLater(report)  # queued behind the script's own invokeLater
