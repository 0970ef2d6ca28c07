# LinkedHashMap keeps insertion order
from java.util import LinkedHashMap

m = LinkedHashMap()
for k in ["zeta", "alpha", "mid", "beta"]:
    m.put(k, len(k))
print(m)
print(m.toString())
print(m.keySet())
m.put("alpha", 0)
print(m.values())
m.remove("zeta")
m.put("zeta", 1)
print(m.keySet())
