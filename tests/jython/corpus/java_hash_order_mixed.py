# Java's hash order for keys of several types and a set that resizes
from java.util import HashMap, HashSet
m = HashMap()
for k in [2.5, True, None, 10, -3, "x", 1.0, False, 123456789012, "AaBb"]:
    m.put(k, 1)
print(m.keySet())
s = HashSet()
for i in range(0, 300, 7):
    s.add(i)
print(s)
words = HashSet()
for w in "the quick brown fox jumps over the lazy dog while the cat sleeps".split():
    words.add(w)
print(words)
print(words.size())
big = HashMap(64)
for w in ["alpha", "beta", "gamma", "delta", "epsilon"]:
    big.put(w, len(w))
print(big.keySet())
small = HashMap(2)
for w in ["alpha", "beta", "gamma", "delta", "epsilon"]:
    small.put(w, len(w))
print(small.keySet())
