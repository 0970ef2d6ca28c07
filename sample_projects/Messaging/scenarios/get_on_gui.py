# Lesson 3, the wrong way, headless: get() on the GUI thread.
#   python main.py run sample_projects/Messaging/scenarios/get_on_gui.py \
#       --project sample_projects/Messaging
# doClick runs the button's script here, on the GUI thread, and get() holds
# it for the whole 0.6 s of slowReport: the stall monitor prints a "GUI
# thread warning ... blocking wait (Request.get)" on stderr. (The exit code
# stays 0: a freeze is a bug to fix, not an error.)
root = system.nav.swapTo("Lessons/GetBlocking").rootContainer
root.getComponent("OnGui").doClick()
print("clicked: %s" % root.getComponent("GuiResult").text)
