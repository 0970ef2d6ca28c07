# Lesson 1, headless: slow work in actionPerformed freezes the GUI thread.
#   python main.py run sample_projects/ThreadingBasics/scenarios/freeze.py
# stderr gets the stall monitor's "GUI thread warning: ... (blocking wait (sleep))".
from java.lang import System

window = system.nav.openWindow("Lessons/Freeze", {"workMs": 600})
root = window.rootContainer
posted = System.currentTimeMillis()


def tick():
    waited = System.currentTimeMillis() - posted
    print("an invokeLater due after 50 ms ran after %d ms" % waited)


system.util.invokeLater(tick, 50)  # due while the GUI thread is still busy
root.getComponent("Work").doClick()  # returns only when the slow work is done
print("after the click: %s" % root.getComponent("Status").text)
