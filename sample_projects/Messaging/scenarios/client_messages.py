# Lesson 5 headless: sendMessage to clients filtered by host name.
#   python main.py run sample_projects/Messaging/scenarios/client_messages.py \
#       --project sample_projects/Messaging --strict
# A headless run has one client, on host "localhost". Sending to
# hostName="localhost" reaches it (one status; its EDT handler sets the
# Inbox label); hostName="hmi-2" matches no client and returns [].
root = system.nav.swapTo("Lessons/ClientMessages").rootContainer
host, send = root.getComponent("Host"), root.getComponent("SendEdt")

host.text = "hmi-2"
send.doClick()
print("to hmi-2: %s" % root.getComponent("Statuses").text)

host.text = "localhost"
send.doClick()
print("to localhost: %s" % root.getComponent("Statuses").text)
# The handler never runs on the sender's thread, not even for this client:
print("right after sending: %s" % root.getComponent("Inbox").text)


def report():
    print("after the handler: %s" % root.getComponent("Inbox").text)
    root.getComponent("Message").text = "Line 4 running"
    root.getComponent("SendShared").doClick()
    system.util.invokeLater(report_shared, 100)


def report_shared(tries=[0]):
    text = root.getComponent("Inbox").text
    if "logAlert" not in text and tries[0] < 200:
        tries[0] += 1
        system.util.invokeLater(report_shared, 25)
        return
    print("after the Shared handler: %s" % text)


system.util.invokeLater(report)  # queued behind the EDT handler
