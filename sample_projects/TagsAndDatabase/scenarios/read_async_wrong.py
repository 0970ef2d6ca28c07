# Lesson 3 headless, the wrong way: a Label set in the readAsync callback.
#   python main.py run sample_projects/TagsAndDatabase/scenarios/read_async_wrong.py \
#       --project sample_projects/TagsAndDatabase --strict
# stderr names the violation (the callback thread, not AWT-EventQueue-0) and
# --strict exits 2.
root = system.nav.swapTo("Lessons/ReadAsync").rootContainer
root.getComponent("Wrong").doClick()
print("right after the click: %s" % root.getComponent("WrongResult").text)


def report(tries=[0]):
    text = root.getComponent("WrongResult").text
    if text == "-" and tries[0] < 200:
        tries[0] += 1
        system.util.invokeLater(report, 25)
        return
    print("after the callback: %s" % text)


system.util.invokeLater(report)
