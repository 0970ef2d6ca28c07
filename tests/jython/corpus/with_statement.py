from __future__ import with_statement
import threading
lock = threading.Lock()
with lock:
    print "locked", lock.locked()
print "released", lock.locked()
