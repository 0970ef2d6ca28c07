import string
print string.capwords("hello big world"), string.count("banana", "a")
