# Lesson 1's last button headless: a request that fails with no onError and
# no get(). Nobody observes the error, so the run reports it and exits 1.
#   python main.py run sample_projects/Messaging/scenarios/unobserved_error.py \
#       --project sample_projects/Messaging
window = system.nav.swapTo("Lessons/AsyncRequest")
window.rootContainer.getComponent("Lost").doClick()
print(window.rootContainer.getComponent("LostResult").text)
