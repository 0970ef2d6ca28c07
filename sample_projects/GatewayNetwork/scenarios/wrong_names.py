# Lesson 2 headless: the project without remoteServer, a gateway nobody has,
# and a remote handler's error.
#   python main.py run sample_projects/GatewayNetwork/scenarios/wrong_names.py \
#       --project sample_projects/GatewayNetwork \
#       --remote Plant2=sample_projects/GatewayNetwork/remote/PlantData --strict
root = system.nav.swapTo("Lessons/WrongNames").rootContainer


def when_answered(label, then, tries=[0]):
    """Call then() once the label no longer says Waiting... (polls, GUI thread)."""
    if root.getComponent(label).text == "Waiting..." and tries[0] < 200:
        tries[0] += 1
        system.util.invokeLater(lambda: when_answered(label, then), 25)
        return
    then()


def unknown_answered():
    print("Plant9: %s" % root.getComponent("UnknownResult").text)
    print("  %s" % root.getComponent("Details").text)
    root.getComponent("NoRemote").doClick()
    root.getComponent("Fail").doClick()
    when_answered("NoRemoteResult", lambda: when_answered("FailResult", report))


def report():
    print("no remoteServer: %s" % root.getComponent("NoRemoteResult").text)
    print("fail on Plant2: %s" % root.getComponent("FailResult").text)


root.getComponent("Unknown").doClick()
when_answered("UnknownResult", unknown_answered)
