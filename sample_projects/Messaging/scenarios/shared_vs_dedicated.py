# Lesson 4 headless: Shared vs Dedicated gateway handlers under load.
#   python main.py run sample_projects/Messaging/scenarios/shared_vs_dedicated.py \
#       --project sample_projects/Messaging --strict
# Four slow Shared requests fill the gateway's pool of 4 threads, so the fast
# Shared request queues behind them (about 0.6 s); the Dedicated one runs on
# its own thread and answers at once.
root = system.nav.swapTo("Lessons/SharedDedicated").rootContainer
root.getComponent("Count").intValue = 4
root.getComponent("Fire").doClick()
labels = ("DedicatedResult", "FastResult", "SlowResult")


def report(tries=[0]):
    texts = [root.getComponent(name).text for name in labels]
    busy = "Waiting..." in texts or not texts[2].startswith("4 of 4")
    if busy and tries[0] < 200:
        tries[0] += 1
        system.util.invokeLater(report, 25)
        return
    for text in texts:
        print(text)


system.util.invokeLater(report)
