# Lesson 5 headless: a Table bound to a query, polling every second.
#   python main.py run sample_projects/TagsAndDatabase/scenarios/polling_table.py \
#       --project sample_projects/TagsAndDatabase --strict
# The rows arrive without any script asking; a row added by "Add a row"
# shows up at the next poll. Swapping back to Main stops the polling.
root = system.nav.swapTo("Lessons/PollingTable").rootContainer
table = root.getComponent("Rows")
# The query runs on a worker: nothing is there yet when the window opens.
print("when the window opens: data is %s" % table.data)


def first(tries=[0]):
    counted = root.getComponent("Count").text.endswith(": 9")
    if (root.polls < 1 or not counted) and tries[0] < 400:
        tries[0] += 1
        system.util.invokeLater(first, 25)
        return
    print("first poll: %d rows, newest id %s; %s" % (
        table.data.getRowCount(), table.data.getValueAt(0, "id"),
        root.getComponent("Count").text))
    root.getComponent("Add").doClick()
    system.util.invokeLater(added)


def added(tries=[0]):
    # The Table and the Count label poll on their own schedules: wait for both.
    shown = table.data.getValueAt(0, "line") == "Line 4"
    counted = root.getComponent("Count").text.endswith(": 10")
    if not (shown and counted) and tries[0] < 400:
        tries[0] += 1
        system.util.invokeLater(added, 25)
        return
    print("after Add a row: newest id %s on %s after %d changes; %s" % (
        table.data.getValueAt(0, "id"), table.data.getValueAt(0, "line"),
        root.polls, root.getComponent("Count").text))
    system.nav.swapTo("Main")


system.util.invokeLater(first)
