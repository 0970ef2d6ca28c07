# Arrays.asList is fixed-size; Arrays.toString and sort
import jarray
from java.lang import UnsupportedOperationException
from java.util import Arrays

l = Arrays.asList(3, 1, 2)
print(l)
print(l.size())
print(l.get(0))
l.set(0, 30)
print(l)
try:
    l.add(4)
except UnsupportedOperationException:
    print("fixed size")
arr = jarray.array([5, 2, 8, 1], "i")
Arrays.sort(arr)
print(arr)
print(Arrays.toString([1, 2]))
