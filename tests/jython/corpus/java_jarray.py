# jarray: Java arrays print as Jython prints them
import jarray
from java.lang import String

a = jarray.array([1, 2, 3], "i")
print(a)
print(len(a))
print(a[0])
print(a[-1])
a[1] = 20
print(a)
print(jarray.zeros(3, "d"))
print(jarray.zeros(2, "i"))
print(jarray.zeros(2, "z"))
print(jarray.array([1.5, 2], "d"))
print(jarray.array([127, -1], "b"))
try:
    jarray.array([200], "b")
except OverflowError as e:
    print(e)
print(jarray.array(["a", "b"], String))
print(jarray.zeros(2, String))
total = 0
for x in a:
    total += x
print(total)
print(list(a))
