# how Jython picks Java overloads and prints Java classes
from java.lang import String, StringBuilder, System
from java.lang import Exception as JavaException
from java.util import ArrayList
print(String.valueOf(True))
print(StringBuilder().append(True).append(False).append(7))
System.out.println(True)
print(String.format("%s|%b", True, False))
print(ArrayList([True, False]))
print(JavaException("x").getClass())
print(JavaException)
print(ArrayList([1, 2]).toArray())
print(len(ArrayList([1, 2]).toArray()))
