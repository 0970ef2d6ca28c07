# Lesson 1 headless: a request to the remote gateway Plant2, and a message.
#   python main.py run sample_projects/GatewayNetwork/scenarios/remote_request.py \
#       --project sample_projects/GatewayNetwork \
#       --remote Plant2=sample_projects/GatewayNetwork/remote/PlantData --strict
# The handler runs on a Plant2 thread (gateway-Plant2-shared-N); onSuccess
# runs here, on this client's GUI thread.
root = system.nav.swapTo("Lessons/RemoteRequest").rootContainer
root.getComponent("Request").doClick()
root.getComponent("Note").doClick()
print("sendMessage returned: %s" % root.getComponent("Statuses").text)


def report(tries=[0]):
    text = root.getComponent("Result").text
    if text == "Waiting..." and tries[0] < 200:
        tries[0] += 1
        system.util.invokeLater(report, 25)
        return
    print(text)


system.util.invokeLater(report)
