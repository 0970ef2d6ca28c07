# Lesson 1 headless: a query on the GUI thread against SlowPlant (1.5 s).
#   python main.py run sample_projects/TagsAndDatabase/scenarios/frozen_client.py \
#       --project sample_projects/TagsAndDatabase
# stderr gets the stall monitor's "GUI thread warning: ... (blocking wait
# (system.db.runPrepQuery))"; an invokeLater due after 50 ms has to wait.
from java.lang import System

root = system.nav.swapTo("Lessons/FrozenClient").rootContainer
posted = System.currentTimeMillis()


def tick():
    waited = System.currentTimeMillis() - posted
    print("an invokeLater due after 50 ms ran after %d ms" % waited)


system.util.invokeLater(tick, 50)  # due while the GUI thread waits for the query
root.getComponent("Query").doClick()  # returns only when the query is done
print("after the click: %s" % root.getComponent("Status").text)
