# The same example, but the worker writes the Label itself: under --strict this
# run exits 2 and names the script and line.
#   python main.py run sample_projects/ThreadingBasics/scenarios/unsafe_label_write.py --strict
window = system.nav.openWindow("Main")
window.rootContainer.getComponent("StartUnsafe").doClick()
