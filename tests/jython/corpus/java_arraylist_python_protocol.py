# ArrayList as Jython lets Python code use it: for, len, in, indexing
from java.util import ArrayList

a = ArrayList([3, 1, 2])
for x in a:
    print(x)
print(len(a))
print(2 in a)
print(7 in a)
print(a[0])
print(a[-1])
a[1] = 9
print(a)
print(a[0:2])
print(a == ArrayList([3, 9, 2]))
print(a.equals(ArrayList([3, 9, 2])))
print(a.hashCode())
print(sum(a))
print(sorted(a))
