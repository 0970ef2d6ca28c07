# HashSet: Java's order, add returns whether the item was new
from java.util import HashSet

s = HashSet(["b", "a", "c", "a"])
print(s)
print(len(s))
print("a" in s)
print(s.add("a"))
print(s.add("d"))
print(s)
print(s.remove("b"))
try:
    s.remove("b")
except KeyError:
    print("KeyError: remove follows Python's set")
print(s)
n = HashSet()
for i in [20, 3, 17, 64, 1]:
    n.add(i)
print(n)
print(n.size())
