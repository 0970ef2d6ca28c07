b = b"abc"
print b, type(b) == str, b + "d"
