# Java exceptions from Java calls, bare raise of a class, bare except, sys.exc_info
from java.lang import Integer, IllegalStateException, Throwable
from java.lang import Exception as JE
try:
    try:
        Integer.parseInt("x")
    except Exception as e:
        print("Exception caught NFE")
except JE as e:
    print("java caught: " + str(e))
try:
    raise IllegalStateException
except IllegalStateException as e:
    print(e)
try:
    raise IllegalStateException("m")
except:
    print("bare except catches")
e = IllegalStateException("q")
print(isinstance(e, JE))
print(isinstance(e, Throwable))
print(e.getLocalizedMessage())
print(e.cause)
print(IllegalStateException("a", IllegalStateException("b")).getCause())
import sys
try:
    raise IllegalStateException("z")
except:
    t, v, tb = sys.exc_info()
    print(t)
    print(v)
