import string
print string.join(["a", "b", "c"], "-"), string.join(["x", "y"])
print string.split("a b  c"), string.split("a,b", ",")
