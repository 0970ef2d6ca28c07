# Lesson 4 headless: FastSine (every 50 ms) and its slow value-changed script.
#   python main.py run sample_projects/TagsAndDatabase/scenarios/fast_tag.py \
#       --project sample_projects/TagsAndDatabase --strict
# With 200 ms of work per event the queue of 5 overflows: events arrive with
# missedEvents True. Stop makes the script fast again.
root = system.nav.swapTo("Lessons/FastTag").rootContainer
paths = ["[default]Lessons/Events", "[default]Lessons/MissedEvents"]
root.getComponent("Start").doClick()


def counts():
    return [qv.value for qv in system.tag.readBlocking(paths)]


def report(tries=[0]):
    events, missed = counts()
    if missed < 2 and tries[0] < 400:
        tries[0] += 1
        system.util.invokeLater(report, 25)
        return
    root.getComponent("Stop").doClick()
    print("so far the script handled %d events, %d with missedEvents True" % (
        events, missed))
    # Up to 5 slow events were still queued: let them finish.
    system.util.invokeLater(labels, 1500)


def labels(tries=[0]):
    # The bound labels follow the tags, set on the GUI thread.
    shown = [root.getComponent(name).text for name in ["Events", "Missed"]]
    if shown != [str(n) for n in counts()] and tries[0] < 200:
        tries[0] += 1
        system.util.invokeLater(labels, 25)
        return
    events, missed = counts()
    print("after Stop: %d events, %d with missedEvents True" % (events, missed))
    print("the window shows %s events, %s missed" % (shown[0], shown[1]))
    system.nav.swapTo("Main")


system.util.invokeLater(report)
