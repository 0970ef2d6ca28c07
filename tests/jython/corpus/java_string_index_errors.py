# StringIndexOutOfBoundsException messages; len() of a StringBuilder is an error in Jython
from java.lang import String, StringBuilder, IndexOutOfBoundsException
s = String("hello")
for f in [lambda: s.charAt(10), lambda: s.substring(7), lambda: s.substring(3, 1), lambda: StringBuilder("ab").charAt(5), lambda: StringBuilder("ab").deleteCharAt(5)]:
    try:
        f()
    except IndexOutOfBoundsException as e:
        print(e)
try:
    len(StringBuilder("abc"))
except TypeError:
    print("no len()")
print(StringBuilder("abc").length())
