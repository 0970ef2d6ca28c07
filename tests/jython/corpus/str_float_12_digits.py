x = 1.0 / 3
print x
print str(x)
print str(2.0 / 3), 0.1 + 0.2
