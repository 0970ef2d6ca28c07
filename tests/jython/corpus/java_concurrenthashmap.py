# ConcurrentHashMap: a map without null keys or values
from java.lang import NullPointerException
from java.util.concurrent import ConcurrentHashMap

m = ConcurrentHashMap()
m.put("k", 1)
m["j"] = 2
print(m.get("k"))
print(len(m))
print(m.putIfAbsent("k", 5))
print(m.putIfAbsent("n", 5))
print(m.get("n"))
try:
    m.put("x", None)
except NullPointerException:
    print("null value refused")
try:
    m.put(None, 1)
except NullPointerException:
    print("null key refused")
print(m.containsKey("j"))
