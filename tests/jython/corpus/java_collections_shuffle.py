# Collections.shuffle with a seeded Random gives Java's order
from java.util import ArrayList, Collections, Random

a = ArrayList(range(10))
Collections.shuffle(a, Random(7))
print(a)
b = ArrayList(["a", "b", "c", "d", "e"])
Collections.shuffle(b, Random(12345))
print(b)
