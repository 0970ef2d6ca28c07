# Lesson 2 headless: the slow query in invokeAsynchronous, the rows handed
# back with invokeLater.
#   python main.py run sample_projects/TagsAndDatabase/scenarios/right_way.py \
#       --project sample_projects/TagsAndDatabase --strict
# The click returns at once, no stall and no violation is reported.
root = system.nav.swapTo("Lessons/RightWay").rootContainer
root.getComponent("Query").doClick()
print("after the click: %s" % root.getComponent("Status").text)


def report(tries=[0]):
    text = root.getComponent("Status").text
    if not text.startswith("Done") and tries[0] < 400:
        tries[0] += 1
        system.util.invokeLater(report, 25)
        return
    print(text)
    rows = root.getComponent("Rows").data
    print("the table has %d rows, lines %s" % (
        rows.getRowCount(), sorted(set(rows.getColumnAsList("line")))))


system.util.invokeLater(report)
