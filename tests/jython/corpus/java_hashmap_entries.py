# iterating entrySet: getKey/getValue and the bean properties key/value
from java.util import HashMap

m = HashMap()
m.put("x", 1)
m.put("y", [1, 2])
for e in m.entrySet():
    print(e.getKey())
    print(e.value)
    print(e)
it = m.keySet().iterator()
while it.hasNext():
    print(it.next())
print(m.keySet().contains("x"))
