# Lesson 3 headless, the right way: the callback hands the value to invokeLater.
#   python main.py run sample_projects/TagsAndDatabase/scenarios/read_async_right.py \
#       --project sample_projects/TagsAndDatabase --strict
# No violation: the Label is set on AWT-EventQueue-0.
system.tag.writeBlocking(["[default]Lessons/Setpoint"], [57])
root = system.nav.swapTo("Lessons/ReadAsync").rootContainer
root.getComponent("Right").doClick()
print("right after the click: %s" % root.getComponent("RightResult").text)


def report(tries=[0]):
    text = root.getComponent("RightResult").text
    if text == "-" and tries[0] < 200:
        tries[0] += 1
        system.util.invokeLater(report, 25)
        return
    print("after the callback: %s" % text)


system.util.invokeLater(report)
