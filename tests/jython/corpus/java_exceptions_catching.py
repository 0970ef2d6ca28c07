# Jython's rule: except Exception does not catch a Java exception
import java
from java.lang import IllegalArgumentException, RuntimeException, Throwable


def check(raiser):
    try:
        try:
            raiser()
        except Exception:
            print("except Exception")
    except java.lang.Exception:
        print("except java.lang.Exception")


def java_error():
    raise IllegalArgumentException("bad value")


def python_error():
    raise ValueError("bad")


check(java_error)
try:
    check(python_error)
except java.lang.Exception:
    print("java.lang.Exception caught a ValueError")
except ValueError:
    print("ValueError passed java.lang.Exception")
try:
    java_error()
except Throwable:
    print("Throwable")
try:
    java_error()
except RuntimeException:
    print("RuntimeException")
try:
    int("x")
except java.lang.Exception:
    print("no")
except ValueError:
    print("ValueError")
