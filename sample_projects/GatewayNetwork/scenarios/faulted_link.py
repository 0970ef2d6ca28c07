# Lesson 3's buttons headless. A headless run cannot fault a link (that is
# the app's Gateway panel), so over the healthy link both succeed: compare
# with the app, where the same clicks end in onError and sendStatus=ERROR.
#   python main.py run sample_projects/GatewayNetwork/scenarios/faulted_link.py \
#       --project sample_projects/GatewayNetwork \
#       --remote Plant2=sample_projects/GatewayNetwork/remote/PlantData --strict
root = system.nav.swapTo("Lessons/FaultedLink").rootContainer
root.getComponent("Timeout").doubleValue = 2.0
root.getComponent("Request").doClick()
root.getComponent("Note").doClick()
print("sendMessage returned: %s" % root.getComponent("NoteResult").text)


def report(tries=[0]):
    text = root.getComponent("Result").text
    if text.startswith("Waiting") and tries[0] < 200:
        tries[0] += 1
        system.util.invokeLater(report, 25)
        return
    print(text)


system.util.invokeLater(report)
