# out-of-range access: Java's exception from get, IndexError from indexing
from java.lang import IndexOutOfBoundsException
from java.util import ArrayList

a = ArrayList([1, 2, 3])
try:
    a.get(5)
except IndexOutOfBoundsException as e:
    print(e)
    print(e.getMessage())
try:
    a[5]
except IndexError:
    print("IndexError")
try:
    a.get(5)
except Exception:
    print("Python's Exception caught it")
except IndexOutOfBoundsException:
    print("only the Java class catches it")
