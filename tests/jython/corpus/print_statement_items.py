x = 3
print "a", x, 2.5, None, [1, "b"]
