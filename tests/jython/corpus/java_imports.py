# the import forms scripts use for Java packages
import jarray
import java
import java.util
import java.util.concurrent.atomic
from java.lang import Math as M
from java.util.concurrent.atomic import AtomicInteger

print(java.util.ArrayList([1]))
print(java.lang.Integer.MAX_VALUE)
print(M.max(3, 4))
print(java.util.concurrent.atomic.AtomicInteger(3))
print(AtomicInteger is java.util.concurrent.atomic.AtomicInteger)
print(jarray.zeros(1, "i"))
