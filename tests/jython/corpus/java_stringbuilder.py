# StringBuilder: chained appends with Java's text for each value
from java.lang import StringBuffer, StringBuilder

sb = StringBuilder("ab")
sb.append("c").append(1).append(2.5).append(None)
print(sb)
print(sb.length())
print(sb.toString())
sb.insert(0, "<")
print(sb)
print(sb.reverse())
print(sb.indexOf("c"))
sb.setLength(3)
print(sb)
sb.deleteCharAt(0)
print(sb)
buf = StringBuffer()
for i in range(3):
    buf.append(i).append(",")
print(buf.toString())
print(StringBuilder().append(1e10).append(0.5))
