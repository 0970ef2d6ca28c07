# the Java hierarchy: NumberFormatException is an IllegalArgumentException...
from java.lang import (
    ArithmeticException,
    ClassCastException,
    Error,
    IllegalArgumentException,
    Integer,
    InterruptedException,
    NumberFormatException,
    RuntimeException,
    Throwable,
)
from java.lang import Exception as JavaException

try:
    Integer.parseInt("12a")
except IllegalArgumentException as e:
    print(e)
print(issubclass(NumberFormatException, IllegalArgumentException))
print(issubclass(IllegalArgumentException, RuntimeException))
print(issubclass(ArithmeticException, RuntimeException))
print(issubclass(ClassCastException, RuntimeException))
print(issubclass(InterruptedException, RuntimeException))
print(issubclass(InterruptedException, JavaException))
print(issubclass(Error, JavaException))
print(issubclass(Error, Throwable))
try:
    raise Error("fatal")
except JavaException:
    print("not an Exception")
except Throwable as t:
    print(t)
