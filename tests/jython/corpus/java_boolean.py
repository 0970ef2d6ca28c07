# Boolean: parseBoolean is true only for "true" in any case
from java.lang import Boolean

print(Boolean.parseBoolean("TRUE"))
print(Boolean.parseBoolean("yes"))
print(Boolean.parseBoolean(None))
print(Boolean.valueOf("true"))
print(Boolean.TRUE)
print(Boolean.FALSE)
print(Boolean.toString(True))
print(Boolean.toString(False))
