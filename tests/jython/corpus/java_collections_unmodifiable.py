# unmodifiable views refuse changes with UnsupportedOperationException
from java.lang import UnsupportedOperationException
from java.util import ArrayList, Collections, HashMap

a = Collections.unmodifiableList(ArrayList([1, 2]))
print(a)
try:
    a.add(3)
except UnsupportedOperationException as e:
    print(e)
m = HashMap()
m.put("k", 1)
ro = Collections.unmodifiableMap(m)
print(ro.get("k"))
try:
    ro.put("j", 2)
except UnsupportedOperationException:
    print("refused")
try:
    Collections.emptyList().add(1)
except UnsupportedOperationException:
    print("empty list refused")
