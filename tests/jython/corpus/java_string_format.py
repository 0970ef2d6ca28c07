# String.format: Java's Formatter
from java.lang import String

print(String.format("%05d|%s", 42, "x"))
print(String.format("%.2f", 3.14159))
print(String.format("%8.3f|", 2.5))
print(String.format("%-6s|%6s|", "ab", "cd"))
print(String.format("%x %X %o", 255, 255, 8))
print(String.format("%,d", 1234567))
print(String.format("%s and %s", None, True))
print(String.format("%b %b", None, "x"))
print(String.format("%d%%", 50))
print(String.format("a%nb"))
print(String.format("%2$s %1$s", "world", "hello"))
print(String.format("%+d", 5))
print(String.format("%e", 12345.678))
