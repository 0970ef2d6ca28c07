# Lesson 3, the right way, headless: get() inside invokeAsynchronous.
#   python main.py run sample_projects/Messaging/scenarios/get_in_worker.py \
#       --project sample_projects/Messaging --strict
# The button returns at once; the worker waits for slowReport (0.6 s) and
# hands the result back with invokeLater. No stall is reported.
root = system.nav.swapTo("Lessons/GetBlocking").rootContainer
root.getComponent("InWorker").doClick()
print("clicked: %s" % root.getComponent("WorkerResult").text)


def report(tries=[0]):
    text = root.getComponent("WorkerResult").text
    if text.endswith("waiting...") and tries[0] < 200:
        tries[0] += 1
        system.util.invokeLater(report, 25)
        return
    print("later: %s" % text)


system.util.invokeLater(report)
