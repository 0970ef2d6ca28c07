# HashMap iterates in Java's bucket order, not insertion order
from java.util import HashMap

m = HashMap()
for i in [100, 3, 17, 1, 16, 33, 48, 5]:
    m.put(i, i * 2)
print(m.keySet())
print(m.toString())
for k in m:
    print(k)
