# Lesson 1 headless: sendRequestAsync with onSuccess and onError.
#   python main.py run sample_projects/Messaging/scenarios/async_request.py \
#       --project sample_projects/Messaging --strict
# Opens the lesson from the Main window, clicks its three buttons and prints
# what their callbacks wrote into the labels.
system.gui.getWindow("Main").rootContainer.getComponent("Lesson1").doClick()
root = system.gui.getWindow("Lessons/AsyncRequest").rootContainer
results = ["OrdersResult", "FailResult", "MissingResult"]
for name in ["GetOrders", "Fail", "Missing"]:
    root.getComponent(name).doClick()
print("after the clicks: %s" % root.getComponent("OrdersResult").text)


def report(tries=[0]):
    # The callbacks run later, on the GUI thread: look again until all three
    # labels have their answer.
    texts = [root.getComponent(name).text for name in results]
    if "Waiting..." in texts and tries[0] < 200:
        tries[0] += 1
        system.util.invokeLater(report, 25)
        return
    for name, text in zip(results, texts):
        print("%s: %s" % (name, text))
    print("Details: %s" % root.getComponent("Details").text)


system.util.invokeLater(report)
