# getMessage, toString, str and causes of Java exceptions
from java.lang import Exception as JavaException
from java.lang import IllegalStateException, NullPointerException, RuntimeException

e = IllegalStateException("not ready")
print(e)
print(str(e))
print(e.getMessage())
print(e.message)
print(e.toString())
print(e.getClass().getName())
print(e.getClass().getSimpleName())
n = NullPointerException()
print(n)
print(n.getMessage())
c = RuntimeException("outer", e)
print(c.getCause())
print(c.getMessage())
w = RuntimeException(e)
print(w.getMessage())
print(w)
try:
    raise JavaException("plain")
except JavaException as x:
    print(x)
