# Lesson 2 headless: the project without remoteServer, a gateway nobody has,
# and a remote handler's error.
#   python main.py run sample_projects/GatewayNetwork/scenarios/wrong_names.py \
#       --project sample_projects/GatewayNetwork \
#       --remote Plant2=sample_projects/GatewayNetwork/remote/PlantData --strict
root = system.nav.swapTo("Lessons/WrongNames").rootContainer
root.getComponent("Unknown").doClick()
# No waiting needed: the unknown gateway raised inside the button's script.
print("Plant9: %s" % root.getComponent("UnknownResult").text)
print("  %s" % root.getComponent("Details").text)
root.getComponent("NoRemote").doClick()
root.getComponent("Fail").doClick()
labels = ("NoRemoteResult", "FailResult")


def report(tries=[0]):
    texts = [root.getComponent(name).text for name in labels]
    if "Waiting..." in texts and tries[0] < 200:
        tries[0] += 1
        system.util.invokeLater(report, 25)
        return
    print("no remoteServer: %s" % texts[0])
    print("fail on Plant2: %s" % texts[1])


system.util.invokeLater(report)
