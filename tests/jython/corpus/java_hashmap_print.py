# HashMap prints like a dict of unicode keys; toString is Java's
from java.util import HashMap

m = HashMap()
m.put("b", 1)
m.put("a", 2)
m.put("zz", None)
print(m)
print(m.toString())
print(m.keySet())
print(m.values())
print(m.entrySet())
print(m.size())
print(m.get("a"))
print(m.get("nope"))
print(m.containsKey("zz"))
print(m.containsValue(1))
