import threading
t = threading.Thread(target=lambda: None)
print t.isAlive()
