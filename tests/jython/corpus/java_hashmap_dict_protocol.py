# Jython gives Java maps the dict protocol
from java.util import HashMap

m = HashMap()
m["a"] = 1
m["b"] = 2
print(m["a"])
print("a" in m)
print("c" in m)
print(len(m))
try:
    m["c"]
except KeyError:
    print("KeyError")
print(m.has_key("b"))
print(m.getOrDefault("c", 5))
print(m.put("a", 10))
print(m.remove("b"))
print(m)
for k in m:
    print(k)
total = 0
for k, v in m.items():
    total += v
print(total)
print(m.isEmpty())
m.clear()
print(m)
print(m.isEmpty())
