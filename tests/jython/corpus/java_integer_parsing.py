# Integer/Long parsing and Java's NumberFormatException messages
from java.lang import Integer, Long, NumberFormatException

print(Integer.parseInt("42"))
print(Integer.parseInt("-17"))
print(Integer.parseInt("+8"))
print(Integer.parseInt("ff", 16))
print(Integer.valueOf("7"))
print(Long.parseLong("9223372036854775807"))
for text in ["x", "", " 1", "2147483648", "1.5"]:
    try:
        Integer.parseInt(text)
    except NumberFormatException as e:
        print(e.getMessage())
try:
    Integer.parseInt("zz", 16)
except NumberFormatException as e:
    print(e.getMessage())
try:
    Integer.parseInt(None)
except NumberFormatException as e:
    print(e.getMessage())
