# Lesson 2 headless: a request that times out, and one that is cancelled.
#   python main.py run sample_projects/Messaging/scenarios/timeout_cancel.py \
#       --project sample_projects/Messaging --strict
# The handler sleeps 0.5 s; the first request gives up after 0.2 s, the
# second is cancelled 100 ms after it was sent. The handler still finishes
# both times (its "finished" lines), after the callers have moved on.
root = system.nav.swapTo("Lessons/TimeoutCancel").rootContainer
root.getComponent("Seconds").doubleValue = 0.5
root.getComponent("Timeout").doubleValue = 0.2
root.getComponent("SendTimeout").doClick()
root.getComponent("Send").doClick()
system.util.invokeLater(root.getComponent("Cancel").doClick, 100)


def report(tries=[0]):
    texts = [root.getComponent(name).text for name in ("TimeoutResult", "CancelResult")]
    if any(text.startswith("Waiting") for text in texts) and tries[0] < 200:
        tries[0] += 1
        system.util.invokeLater(report, 25)
        return
    print("timeoutSec=0.2: %s" % texts[0])
    print("cancel after 100 ms: %s" % texts[1])


system.util.invokeLater(report)
