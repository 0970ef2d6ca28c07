# TreeMap keeps keys sorted
from java.util import TreeMap

m = TreeMap()
for k in ["pear", "apple", "fig"]:
    m.put(k, len(k))
print(m)
print(m.toString())
print(m.firstKey())
print(m.lastKey())
print(m.keySet())
