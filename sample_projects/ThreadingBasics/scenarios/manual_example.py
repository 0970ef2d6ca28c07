# The manual's invokeAsynchronous example, run headless:
#   python main.py run sample_projects/ThreadingBasics/scenarios/manual_example.py
# A plain object stands in for the button's root container until windows exist.
from java.lang import Thread


class RootContainer(object):
    resultsProperty = None


class Source(object):
    parent = RootContainer()


class Event(object):
    source = Source()


event = Event()


def longProcess(rootContainer=event.source.parent):
    import system
    print("longProcess on %s" % Thread.currentThread().getName())
    # Do something here with the database that takes a long time
    Thread.sleep(200)
    results = [("order-%d" % i, i * 10) for i in range(3)]

    # Now we'll send our results back to the UI
    def sendBack(results=results, rootContainer=rootContainer):
        rootContainer.resultsProperty = results
        print("sendBack on %s: %d rows" % (Thread.currentThread().getName(),
                                           len(rootContainer.resultsProperty)))

    system.util.invokeLater(sendBack)


system.util.invokeAsynchronous(longProcess, description="manual example")
print("actionPerformed done on %s" % Thread.currentThread().getName())
